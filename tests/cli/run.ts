/** Runs `briefings ...` as an editor would, through the package bin, optionally with text on stdin. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  return new Promise<CliResult>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/briefings.js'), ...args], {
      cwd: root,
      env: { ...process.env, BRIEFINGS_DIR: join(root, 'briefings'), ...options.env },
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
    child.stdin.end(options.stdin ?? '');
  });
}
