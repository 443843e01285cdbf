import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_FILE_BYTES, readTextFile, readTextStream } from '../../src/files/read-text-file.js';
import { withTempDir } from '../briefing/helpers.js';
import { heldFifo } from './helpers.js';

const openDescriptors = () => readdirSync('/dev/fd').length;

describe('readTextFile', () => {
  it('reads a regular file as UTF-8 text, without its byte-order mark', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'a.md');
      writeFileSync(file, '\ufeffTitle: Ünïcode ✓\n');
      expect(readTextFile(file)).toEqual({ ok: true, text: 'Title: Ünïcode ✓\n' });
    });
  });

  it('refuses what is not a regular file: a folder, /dev/zero, a FIFO', async () => {
    await withTempDir(async (dir) => {
      const fifo = heldFifo(join(dir, 'parties.yml'));
      try {
        for (const path of [dir, '/dev/zero', join(dir, 'parties.yml')]) {
          expect(readTextFile(path)).toEqual({
            ok: false,
            failure: 'not-regular',
            message: 'not a regular file',
          });
        }
      } finally {
        fifo.close();
      }
    });
  });

  it('reads a file of exactly the limit and refuses one byte more, naming the size and the limit', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'at.txt'), 'a'.repeat(100));
      writeFileSync(join(dir, 'over.txt'), 'a'.repeat(101));
      expect(readTextFile(join(dir, 'at.txt'), { maxBytes: 100 })).toMatchObject({ ok: true });
      expect(readTextFile(join(dir, 'over.txt'), { maxBytes: 100 })).toMatchObject({
        ok: false,
        failure: 'too-large',
      });

      expect(MAX_TEXT_FILE_BYTES).toBe(1024 * 1024);
      writeFileSync(join(dir, 'huge.md'), Buffer.alloc(2 * MAX_TEXT_FILE_BYTES, 0x61));
      expect(readTextFile(join(dir, 'huge.md'), { what: 'a briefing' })).toEqual({
        ok: false,
        failure: 'too-large',
        message: 'the file is 2048 KB: a briefing must be under 1 MB',
      });
    });
  });

  it('tells a missing file, binary bytes and text that is not UTF-8 apart', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
      writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x61, 0xe9, 0x0a]));
      expect(readTextFile(join(dir, 'nope.md'))).toMatchObject({ ok: false, failure: 'missing' });
      expect(readTextFile(join(dir, 'binary.md'))).toMatchObject({ ok: false, failure: 'binary' });
      expect(readTextFile(join(dir, 'latin1.md'))).toMatchObject({ ok: false, failure: 'not-utf8' });
    });
  });

  it('closes every descriptor it opens, whatever the outcome', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'ok.md'), 'text');
      writeFileSync(join(dir, 'big.md'), 'a'.repeat(200));
      writeFileSync(join(dir, 'binary.md'), Buffer.from([0]));
      mkdirSync(join(dir, 'folder'));
      const paths = ['ok.md', 'big.md', 'binary.md', 'folder', 'missing.md'].map((name) => join(dir, name));
      const before = openDescriptors();
      for (let round = 0; round < 50; round++)
        for (const path of [...paths, '/dev/zero']) readTextFile(path, { maxBytes: 100 });
      expect(openDescriptors()).toBe(before);
    });
  });
});

describe('readTextStream', () => {
  it('stops reading an endless stream past the limit, and releases it', async () => {
    let pulled = 0;
    let released = false;
    async function* endless() {
      try {
        for (;;) {
          pulled++;
          yield Buffer.alloc(64 * 1024, 0x61);
        }
      } finally {
        released = true;
      }
    }
    const read = await readTextStream(endless(), { what: 'a brief' });
    expect(read).toEqual({
      ok: false,
      failure: 'too-large',
      message: 'the input is over 1 MB: a brief must be under 1 MB',
    });
    expect(pulled).toBe(17);
    expect(released).toBe(true);
  });

  it('reads a stream within the limit with the same checks as a file', async () => {
    async function* chunks(...parts: Buffer[]) {
      yield* parts;
    }
    expect(await readTextStream(chunks(Buffer.from('a '), Buffer.from('brief')))).toEqual({
      ok: true,
      text: 'a brief',
    });
    expect(await readTextStream(chunks(Buffer.from([0x61, 0x00])))).toMatchObject({ failure: 'binary' });
  });
});
