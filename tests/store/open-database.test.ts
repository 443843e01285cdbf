import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { tempDir } from '../digest/helpers.js';
import { PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';

/**
 * openDatabase(path) called in a child process: if it loops (the bug spun at 100% CPU forever), the test
 * worker is not frozen with it; the test fails at its timeout and the child is killed.
 */
function openInChild(path: string): Promise<{ code: number | null; stdout: string }> {
  const compiled = pathToFileURL(join(inject('builtSrc'), 'store/sqlite/open-database.js')).href;
  const script =
    `import { openDatabase } from ${JSON.stringify(compiled)};` +
    'try { openDatabase(process.argv[1]); } catch (error) { process.stdout.write(error.message); process.exitCode = 3; }';
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Passed, failed or timed out: the child does not outlive its test.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

describe('openDatabase', () => {
  it(
    'stops at once, naming the file, when its folder cannot exist (/proc/nope)',
    async () => {
      const { code, stdout } = await openInChild('/proc/nope/db.sqlite');
      expect(code).toBe(3);
      expect(stdout).toMatch(
        /^Cannot write the schedule database \/proc\/nope\/db\.sqlite \(cannot create its folder/,
      );
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it('names the file when a part of its folder is a file', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const path = join(file, 'data', 'bot.sqlite');
    expect(() => openDatabase(path)).toThrow(
      new RegExp(
        `^Cannot write the schedule database ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(cannot create its folder: ENOTDIR`,
      ),
    );
  });
});
