/** `npm start` without a token: one line saying so, then the same commands read from stdin until it ends. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { entryArgs, PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';
import { databasePath } from './harness.js';

const root = resolve(import.meta.dirname, '../..');

async function localMode(input: string) {
  const child = execFile(process.execPath, entryArgs('main'), {
    cwd: root,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DATABASE_PATH: await databasePath(),
      BRIEFINGS_DIR: 'briefings',
    },
  });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': stdout and stderr are complete only once the pipes have closed too.
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, stdout, stderr };
}

describe('local mode', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('answers piped commands as text with the same handlers, then exits 0', async () => {
    const result = await localMode(
      [
        '/briefing party name:Russia',
        '/briefing show id:berlin',
        'briefing search query:donetsk',
        '/weather',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      'No DISCORD_TOKEN set: local mode, commands are answered here in the terminal.',
    ]);
    expect(result.stdout).toContain('Russia · country');
    expect(result.stdout).toMatch(/Kremlin spokesman Dmitry Peskov .* — What happened/);
    expect(result.stdout).toContain('Did you mean: berlin-talks-second-day?');
    expect(result.stdout).toContain('Search: donetsk');
    expect(result.stdout).toContain('Unknown command. Try: /briefing, /digest');
  });

  it('stops start-up with a clear message when the database cannot be opened, resetting nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefing-corrupt-'));
    const file = join(dir, 'bot.sqlite');
    await writeFile(file, 'this is not a database, and it must still be here afterwards');
    const child = await promisify(execFile)(process.execPath, entryArgs('main'), {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: file },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(child).toMatchObject({ code: 1 });
    expect((child as { stderr: string }).stderr).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('this is not a database, and it must still be here afterwards');
  });

  it('stops start-up with one line naming a malformed variable', async () => {
    const child = await promisify(execFile)(process.execPath, entryArgs('main'), {
      cwd: root,
      env: { ...process.env, DEFAULT_TIMEZONE: 'Mars/Olympus' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(child).toMatchObject({ code: 1 });
    expect((child as { stderr: string }).stderr.trim()).toMatch(
      /^DEFAULT_TIMEZONE: expected an IANA time zone/,
    );
  });
});
