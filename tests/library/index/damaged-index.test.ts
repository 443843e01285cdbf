/**
 * The index is a cache of the folder: a file at the index path that is not this program's index of this folder,
 * in this format and whole, is rebuilt from the folder, never trusted. Each case below would serve stale or
 * foreign briefings (or fail to start) if it were trusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT } from '../../../src/library/index/schema.js';
import { LiveLibrary } from '../../../src/library/live-library.js';
import { readLibraryFolder } from '../../../src/library/load.js';
import {
  answersOf,
  type BriefingSpec,
  briefingMarkdown,
  type Questions,
  silentLog,
  TempDirs,
} from './folder.js';

const dirs = new TempDirs();
const opened: LiveLibrary[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((live) => live.close()));
  await dirs.removeAll();
});

const DATES = ['2026-01-13', '2026-01-14', '2026-01-15'];
const COUNT = 6;

/** Briefing `index` of a folder; `place` changes the text but not its length (see `sameStampsAs`). */
function spec(index: number, place = 'Geneva'): BriefingSpec {
  return {
    title: `Talks ${index} in ${place}`,
    date: DATES[index % DATES.length]!,
    parties: index % 2 ? ['Russia'] : ['Ukraine', 'NATO'],
    summary: `Negotiators from Russia and Ukraine met in ${place}.`,
    whatHappened: [`Delegations met for ${index + 1} hours.`, 'The Quillon envoy took notes.'],
    whyItMatters: ['Ukraine wants a deal before winter.'],
    implications: ['A second round is planned.'],
  };
}

const questions: Questions = {
  ids: [...Array.from({ length: COUNT }, (_, index) => `b${index}`), 'nope'],
  dates: DATES,
  words: ['Geneva', 'Lisbon', 'talks', 'winter'],
  parties: ['Russia', 'Ukraine', 'NATO', 'Quillon Accord', 'Quillon'],
  prefixes: ['', 't', 'talks 3', 'b'],
  mentionParties: ['Russia', 'Quillon Accord'],
};

/** A folder of COUNT briefings (b0.md ...) about `place`, with a parties.yml naming a custom party. */
async function folder(place = 'Geneva'): Promise<string> {
  const dir = await dirs.make('briefing-folder-');
  for (let index = 0; index < COUNT; index++)
    await writeFile(join(dir, `b${index}.md`), briefingMarkdown(spec(index, place)));
  await writeFile(
    join(dir, 'parties.yml'),
    '- name: Quillon Accord\n  kind: organisation\n  aliases: [Quillon]\n',
  );
  return dir;
}

async function indexPath(): Promise<string> {
  return join(await dirs.make('briefing-index-'), 'index.sqlite');
}

async function load(dir: string, path: string, log = silentLog): Promise<LiveLibrary> {
  const live = await LiveLibrary.load(dir, log, { indexPath: path });
  opened.push(live);
  return live;
}

/** An index of the folder at `path`, built and closed, as a previous run of the bot leaves it. */
async function leftBehind(dir: string, path: string): Promise<void> {
  const live = await LiveLibrary.load(dir, silentLog, { indexPath: path });
  await live.close();
}

/** A logger keeping every message from `warn` up. */
function warnings() {
  const messages: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
  return { log, messages };
}

/** The library serves the folder as it is, as an index built from scratch does and a fresh parse says. */
async function expectServesFolder(live: LiveLibrary, dir: string, place = 'Geneva'): Promise<void> {
  const library = live.library();
  const fresh = await readLibraryFolder(dir);
  expect(
    library
      .list(1, 1000)
      .items.map((briefing) => briefing.id)
      .sort(),
  ).toEqual(fresh.briefings.briefings.map((briefing) => briefing.id).sort());
  expect(library.size).toBe(COUNT);
  for (let index = 0; index < COUNT; index++)
    expect(library.get(`b${index}`)?.title).toBe(spec(index, place).title);
  expect(library.party('Quillon Accord').briefings).toHaveLength(COUNT);
  expect(live.problems()).toEqual([]);
  const scratch = await indexPath();
  const oracle = await load(dir, scratch);
  expect(answersOf(library, dir, questions)).toEqual(answersOf(oracle.library(), dir, questions));
}

