/**
 * The entry points as processes: `node <script>.js` on src/ compiled once by tests/support/build-once.ts, the
 * same code `npm start` / `npm run deploy-commands` / the `briefings` bin run through tsx, without tsx's
 * per-process import cost. Process tests wait for the process (its output, its exit), never for a time, and
 * get PROCESS_TEST_TIMEOUT_MS: a test that starts a few Node processes needs that long on a loaded 2-core machine.
 */
import { join } from 'node:path';
import { inject } from 'vitest';

/** Per test (and per hook) for tests that spawn processes. */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

/** The argv after `node` that runs `src/<entry>.ts`, compiled. */
export function entryArgs(entry: 'main' | 'cli' | 'deploy-commands'): string[] {
  return [join(inject('builtSrc'), `${entry}.js`)];
}
