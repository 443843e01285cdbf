import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/briefing/load.js';
import { type BriefingWatcher, watchBriefingFolder } from '../../src/briefing/watch.js';
import { markdownBriefing, waitFor, withTempDir } from './helpers.js';

/** Watches `dir`, keeping every result handed to the listener. */
async function follow(
  dir: string,
): Promise<{ watcher: BriefingWatcher; latest: () => LoadResult | undefined; count: () => number }> {
  const results: LoadResult[] = [];
  const watcher = watchBriefingFolder(dir, (result) => results.push(result), { debounceMs: 50 });
  await watcher.ready;
  return { watcher, latest: () => results.at(-1), count: () => results.length };
}

/** The latest result once it satisfies `test`. */
function until(latest: () => LoadResult | undefined, test: (result: LoadResult) => boolean, what: string) {
  return waitFor(
    () => {
      const result = latest();
      return result && test(result) ? result : undefined;
    },
    30_000,
    what,
  );
}

const titles = (result: LoadResult) => result.briefings.map((b) => b.title).sort();

// Several file-system events a test, each of which a loaded machine may deliver seconds late.
describe('watchBriefingFolder', { timeout: 60_000 }, () => {
  it('follows adds, edits, a breaking edit, a fix, a rename and a delete', async () => {
    await withTempDir(async (dir) => {
      const first = join(dir, '2025-12-14-first.md');
      await writeFile(first, markdownBriefing({ title: 'First' }));
      const { watcher, latest } = await follow(dir);
      try {
        const second = join(dir, '2025-12-15-second.md');
        await writeFile(second, markdownBriefing({ title: 'Second' }));
        let result = await until(latest, (r) => titles(r).join() === 'First,Second', 'the added file');
        expect(result.problems).toEqual([]);

        await writeFile(second, markdownBriefing({ title: 'Second, edited' }));
        await until(latest, (r) => titles(r).join() === 'First,Second, edited', 'the edit');

        await writeFile(second, markdownBriefing({ title: 'Broken', date: '2025-02-30' }));
        result = await until(latest, (r) => r.problems.length > 0, 'the breaking edit');
        expect(titles(result)).toEqual(['First', 'Second, edited']);
        expect(result.problems).toEqual([
          { file: second, line: 3, message: 'date 2025-02-30 does not exist in the calendar' },
        ]);

        await writeFile(second, markdownBriefing({ title: 'Second, fixed' }));
        result = await until(latest, (r) => titles(r).includes('Second, fixed'), 'the fix');
        expect(result.problems).toEqual([]);

        const renamed = join(dir, '2025-12-15-renamed.md');
        await rename(second, renamed);
        result = await until(
          latest,
          (r) => r.briefings.some((b) => b.id === 'renamed') && r.briefings.length === 2,
          'the rename',
        );
        expect(result.briefings.map((b) => b.id).sort()).toEqual(['first', 'renamed']);

        await rm(renamed);
        result = await until(latest, (r) => r.briefings.length === 1, 'the delete');
        expect(result.briefings[0]?.file).toBe(first);
        expect(result.problems).toEqual([]);
      } finally {
        await watcher.close();
      }
    });
  });

  it('drops a broken file’s last good version once the file is deleted', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '2025-12-14-only.md');
      await writeFile(file, markdownBriefing({ title: 'Only' }));
      const { watcher, latest } = await follow(dir);
      try {
        await writeFile(file, 'not a briefing any more');
        const broken = await until(latest, (r) => r.problems.length > 0, 'the breaking edit');
        expect(titles(broken)).toEqual(['Only']);
        await rm(file);
        await until(latest, (r) => r.briefings.length === 0 && r.problems.length === 0, 'the delete');
      } finally {
        await watcher.close();
      }
    });
  });

  it('reads new subfolders and files inside them', async () => {
    await withTempDir(async (dir) => {
      const { watcher, latest } = await follow(dir);
      try {
        await mkdir(join(dir, 'december'));
        await writeFile(join(dir, 'december/2025-12-20-nested.md'), markdownBriefing({ title: 'Nested' }));
        await until(latest, (r) => titles(r).join() === 'Nested', 'the nested file');
      } finally {
        await watcher.close();
      }
    });
  });

  it('calls the listener no more after close', async () => {
    await withTempDir(async (dir) => {
      const { watcher, count } = await follow(dir);
      await watcher.close();
      const before = count();
      // A second watcher on the folder: once it has seen the new file, so would the closed one have.
      const witness = await follow(dir);
      try {
        await writeFile(join(dir, '2025-12-14-late.md'), markdownBriefing());
        await until(witness.latest, (r) => r.briefings.length === 1, 'the second watcher seeing the file');
      } finally {
        await witness.watcher.close();
      }
      expect(count()).toBe(before);
    });
  });
});
