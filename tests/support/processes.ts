/**
 * The entry points as processes: `node <script>.js` on src/ compiled once by tests/support/build-once.ts, the
 * same code `npm start` / `npm run start:sharded` / `npm run deploy-commands` / the `briefings` bin run through tsx,
 * without tsx's per-process import cost. Process tests wait for the process (its output, its exit), never for a
 * time, and get PROCESS_TEST_TIMEOUT_MS: a test that starts a few Node processes needs that long on a loaded 2-core
 * machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

/** Per test (and per hook) for tests that spawn processes. */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

export type Entry = 'main' | 'cli' | 'deploy-commands' | 'sharded';

/** The argv after `node` that runs `src/<entry>.ts`, compiled. */
export function entryArgs(entry: Entry): string[] {
  return [join(inject('builtSrc'), `${entry}.js`)];
}

const root = resolve(import.meta.dirname, '../..');

export type OutputMatcher = string | RegExp | ((output: string) => boolean);

/** How many lines of JSON log output carry this `msg`. */
export function countMessages(output: string, msg: string | RegExp): number {
  const wanted = typeof msg === 'string' ? (text: string) => text === msg : (text: string) => msg.test(text);
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => {
      try {
        return wanted(String((JSON.parse(line) as { msg?: unknown }).msg));
      } catch {
        return false;
      }
    }).length;
}

export interface EntryProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far, in order of arrival. */
  readonly output: string;
  /**
   * Resolves once its output contains `text` (matches it, or satisfies it: `(output) => boolean`); rejects if the
   * process ends first.
   */
  waitForOutput(text: OutputMatcher, timeoutMs?: number): Promise<void>;
  /** Sends `signal` (SIGTERM) and resolves with the exit code once the process ended and its pipes closed. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL if it is still running: for afterAll. */
  kill(): void;
}

/** Starts an entry in the project folder with `env` over this process's environment, its output collected. */
export function startEntry(entry: Entry, env: Record<string, string>): EntryProcess {
  const child = spawn(process.execPath, entryArgs(entry), {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of [...watchers]) watcher();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // 'close', not 'exit': the output is complete only once the pipes have closed too.
  const closed = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  let ended = false;
  void closed.then(() => {
    ended = true;
    for (const watcher of [...watchers]) watcher();
  });
  const found = (text: OutputMatcher) =>
    typeof text === 'string'
      ? output.includes(text)
      : typeof text === 'function'
        ? text(output)
        : text.test(output);
  return {
    child,
    get output() {
      return output;
    },
    waitForOutput(text, timeoutMs = PROCESS_TEST_TIMEOUT_MS - 10_000) {
      return new Promise((resolve, reject) => {
        const watcher = () => {
          if (!found(text) && !ended) return;
          watchers.delete(watcher);
          clearTimeout(timer);
          if (found(text)) resolve();
          else reject(new Error(`the process ended before writing ${String(text)}:\n${output}`));
        };
        const timer = setTimeout(() => {
          watchers.delete(watcher);
          reject(new Error(`no ${String(text)} in the output within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        watchers.add(watcher);
        watcher();
      });
    },
    stop(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return closed;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
