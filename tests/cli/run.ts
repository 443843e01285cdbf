/**
 * Runs `briefings ...` as an editor would, optionally with text on stdin: the CLI compiled once for the run
 * (tests/support/processes.ts), or through the package bin itself (tsx) with `viaBin`.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { entryArgs } from '../support/processes.js';

export { PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';

export const root = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; viaBin?: boolean } = {},
) {
  const program = options.viaBin ? [join(root, 'bin/briefings.js')] : entryArgs('cli');
  return new Promise<CliResult>((done, fail) => {
    const child = spawn(process.execPath, [...program, ...args], {
      cwd: root,
      // Each run its own index (in memory): runs on different folders at once never share one.
      env: { ...process.env, BRIEFINGS_DIR: join(root, 'briefings'), INDEX_PATH: ':memory:', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    // A command may stop reading stdin early (input over the size limit): the rest is not its to take.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}
