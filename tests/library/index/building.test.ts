/**
 * A first build of a large archive runs in the background: the library answers at once, says how far the build
 * is, and every reader's answer meanwhile carries a note that it may be incomplete; once `ready`, neither.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandDispatcher } from '../../../src/commands/dispatch.js';
import { allCommands } from '../../../src/commands/index.js';
import type { CommandInput } from '../../../src/commands/types.js';
import type { SyncProgress } from '../../../src/library/index/sync.js';
import { LiveLibrary } from '../../../src/library/live-library.js';
import { channels, GUILD, noDigests, USER } from '../../support/services.js';
import { briefingMarkdown, silentLog, TempDirs } from './folder.js';

/** More files than a first pass reads before answering (BACKGROUND_BUILD in live-library.ts is 2000). */
const FILES = 2100;
const NOTE = /The archive is still being indexed \(([\d,]+) of ([\d,]+) files\)/;

const dirs = new TempDirs();
let live: LiveLibrary | undefined;

afterEach(async () => {
  await live?.close();
  live = undefined;
  await dirs.removeAll();
});

async function largeFolder(): Promise<string> {
  const dir = await dirs.make('briefing-large-');
  const names = Array.from({ length: FILES }, (_, index) => index);
  for (let start = 0; start < FILES; start += 250) {
    await Promise.all(
      names.slice(start, start + 250).map((index) =>
        writeFile(
          join(dir, `b${String(index).padStart(4, '0')}.md`),
          briefingMarkdown({
            title: `Talks ${index} in Geneva`,
            date: `2025-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
            parties: ['Russia'],
            summary: 'Negotiators from Russia and Ukraine met in Geneva.',
            whatHappened: [`Delegations met for ${(index % 9) + 1} hours.`],
            whyItMatters: ['The first direct talks this year.'],
            implications: ['A second round is planned.'],
          }),
        ),
      ),
    );
  }
  return dir;
}

function input(command: string, subcommand: string): CommandInput {
  return {
    command,
    subcommand,
    options: {},
    channels: {},
    user: USER,
    guildId: GUILD,
    channelId: channels.briefings.id,
    canManageServer: true,
  };
}

describe('a first build in the background', () => {
  it('answers at once, with its progress and a note on every answer, until ready', {
    timeout: 90_000,
  }, async () => {
    const dir = await largeFolder();
    const indexPath = join(await dirs.make('briefing-index-'), 'index.sqlite');
    // In this thread (no parse workers): the build goes a slice at a time between the answers.
    live = await LiveLibrary.open(dir, silentLog, { indexPath, workers: 0 });
    const opened = live;
    const dispatcher = new CommandDispatcher(
      allCommands,
      {
        library: () => opened.library(),
        digests: noDigests,
        defaultTimezone: 'UTC',
        now: () => new Date('2026-01-20T10:00:00Z'),
      },
      silentLog,
    );

    // Right after open returns, in the same turn of the event loop: the build has only begun.
    const atOpen = live.library().progress();
    expect(atOpen).toBeDefined();
    expect(atOpen!.total).toBe(FILES);
    expect(atOpen!.done).toBeLessThan(FILES);
    const during = await dispatcher.run(input('briefing', 'list'));
    const note = during.content?.match(NOTE);
    expect(note, `the answer while building: ${during.content}`).not.toBeNull();
    expect(Number(note![1]!.replaceAll(',', ''))).toBeLessThan(FILES);
    expect(note![2]).toBe(FILES.toLocaleString('en-US'));

    // Until ready, every look at the progress says the same total and never goes back.
    const seen: SyncProgress[] = [];
    let ready = false;
    const building = live.ready.then(() => {
      ready = true;
    });
    while (!ready) {
      const progress = live.library().progress();
      if (progress) seen.push(progress);
      await nextTurn();
    }
    await building;
    expect(seen.length).toBeGreaterThan(0);
    for (const [index, progress] of seen.entries()) {
      expect(progress.total).toBe(FILES);
      expect(progress.done).toBeGreaterThanOrEqual(seen[index - 1]?.done ?? 0);
      expect(progress.done).toBeLessThanOrEqual(FILES);
    }

    expect(live.library().progress()).toBeUndefined();
    expect(live.library().size).toBe(FILES);
    const after = await dispatcher.run(input('briefing', 'list'));
    expect(after.content ?? '').not.toMatch(NOTE);
    expect(JSON.stringify(after)).not.toContain('still being indexed');
  });

  it('a restart on the index it left answers at once: no progress, no note', {
    timeout: 90_000,
  }, async () => {
    const dir = await largeFolder();
    const indexPath = join(await dirs.make('briefing-index-'), 'index.sqlite');
    const first = await LiveLibrary.load(dir, silentLog, { indexPath, workers: 0 });
    await first.close();

    live = await LiveLibrary.open(dir, silentLog, { indexPath, workers: 0 });
    expect(live.library().progress()).toBeUndefined();
    expect(live.library().size).toBe(FILES);
    const opened = live;
    const dispatcher = new CommandDispatcher(
      allCommands,
      { library: () => opened.library(), digests: noDigests, defaultTimezone: 'UTC', now: () => new Date() },
      silentLog,
    );
    expect(JSON.stringify(await dispatcher.run(input('briefing', 'list')))).not.toContain(
      'still being indexed',
    );
  });
});
