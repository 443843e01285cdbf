/**
 * Every file the editor tools read goes through the bot's reader, under the bot's size limit: a device, a
 * FIFO or a huge file is one line on stderr and exit 1, never a hang or `RangeError: Invalid string length`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_FILE_BYTES } from '../../src/files/read-text-file.js';
import { fifo } from '../files/helpers.js';
import { PROCESS_TEST_TIMEOUT_MS, runCli } from './run.js';

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefings-reading-'));
  temporary.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const twiceTheLimit = () => 'a'.repeat(2 * MAX_TEXT_FILE_BYTES);

describe('briefings parse', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('refuses /dev/zero as not a regular file', async () => {
    const result = await runCli(['parse', '/dev/zero']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('/dev/zero: not a regular file\n');
    expect(result.stdout).toBe('');
  });

  it('refuses a FIFO nobody writes to, without waiting for a writer', async () => {
    const file = join(await tempDir(), '2025-12-15-pipe.md');
    fifo(file);
    const result = await runCli(['parse', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${file}: not a regular file\n`);
  });

  it('refuses a file over the limit the bot applies', async () => {
    const file = join(await tempDir(), '2025-12-15-huge.md');
    await writeFile(file, twiceTheLimit());
    const result = await runCli(['parse', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${file}: the file is 2048 KB: a briefing must be under 1 MB\n`);
  });
});

describe('briefings import', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('refuses a file over the limit, and stdin past the limit', async () => {
    const file = join(await tempDir(), 'huge.txt');
    await writeFile(file, twiceTheLimit());
    const fromFile = await runCli(['import', file]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe(`${file}: the file is 2048 KB: a brief must be under 1 MB\n`);

    // One byte over: stdin has no size to look at, so this is the read itself stopping.
    const fromStdin = await runCli(['import', '-'], { stdin: 'a'.repeat(MAX_TEXT_FILE_BYTES + 1) });
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.stderr).toBe('stdin.txt: the input is over 1 MB: a brief must be under 1 MB\n');
    expect(fromStdin.stdout).toBe('');
  });
});

describe('briefings check', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('reports a parties.yml that is a FIFO instead of waiting on it', async () => {
    const dir = await tempDir();
    fifo(join(dir, 'parties.yml'));
    const result = await runCli(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${join(dir, 'parties.yml')}: not a regular file\n`);
  });
});