/** Deterministic bytes that are no database: the same on every run, so a failure can be replayed. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

describe('an index file that cannot be trusted is rebuilt from the folder', () => {
  it('(a) random bytes over the whole index: set aside as .damaged, rebuilt', async () => {
    const dir = await folder();
    const path = await indexPath();
    await leftBehind(dir, path);
    const { size } = await stat(path);
    const garbage = noise(size, 1);
    await writeFile(path, garbage);

    const { log, messages } = warnings();
    const live = await load(dir, path, log);
    await expectServesFolder(live, dir);
    expect(existsSync(`${path}.damaged`)).toBe(true);
    expect(readFileSync(`${path}.damaged`).equals(garbage)).toBe(true);
    expect(messages.some((message) => message.includes('rebuilding it from the folder'))).toBe(true);
  });

  it('(a) random bytes over every page but the first (header and schema intact): set aside, rebuilt', async () => {
    const dir = await folder();
    const path = await indexPath();
    await leftBehind(dir, path);
    const { size } = await stat(path);
    const pageSize = 4096;
    expect(size).toBeGreaterThan(pageSize);
    const file = await open(path, 'r+');
    await file.write(noise(size - pageSize, 2), 0, size - pageSize, pageSize);
    await file.close();

    // Opening it must not fail the start (the bot would not come up): the damage is found and the file rebuilt.
    const live = await load(dir, path);
    await expectServesFolder(live, dir);
    expect(existsSync(`${path}.damaged`)).toBe(true);
  });

  // A page the start does not read: damage found only when a reader asks must not be served either.
  it.each(['briefings', 'mentions', 'docs_data', 'names_data'])(
    '(a) random bytes over a page of the %s table: set aside, rebuilt',
    async (table) => {
      const dir = await folder();
      const path = await indexPath();
      await leftBehind(dir, path);
      const db = new Database(path, { readonly: true });
      const page = db
        .prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno')
        .pluck()
        .get(table);
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.close();
      expect(page, `a page of ${table}`).toBeGreaterThan(1);
      const file = await open(path, 'r+');
      await file.write(noise(pageSize, 3), 0, pageSize, (page! - 1) * pageSize);
      await file.close();

      const live = await load(dir, path);
      await expectServesFolder(live, dir);
      expect(existsSync(`${path}.damaged`)).toBe(true);
    },
  );

  it('(a) an index cut short: set aside as .damaged, rebuilt', async () => {
    const dir = await folder();
    const path = await indexPath();
    await leftBehind(dir, path);
    const { size } = await stat(path);
    const file = await open(path, 'r+');
    await file.truncate(Math.floor(size / 3));
    await file.close();

    const live = await load(dir, path);
    await expectServesFolder(live, dir);
    expect(existsSync(`${path}.damaged`)).toBe(true);
  });

  it("(b) another program's SQLite file: rebuilt as this index", async () => {
    const dir = await folder();
    const path = await indexPath();
    const other = new Database(path);
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
      INSERT INTO notes (text) VALUES ('buy milk'), ('call Anna');`);
    other.close();

    const { log, messages } = warnings();
    const live = await load(dir, path, log);
    await expectServesFolder(live, dir);
    expect(messages.some((message) => message.includes('rebuilding it from the folder'))).toBe(true);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(INDEX_FORMAT);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it("(b) another program's SQLite file with tables named like the index's: rebuilt", async () => {
    const dir = await folder();
    const path = await indexPath();
    const other = new Database(path);
    other.exec(`CREATE TABLE meta (key TEXT, value TEXT);
      CREATE TABLE files (path TEXT, size INTEGER);
      CREATE TABLE briefings (row INTEGER PRIMARY KEY, path TEXT, id TEXT, title TEXT);
      INSERT INTO meta VALUES ('folder', 'elsewhere');
      INSERT INTO files VALUES ('b0.md', 1);
      INSERT INTO briefings (path, id, title) VALUES ('b0.md', 'b0', 'Not from this folder');`);
    other.close();

    const live = await load(dir, path);
    await expectServesFolder(live, dir);
  });

  it('(c) an index of another format (user_version INDEX_FORMAT + 1): rebuilt, its rows not served', async () => {
    const dir = await folder();
    const path = await indexPath();
    await leftBehind(dir, path);
    // What another version stored means something else: were it trusted, these titles would show.
    const db = new Database(path);
    db.exec(`UPDATE files SET briefing = replace(briefing, '"title":"Talks', '"title":"Stale');
      UPDATE briefings SET title = 'Stale ' || title;`);
    db.pragma(`user_version = ${INDEX_FORMAT + 1}`);
    db.close();

    const { log, messages } = warnings();
    const live = await load(dir, path, log);
    await expectServesFolder(live, dir);
    expect(messages.some((message) => message.includes('rebuilding it from the folder'))).toBe(true);
    const check = new Database(path, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(INDEX_FORMAT);
    } finally {
      check.close();
    }
  });

  it('(d) an index built for another folder: rebuilt with only this folder’s briefings', async () => {
    // Same file names, same sizes and modification times, other text: only the folder tells the two apart.
    const first = await folder('Geneva');
    const second = await folder('Lisbon');
    const when = new Date('2026-01-01T00:00:00Z');
    for (let index = 0; index < COUNT; index++) {
      await utimes(join(first, `b${index}.md`), when, when);
      await utimes(join(second, `b${index}.md`), when, when);
      expect((await stat(join(second, `b${index}.md`))).size).toBe(
        (await stat(join(first, `b${index}.md`))).size,
      );
    }
    await writeFile(
      join(first, 'only-first.md'),
      briefingMarkdown({ ...spec(9), title: 'Only in the first folder' }),
    );
    const path = await indexPath();
    await leftBehind(first, path);

    const live = await load(second, path);
    await expectServesFolder(live, second, 'Lisbon');
    expect(live.library().get('only-first')).toBeUndefined();
    expect(live.library().search('Geneva')).toEqual([]);
  });

  it('(e) an index with one of its tables gone: rebuilt', async () => {
    const dir = await folder();
    const path = await indexPath();
    await leftBehind(dir, path);
    const db = new Database(path);
    db.exec('DROP TABLE names');
    db.close();

    const live = await load(dir, path);
    await expectServesFolder(live, dir);
    expect(
      live
        .library()
        .completeBriefings('talks 3')
        .map((choice) => choice.value),
    ).toEqual(['b3']);
  });
});
