import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BriefingWatcher, watchBriefingFolder } from '../../src/briefing/watch.js';
import { markdownBriefing, waitFor, withTempDir } from './helpers.js';

/** A watcher on `dir` that keeps every set of changed paths handed to the listener, in order. */
async function follow(dir: string): Promise<{ watcher: BriefingWatcher; batches: string[][] }> {
  const batches: string[][] = [];
  const watcher = watchBriefingFolder(dir, (changed) => void batches.push([...changed].sort()), {
    debounceMs: 50,
  });
  await watcher.ready;
  return { watcher, batches };
}

/**
 * Waits until the batches reported from `from` on name every path of `paths` (an editor's save may come as
 * several events, and a loaded machine may split them over batches); returns those batches.
 */
function untilReported(batches: string[][], from: number, paths: string[], what: string) {
  return waitFor(
    () => {
      const since = batches.slice(from);
      const reported = new Set(since.flat());
      return paths.every((path) => reported.has(path)) ? since : undefined;
    },
    30_000,
    what,
  );
}

// Several file-system events a test, each of which a loaded machine may deliver seconds late.
describe('watchBriefingFolder', { timeout: 60_000 }, () => {
  it('reports the files added, edited, broken, fixed, renamed and deleted, and only those', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, '2025-12-14-first.md'), markdownBriefing({ title: 'First' }));
      const { watcher, batches } = await follow(dir);
      try {
        const second = join(dir, '2025-12-15-second.md');
        let mark = batches.length;
        await writeFile(second, markdownBriefing({ title: 'Second' }));
        await untilReported(batches, mark, ['2025-12-15-second.md'], 'the added file');

        mark = batches.length;
        await writeFile(second, markdownBriefing({ title: 'Second, edited' }));
        await untilReported(batches, mark, ['2025-12-15-second.md'], 'the edit');

        mark = batches.length;
        await writeFile(second, markdownBriefing({ title: 'Broken', date: '2025-02-30' }));
        await untilReported(batches, mark, ['2025-12-15-second.md'], 'the breaking edit');

        mark = batches.length;
        await writeFile(second, markdownBriefing({ title: 'Second, fixed' }));
        await untilReported(batches, mark, ['2025-12-15-second.md'], 'the fix');

        // A rename touches both names: the old one to forget, the new one to read.
        mark = batches.length;
        const renamed = join(dir, '2025-12-15-renamed.md');
        await rename(second, renamed);
        await untilReported(batches, mark, ['2025-12-15-renamed.md', '2025-12-15-second.md'], 'the rename');

        mark = batches.length;
        await rm(renamed);
        await untilReported(batches, mark, ['2025-12-15-renamed.md'], 'the delete');

        // Files the loader skips are not reported: not briefings (parties.yml has a watcher of its own), hidden
        // ones, READMEs. A sentinel after them shows their events had time to arrive.
        mark = batches.length;
        await writeFile(join(dir, 'parties.yml'), '- name: Nobody\n');
        await writeFile(join(dir, 'map.png'), 'not a briefing');
        await writeFile(join(dir, 'README.md'), '# The briefings\n');
        await writeFile(join(dir, '.2025-12-16-hidden.md'), markdownBriefing({ title: 'Hidden' }));
        await writeFile(join(dir, '2025-12-17-sentinel.md'), markdownBriefing({ title: 'Sentinel' }));
        await untilReported(batches, mark, ['2025-12-17-sentinel.md'], 'the sentinel');

        // The untouched file was never reported, nor anything but the briefing files touched.
        expect(batches.every((batch) => batch.length > 0)).toBe(true);
        expect([...new Set(batches.flat())].sort()).toEqual([
          '2025-12-15-renamed.md',
          '2025-12-15-second.md',
          '2025-12-17-sentinel.md',
        ]);
      } finally {
        await watcher.close();
      }
    });
  });

  it('reports a new subfolder as an empty set (list everything again), then follows the files inside it', async () => {
    await withTempDir(async (dir) => {
      const { watcher, batches } = await follow(dir);
      try {
        await mkdir(join(dir, 'december'));
        const nested = join(dir, 'december/2025-12-20-nested.md');
        await writeFile(nested, markdownBriefing({ title: 'Nested' }));
        await waitFor(
          () => (batches.some((batch) => batch.length === 0) ? true : undefined),
          30_000,
          'the folder added',
        );
        // Once the folder is followed, an edit inside it is reported by its path.
        const mark = batches.length;
        await writeFile(nested, markdownBriefing({ title: 'Nested, edited' }));
        await untilReported(
          batches,
          mark,
          [join('december', '2025-12-20-nested.md')],
          'the edit in the subfolder',
        );
      } finally {
        await watcher.close();
      }
    });
  });

  it('waits for the listener’s promise before calling it again, and loses no change meanwhile', async () => {
    await withTempDir(async (dir) => {
      const batches: string[][] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const watcher = watchBriefingFolder(
        dir,
        (changed) => {
          batches.push([...changed].sort());
          // The first call holds the watcher until the test lets it go; the later ones return at once.
          return batches.length === 1 ? held : undefined;
        },
        { debounceMs: 50 },
      );
      // A second watcher, never held: once it has reported a change, the held one has had time to as well.
      const witness = await follow(dir);
      try {
        await watcher.ready;
        await writeFile(join(dir, '2025-12-14-one.md'), markdownBriefing({ title: 'One' }));
        await untilReported(batches, 0, ['2025-12-14-one.md'], 'the first file');
        // While the first call is running: an edit and a new file.
        const mark = witness.batches.length;
        await writeFile(join(dir, '2025-12-14-one.md'), markdownBriefing({ title: 'One, edited' }));
        await writeFile(join(dir, '2025-12-15-two.md'), markdownBriefing({ title: 'Two' }));
        await untilReported(
          witness.batches,
          mark,
          ['2025-12-14-one.md', '2025-12-15-two.md'],
          'the witness seeing both changes',
        );
        expect(batches).toEqual([['2025-12-14-one.md']]);
        release();
        const after = await untilReported(
          batches,
          1,
          ['2025-12-14-one.md', '2025-12-15-two.md'],
          'the held changes',
        );
        expect(after.flat().sort()).toEqual(['2025-12-14-one.md', '2025-12-15-two.md']);
      } finally {
        release();
        await Promise.all([watcher.close(), witness.watcher.close()]);
      }
    });
  });

  it('calls the listener no more after close', async () => {
    await withTempDir(async (dir) => {
      const { watcher, batches } = await follow(dir);
      await watcher.close();
      const before = batches.length;
      // A second watcher on the folder: once it has seen the new file, so would the closed one have.
      const witness = await follow(dir);
      try {
        await writeFile(join(dir, '2025-12-14-late.md'), markdownBriefing());
        await untilReported(witness.batches, 0, ['2025-12-14-late.md'], 'the second watcher seeing the file');
      } finally {
        await witness.watcher.close();
      }
      expect(batches.length).toBe(before);
    });
  });
});
