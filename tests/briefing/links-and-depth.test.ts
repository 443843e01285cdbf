/**
 * What the loader does not read, the watcher does not follow: links to folders (`ln -s /usr briefings/x`
 * once sent the watcher through a whole file system, past 4 GB) and folders deeper than MAX_FOLDER_DEPTH.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FOLDER_DEPTH } from '../../src/briefing/folder-files.js';
import { type LoadResult, loadBriefingFolder } from '../../src/briefing/load.js';
import { watchBriefingFolder } from '../../src/briefing/watch.js';
import { markdownBriefing, waitFor, withTempDir } from './helpers.js';

const titles = (result: LoadResult) => result.briefings.map((b) => b.title).sort();

// File-system events, which a loaded machine may deliver seconds late.
describe('a link to a folder in the briefing folder', { timeout: 60_000 }, () => {
  it('is read by neither the loader nor the watcher, and a change behind it triggers nothing', async () => {
    await withTempDir(async (tmp) => {
      const dir = join(tmp, 'briefings');
      const elsewhere = join(tmp, 'elsewhere');
      await mkdir(join(elsewhere, 'deeper'), { recursive: true });
      await mkdir(dir);
      await writeFile(join(elsewhere, '2025-12-01-outside.md'), markdownBriefing({ title: 'Outside' }));
      await writeFile(
        join(elsewhere, 'deeper', '2025-12-02-deeper.md'),
        markdownBriefing({ title: 'Deeper' }),
      );
      await writeFile(join(dir, '2025-12-14-inside.md'), markdownBriefing({ title: 'Inside' }));
      await symlink(elsewhere, join(dir, 'linked'), 'dir');

      const loaded = await loadBriefingFolder(dir);
      expect(titles(loaded)).toEqual(['Inside']);
      expect(loaded.problems).toEqual([]);

      // Every set of changed paths the watcher hands on.
      const batches: string[][] = [];
      const watcher = watchBriefingFolder(dir, (changed) => void batches.push([...changed]), {
        debounceMs: 50,
      });
      try {
        await watcher.ready;
        // A change behind the link, then one in the folder: only the second is seen.
        await writeFile(
          join(elsewhere, '2025-12-03-new-outside.md'),
          markdownBriefing({ title: 'New outside' }),
        );
        await writeFile(
          join(elsewhere, 'deeper', '2025-12-02-deeper.md'),
          markdownBriefing({ title: 'Edited' }),
        );
        await writeFile(join(dir, '2025-12-15-sentinel.md'), markdownBriefing({ title: 'Sentinel' }));
        await waitFor(
          () => (batches.some((batch) => batch.includes('2025-12-15-sentinel.md')) ? true : undefined),
          30_000,
          'the change in the folder',
        );
        expect(batches.flat().filter((path) => path.startsWith(`linked${sep}`))).toEqual([]);
        // Neither the files behind the link nor a folder change: only the sentinel was reported.
        expect(batches.every((batch) => batch.length > 0)).toBe(true);
        expect([...new Set(batches.flat())]).toEqual(['2025-12-15-sentinel.md']);
        expect(titles(await loadBriefingFolder(dir))).toEqual(['Inside', 'Sentinel']);
      } finally {
        await watcher.close();
      }
    });
  });

  it('leaves links to files followed, by both: an edit of the file linked to is picked up', async () => {
    await withTempDir(async (tmp) => {
      const dir = join(tmp, 'briefings');
      await mkdir(dir);
      const target = join(tmp, 'kept-elsewhere.md');
      await writeFile(target, markdownBriefing({ title: 'Linked file' }));
      await symlink(target, join(dir, '2025-12-14-linked.md'), 'file');
      expect(titles(await loadBriefingFolder(dir))).toEqual(['Linked file']);

      const batches: string[][] = [];
      const watcher = watchBriefingFolder(dir, (changed) => void batches.push([...changed]), {
        debounceMs: 50,
      });
      try {
        await watcher.ready;
        await writeFile(target, markdownBriefing({ title: 'Linked file, edited' }));
        // Reported by the link's name in the folder, which is what is read again.
        await waitFor(
          () => (batches.some((batch) => batch.includes('2025-12-14-linked.md')) ? true : undefined),
          30_000,
          'the edit through the link',
        );
        expect(titles(await loadBriefingFolder(dir))).toEqual(['Linked file, edited']);
      } finally {
        await watcher.close();
      }
    });
  });
});

describe('folder depth', { timeout: 60_000 }, () => {
  it('the loader and the watcher both stop below MAX_FOLDER_DEPTH', async () => {
    await withTempDir(async (dir) => {
      const folders = [dir];
      for (let depth = 1; depth <= MAX_FOLDER_DEPTH + 1; depth++)
        folders.push(join(folders.at(-1)!, `d${depth}`));
      await mkdir(folders.at(-1)!, { recursive: true });
      const deepest = folders[MAX_FOLDER_DEPTH]!;
      const tooDeep = folders[MAX_FOLDER_DEPTH + 1]!;
      await writeFile(join(deepest, '2025-12-14-deepest.md'), markdownBriefing({ title: 'Deepest' }));
      await writeFile(join(tooDeep, '2025-12-15-too-deep.md'), markdownBriefing({ title: 'Too deep' }));

      expect(titles(await loadBriefingFolder(dir))).toEqual(['Deepest']);

      const batches: string[][] = [];
      const watcher = watchBriefingFolder(dir, (changed) => void batches.push([...changed]), {
        debounceMs: 50,
      });
      try {
        await watcher.ready;
        // An edit too deep, then one at the deepest level read: only the second is seen.
        await writeFile(join(tooDeep, '2025-12-15-too-deep.md'), markdownBriefing({ title: 'Edited' }));
        await writeFile(join(deepest, '2025-12-14-deepest.md'), markdownBriefing({ title: 'Edited' }));
        const deepestPath = relative(dir, join(deepest, '2025-12-14-deepest.md'));
        await waitFor(
          () => (batches.some((batch) => batch.includes(deepestPath)) ? true : undefined),
          30_000,
          'the edit at the deepest level',
        );
        expect([...new Set(batches.flat())]).toEqual([deepestPath]);
      } finally {
        await watcher.close();
      }
    });
  });
});
