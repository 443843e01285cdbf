/**
 * What the loader does not read, the watcher does not follow: links to folders (`ln -s /usr briefings/x`
 * once sent the watcher through a whole file system, past 4 GB) and folders deeper than MAX_FOLDER_DEPTH.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FOLDER_DEPTH } from '../../src/briefing/folder-files.js';
import { BriefingFolderState } from '../../src/briefing/folder-state.js';
import { type LoadResult, loadBriefingFolder } from '../../src/briefing/load.js';
import { watchBriefingFolder } from '../../src/briefing/watch.js';
import { markdownBriefing, waitFor, withTempDir } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const titles = (result: LoadResult) => result.briefings.map((b) => b.title).sort();

/** Every set of changed files the watcher asked the folder state to re-read. */
function spyOnRereads(): string[][] {
  const batches: string[][] = [];
  const refresh = BriefingFolderState.prototype.refresh;
  vi.spyOn(BriefingFolderState.prototype, 'refresh').mockImplementation(function (
    this: BriefingFolderState,
    changed,
  ) {
    batches.push(changed === 'all' ? ['*'] : [...changed]);
    return refresh.call(this, changed);
  });
  return batches;
}

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

      const rereads = spyOnRereads();
      const results: LoadResult[] = [];
      const watcher = watchBriefingFolder(dir, (result) => results.push(result), { debounceMs: 50 });
      try {
        await watcher.ready;
        const linked = join(dir, 'linked');
        const watched = watcher.watched();
        expect(Object.keys(watched).filter((folder) => folder.startsWith(linked))).toEqual([]);
        expect(watched[dir]).toEqual(['2025-12-14-inside.md']);

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
        const result = await waitFor(
          () => results.find((r) => titles(r).includes('Sentinel')),
          30_000,
          'the change in the folder',
        );
        expect(titles(result)).toEqual(['Inside', 'Sentinel']);
        expect(rereads.flat().filter((path) => path.startsWith(`linked${sep}`))).toEqual([]);
        expect(results.every((r) => titles(r).every((title) => !/outside|Deeper|Edited/i.test(title)))).toBe(
          true,
        );
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

      const results: LoadResult[] = [];
      const watcher = watchBriefingFolder(dir, (result) => results.push(result), { debounceMs: 50 });
      try {
        await watcher.ready;
        await writeFile(target, markdownBriefing({ title: 'Linked file, edited' }));
        await waitFor(
          () => results.find((r) => titles(r).join() === 'Linked file, edited'),
          30_000,
          'the edit through the link',
        );
      } finally {
        await watcher.close();
      }
    });
  });
});

describe('folder depth', () => {
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

      const watcher = watchBriefingFolder(dir, () => undefined);
      try {
        await watcher.ready;
        const watched = watcher.watched();
        expect(watched[deepest]).toEqual(['2025-12-14-deepest.md', `d${MAX_FOLDER_DEPTH + 1}`]);
        expect(watched[tooDeep] ?? []).toEqual([]);
      } finally {
        await watcher.close();
      }
    });
  });
});
