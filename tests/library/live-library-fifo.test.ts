/**
 * parties.yml replaced by a FIFO: start-up used to wait forever, and at run time each swap parked one of
 * libuv's four file-system threads on the FIFO for good; after four, nothing was read any more, not even
 * once the file came back. The shared reader refuses it at once instead.
 *
 * The FIFOs here have an end held open by the test, so that a reader that blocks makes these tests fail
 * rather than freeze the worker; FIFOs nobody holds are tried on whole processes (tests/e2e, tests/cli).
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/live-library.js';
import { loadPartyRegistry } from '../../src/party/parties-file.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { withTempDir } from '../briefing/helpers.js';
import { eventually } from '../e2e/harness.js';
import { heldFifo } from '../files/helpers.js';

let live: LiveLibrary | undefined;
const indexDirs: string[] = [];

afterEach(async () => {
  await live?.close();
  live = undefined;
  await Promise.all(indexDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An index file of the test's own, outside the briefing folder. */
async function indexPath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-index-'));
  indexDirs.push(dir);
  return join(dir, 'index.sqlite');
}

const PARTIES = '- name: Zorblat Quux\n  kind: person\n  aliases: [Zorblat]\n';

function warningLog() {
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
  return { log, warnings };
}

// Several file-system events in one test, each of which a loaded machine may deliver seconds late.
describe('parties.yml as a FIFO', { timeout: 60_000 }, () => {
  it('at start-up and five times at once: each read is refused, and the file-system threads stay free', async () => {
    await withTempDir(async (dir) => {
      const parties = join(dir, 'parties.yml');
      const held = heldFifo(parties);
      try {
        await writeFile(join(dir, '2026-01-05-first.md'), briefingAbout('first', '2026-01-05', 'Kenya'));
        const { log, warnings } = warningLog();
        live = await LiveLibrary.load(dir, log, { indexPath: await indexPath() });
        expect(live.library().get('first')).toBeDefined();
        expect(warnings).toContain(`${parties}: not a regular file`);

        // More than libuv's four threads: a blocking read on each would leave none for anything else.
        const loads = await Promise.all(Array.from({ length: 5 }, () => loadPartyRegistry(dir)));
        for (const { problems } of loads)
          expect(problems).toEqual([{ file: parties, message: 'not a regular file' }]);
        expect(await readFile(join(dir, '2026-01-05-first.md'), 'utf8')).toContain('Kenya');
      } finally {
        held.close();
      }
    });
  });

  it('swapped in while the bot runs: refused, new briefings still picked up, and the file read again once back', async () => {
    await withTempDir(async (dir) => {
      const parties = join(dir, 'parties.yml');
      await writeFile(parties, PARTIES);
      await writeFile(join(dir, '2026-01-05-first.md'), briefingAbout('first', '2026-01-05', 'Kenya'));
      const { log, warnings } = warningLog();
      live = await LiveLibrary.load(dir, log, { indexPath: await indexPath() });
      await live.watch();
      const knowsZorblat = () => live?.library().registry.resolve('Zorblat') !== undefined;
      expect(knowsZorblat()).toBe(true);

      // Swapped in one step, as a tool replacing the file would.
      const swap = join(dir, '.swap');
      const held = heldFifo(swap);
      try {
        await rename(swap, parties);
        await eventually(
          () => warnings.includes(`${parties}: not a regular file`) && !knowsZorblat(),
          'the FIFO refused',
        );
        await writeFile(join(dir, '2026-01-06-second.md'), briefingAbout('second', '2026-01-06', 'Zorblat'));
        await eventually(() => live?.library().get('second'), 'a briefing added after the swap');
      } finally {
        held.close();
      }

      await rm(parties);
      await writeFile(parties, PARTIES);
      await eventually(knowsZorblat, 'parties.yml read again');
      // And the briefing added meanwhile is in his report once the mentions are worked out again.
      await eventually(
        () =>
          live
            ?.library()
            .party('Zorblat')
            .briefings.some((briefing) => briefing.id === 'second'),
        'the briefing added during the swap in Zorblat Quux’s report',
      );
      expect(live.library().party('Zorblat').party?.name).toBe('Zorblat Quux');
    });
  });
});
