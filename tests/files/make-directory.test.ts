import { existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DirectoryCalls, makeDirectory } from '../../src/files/make-directory.js';
import { withTempDir } from '../briefing/helpers.js';

const enoent = (path: string) =>
  Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${path}'`), { code: 'ENOENT' });

/**
 * /proc as mkdir sees it: /proc and / exist, nothing can be made inside /proc, and asking says ENOENT.
 * Every call counts; past a budget the play stops, so an implementation that loops fails instead of hanging.
 */
function procLike(): DirectoryCalls & { calls: number } {
  const fake = {
    calls: 0,
    count() {
      if (++fake.calls > 100) throw new Error('looped: more than 100 file-system calls');
    },
    mkdir(path: string) {
      fake.count();
      if (path === '/proc' || path === '/') throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      throw enoent(path);
    },
    isDirectory(path: string) {
      fake.count();
      if (path === '/proc' || path === '/') return true;
      throw enoent(path);
    },
  };
  return fake;
}

describe('makeDirectory', () => {
  it('creates the missing folders of a path, and is a no-op when they exist', async () => {
    await withTempDir(async (dir) => {
      const deep = join(dir, 'a', 'b', 'c');
      makeDirectory(deep);
      expect(statSync(deep).isDirectory()).toBe(true);
      makeDirectory(deep);
      makeDirectory(dir);
      expect(statSync(deep).isDirectory()).toBe(true);
    });
  });

  it('gives up at once under a folder that refuses new entries with ENOENT, as /proc does', () => {
    const calls = procLike();
    expect(() => makeDirectory('/proc/nope/deeper', calls)).toThrow(/ENOENT.*\/proc\/nope/);
    expect(calls.calls).toBeLessThanOrEqual(4);
  });

  it('says so when a part of the path is a file or a dangling link, and creates nothing', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'file'), '');
      expect(() => makeDirectory(join(dir, 'file', 'sub'))).toThrow(/ENOTDIR/);
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
      expect(() => makeDirectory(join(dir, 'dangling', 'sub'))).toThrow(/EEXIST/);
      expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    });
  });
});
