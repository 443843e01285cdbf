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

async function localMode(input: string, briefingsDir = 'briefings') {
  const child = execFile(process.execPath, entryArgs('main'), {
    cwd: root,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DATABASE_PATH: await databasePath(),
      BRIEFINGS_DIR: briefingsDir,
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

  it('publishes a brief pasted at the prompt: the preview, save, and the briefing served at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefing-local-publish-'));
    const result = await localMode(
      [
        '/editor publish',
        'Grain corridor talks resume in Istanbul',
        'Date: 2026-01-05',
        '',
        'Negotiators from Russia and Ukraine met in Istanbul on Monday.',
        '',
        'What happened',
        '- Delegations met for six hours.',
        '',
        'Why it matters',
        '- Exports through the Black Sea depend on a deal.',
        '.',
        'save',
        '/briefing show id:grain-corridor-talks-resume-in-istanbul',
      ].join('\n'),
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Publish a briefing: paste the brief, then a line with a single ".".');
    expect(result.stdout).toContain(
      'Read as a plain-text brief; Save writes 2026-01-05-grain-corridor-talks-resume-in-istanbul.md',
    );
    expect(result.stdout).toContain('(type "save", "edit", "cancel")');
    expect(result.stdout).toContain('Saved Grain corridor talks resume in Istanbul');
    // The show after the save finds it: the library read the file before "Saved" was printed.
    expect(result.stdout.split('Saved Grain')[1]).toContain('Delegations met for six hours.');
    const saved = await readFile(join(dir, '2026-01-05-grain-corridor-talks-resume-in-istanbul.md'), 'utf8');
    expect(saved).toMatch(/^---\ntitle: Grain corridor talks resume in Istanbul\ndate: 2026-01-05\n/);
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
