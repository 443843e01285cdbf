import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/live-library.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { markdownBriefing } from '../briefing/helpers.js';
import { eventually } from '../e2e/harness.js';

let live: LiveLibrary | undefined;
const temporary: string[] = [];

afterEach(async () => {
  await live?.close();
  live = undefined;
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of the shipped briefings folder. */
async function folder(): Promise<string> {
  const dir = await tempDir('briefing-live-');
  await cp(resolve(import.meta.dirname, '../../briefings'), dir, { recursive: true });
  return dir;
}

/** An index file of the test's own, outside the folder. */
async function indexPath(): Promise<string> {
  return join(await tempDir('briefing-index-'), 'index.sqlite');
}

/** A logger keeping the message of every line from `info` up. */
function messageLog() {
  const messages: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
  return { log, messages };
}

// Several file-system events in one test, each of which a loaded machine may deliver seconds late.
describe('LiveLibrary', { timeout: 60_000 }, () => {
  it('follows the folder: added, broken (last good kept), deleted briefings and parties.yml changes', async () => {
    const dir = await folder();
    const { log, messages } = messageLog();
    live = await LiveLibrary.load(dir, log, { indexPath: await indexPath() });
    await live.watch();
    expect(live.library().size).toBe(2);

    const file = join(dir, '2026-01-05-kenya-vote.md');
    await writeFile(file, briefingAbout('kenya-vote', '2026-01-05', 'Kenya'));
    await eventually(() => live?.library().get('kenya-vote'), 'the new briefing');

    await writeFile(file, '---\ntitle: [broken\n---\n');
    await eventually(() => messages.some((line) => line.startsWith(file)), 'the problem logged as file:line');
    expect(live.library().get('kenya-vote')?.title).toBe('Kenya in the news (kenya-vote)');
    expect(live.problems().map((problem) => problem.file)).toContain(file);

    await rm(file);
    await eventually(() => !live?.library().get('kenya-vote'), 'the briefing gone');
    expect(live.problems()).toEqual([]);

    // A new person in parties.yml is asked about by name at once, and the briefings naming him are his.
    await writeFile(
      join(dir, '2026-01-06-brandvold-visit.md'),
      briefingAbout('brandvold-visit', '2026-01-06', 'Brandvold'),
    );
    await eventually(() => live?.library().get('brandvold-visit'), 'the briefing naming Brandvold');
    expect(live.library().registry.resolve('Brandvold')).toBeUndefined();
    expect(live.library().party('Brandvold').party).toBeNull();
    const parties = join(dir, 'parties.yml');
    await writeFile(
      parties,
      `${await readFile(parties, 'utf8')}\n- name: Oskar Brandvold\n  kind: person\n  aliases: [Brandvold]\n`,
    );
    await eventually(() => messages.includes('parties reloaded'), 'the registry reloaded');
    expect(live.library().registry.resolve('Brandvold')?.name).toBe('Oskar Brandvold');
    const report = live.library().party('Brandvold');
    expect(report.party?.name).toBe('Oskar Brandvold');
    expect(report.briefings.map((entry) => entry.id)).toEqual(['brandvold-visit']);
    expect(report.briefings[0]?.statements).toHaveLength(5);
    expect(live.library().mentions('brandvold-visit', 'Oskar Brandvold')).toBe(true);
    expect(live.library().partyCounts()).toContainEqual({
      id: 'oskar-brandvold',
      name: 'Oskar Brandvold',
      kind: 'person',
      count: 1,
    });
  });

  it('keeps a broken file’s last good version with its problem, and follows a fix, a rename and deletes', async () => {
    const dir = await tempDir('briefing-live-');
    const first = join(dir, '2025-12-14-first.md');
    const second = join(dir, '2025-12-15-second.md');
    await writeFile(first, markdownBriefing({ title: 'First' }));
    await writeFile(second, markdownBriefing({ title: 'Second' }));
    const { log } = messageLog();
    live = await LiveLibrary.load(dir, log, { indexPath: await indexPath() });
    await live.watch();
    const library = () => live!.library();
    const titles = () =>
      library()
        .list(1, 10)
        .items.map((briefing) => briefing.title)
        .sort();
    expect(titles()).toEqual(['First', 'Second']);

    await writeFile(second, markdownBriefing({ title: 'Second, edited' }));
    await eventually(() => titles().join() === 'First,Second, edited', 'the edit');

    await writeFile(second, markdownBriefing({ title: 'Broken', date: '2025-02-30' }));
    await eventually(() => live!.problems().length > 0, 'the breaking edit');
    expect(live.problems()).toEqual([
      { file: second, line: 3, message: 'date 2025-02-30 does not exist in the calendar' },
    ]);
    expect(titles()).toEqual(['First', 'Second, edited']);

    await writeFile(second, markdownBriefing({ title: 'Second, fixed' }));
    await eventually(() => titles().includes('Second, fixed'), 'the fix');
    expect(live.problems()).toEqual([]);

    const renamed = join(dir, '2025-12-15-renamed.md');
    await rename(second, renamed);
    await eventually(() => library().get('renamed') && !library().get('second'), 'the rename');
    expect(
      library()
        .list(1, 10)
        .items.map((briefing) => briefing.id),
    ).toEqual(['renamed', 'first']);
    expect(library().get('renamed')?.file).toBe(renamed);

    await rm(renamed);
    await eventually(() => library().size === 1, 'the delete');
    expect(library().latest()?.file).toBe(first);
    expect(live.problems()).toEqual([]);

    // Broken, then deleted: its last good version goes with it, and so does its problem.
    await writeFile(first, 'not a briefing any more');
    await eventually(() => live!.problems().length > 0, 'the second breaking edit');
    expect(titles()).toEqual(['First']);
    await rm(first);
    await eventually(() => library().size === 0, 'the broken file deleted');
    expect(live.problems()).toEqual([]);

    // A new subfolder is read, and the files in it.
    await mkdir(join(dir, 'december'));
    await writeFile(join(dir, 'december/2025-12-20-nested.md'), markdownBriefing({ title: 'Nested' }));
    await eventually(() => titles().join() === 'Nested', 'the nested file');
    // A folder renamed, then removed: its files follow it, then go.
    await rename(join(dir, 'december'), join(dir, 'winter'));
    await eventually(
      () => library().get('nested')?.file === join(dir, 'winter/2025-12-20-nested.md'),
      'the folder renamed',
    );
    expect(library().size).toBe(1);
    await rm(join(dir, 'winter'), { recursive: true });
    await eventually(() => library().size === 0, 'the folder removed');
    expect(live.problems()).toEqual([]);
  });
  it('keeps its index between runs: a restart reads only the files changed meanwhile, and another folder starts anew', async () => {
    const dir = await tempDir('briefing-live-');
    const index = await indexPath();
    await writeFile(join(dir, '2025-12-14-first.md'), markdownBriefing({ title: 'First' }));
    await writeFile(join(dir, '2025-12-15-second.md'), markdownBriefing({ title: 'Second' }));
    await writeFile(join(dir, '2025-12-16-third.md'), markdownBriefing({ title: 'Third' }));
    const before = messageLog();
    live = await LiveLibrary.load(dir, before.log, { indexPath: index });
    expect(live.library().size).toBe(3);
    await live.close();
    live = undefined;

    // While the bot is down: one file edited, one deleted, one added; the first left as it was.
    await writeFile(
      join(dir, '2025-12-15-second.md'),
      markdownBriefing({ title: 'Second, edited while down' }),
    );
    await rm(join(dir, '2025-12-16-third.md'));
    await writeFile(join(dir, '2025-12-17-fourth.md'), markdownBriefing({ title: 'Fourth' }));
    const lines: { msg: string; read?: number; briefings?: number }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    live = await LiveLibrary.open(dir, log, { indexPath: index });
    await live.ready;
    expect(
      live
        .library()
        .list(1, 10)
        .items.map((briefing) => [briefing.id, briefing.title]),
    ).toEqual([
      ['fourth', 'Fourth'],
      ['second', 'Second, edited while down'],
      ['first', 'First'],
    ]);
    expect(lines.find((line) => line.msg === 'briefings loaded')).toMatchObject({ briefings: 3, read: 2 });
    await live.close();
    live = undefined;

    // The same index file given another folder holds nothing of the first one's.
    const other = await tempDir('briefing-live-');
    await writeFile(join(other, '2025-12-20-elsewhere.md'), markdownBriefing({ title: 'Elsewhere' }));
    const { log: otherLog, messages } = messageLog();
    live = await LiveLibrary.load(other, otherLog, { indexPath: index });
    expect(
      live
        .library()
        .list(1, 10)
        .items.map((briefing) => briefing.id),
    ).toEqual(['elsewhere']);
    expect(messages.some((line) => /made by another version or for another folder/.test(line))).toBe(true);
  });
});
