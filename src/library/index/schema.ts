/**
 * The archive index's file: the briefings as last read, their full-text index, the parties they name and what
 * autocomplete looks up, in SQLite beside the bot's database. It is a cache of the briefing folder: a file that
 * is missing, not a database, damaged or written by another version is rebuilt from the folder, never trusted.
 */
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EVERYDAY_CACHE_KIB } from './writer.js';

/** Bump when what is stored changes meaning (the schema, the readers, statement splitting, the matcher). */
export const INDEX_FORMAT = 4;
const APPLICATION_ID = 0x62726966; // "brif": marks the file as this index, not any SQLite file

const TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'";

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Every briefing file as last read: its stamp, its problems, and the version served (its last good one while it
-- is broken), as JSON with the file's path relative to the folder.
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  hash TEXT NOT NULL,
  problems TEXT NOT NULL,
  briefing TEXT,
  id_key TEXT,
  date TEXT
) WITHOUT ROWID;
CREATE INDEX files_by_id ON files (id_key) WHERE id_key IS NOT NULL;
-- A start reads every file's stamp, and the problems of the few files that have any, not the briefings stored.
CREATE INDEX files_stamps ON files (path, size, mtime);
CREATE INDEX files_with_problems ON files (path) WHERE problems <> '[]';
-- The briefings served: one per id (of two files with one id, the first by path). The row orders them newest
-- first (see row-key.ts), so "ORDER BY row" is the readers' order everywhere, full-text results included.
CREATE TABLE briefings (
  row INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  id TEXT NOT NULL,
  id_key TEXT NOT NULL UNIQUE,
  short_key TEXT,
  date TEXT NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX briefings_by_date ON briefings (date);
CREATE INDEX briefings_by_short_key ON briefings (short_key) WHERE short_key IS NOT NULL;
-- The parties each briefing names (see mentions.ts), and the same as a full-text document of party words, so a
-- report finds its briefings (a party or any of its members) newest first and counts them in native code.
-- cited: the statements the mentions name (mentions.ts), so a report never reads its briefings whole.
CREATE TABLE mentions (row INTEGER PRIMARY KEY, parties TEXT NOT NULL, cited TEXT NOT NULL);
CREATE VIRTUAL TABLE party_docs USING fts5(
  parties, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61');
-- Ranked search (BM25 over weighted fields) and the words of names the party report looks candidates up by.
-- Rows are taken out with FTS5's 'delete' and the text they went in with (writer.ts), not contentless_delete,
-- whose deleted rows still count in a word's document frequency and skew BM25 until the table is rebuilt.
-- Prefix indexes answer a half-typed last word of three or four letters without merging every word it starts.
CREATE VIRTUAL TABLE docs USING fts5(
  title, summary, body, tags, content = '', prefix = '3 4', ${TOKENIZER});
-- Autocomplete: each briefing's id and title, with prefix indexes so a letter or two is answered at once.
CREATE VIRTUAL TABLE names USING fts5(
  text, content = '', contentless_delete = 1, prefix = '1 2 3', ${TOKENIZER});
`;

export type IndexDatabase = Database.Database;

function configure(db: IndexDatabase): void {
  db.pragma('journal_mode = WAL');
  // A crash loses at most the last batch, which the next start reads again: the files are the truth.
  db.pragma('synchronous = NORMAL');
  // The bot and the editor tools may open the index at once; one waits for the other's write.
  db.pragma('busy_timeout = 10000');
  db.pragma(`cache_size = ${EVERYDAY_CACHE_KIB}`);
}

function isCurrent(db: IndexDatabase): boolean {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return false;
  if (db.pragma('user_version', { simple: true }) !== INDEX_FORMAT) return false;
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'files', 'briefings', 'mentions', 'party_docs', 'docs', 'names')",
    )
    .pluck()
    .all();
  return tables.length === 7;
}

/** Empties the index and makes the current schema: what is kept is rebuilt from the folder. */
function makeCurrent(db: IndexDatabase): void {
  // Whatever another version left: every table and index goes, then the current schema is made.
  const objects = db
    .prepare<[], { type: string; name: string }>(
      "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE TABLE ''%'",
    )
    .all();
  for (const object of objects) {
    // Shadow tables of a virtual table go with it.
    const exists = db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(object.name);
    if (exists)
      db.exec(`DROP ${object.type === 'view' ? 'VIEW' : 'TABLE'} "${object.name.replaceAll('"', '""')}"`);
  }
  db.exec(SCHEMA);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${INDEX_FORMAT}`);
}

export interface OpenedIndex {
  db: IndexDatabase;
  /**
   * Why the index was made anew: `new` (nothing there), `foreign` (another version or program, or another
   * folder), `damaged` (set aside); or null.
   */
  rebuilt: 'new' | 'foreign' | 'damaged' | null;
}

/** SQLite's word for a file that is not a database or is damaged: anything else (busy, I/O) is not the file's fault. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens (or makes) the index at `path` for the briefing folder `folder`; `:memory:` for one that lives as long as
 * the process. Checked and, when it must be, made anew under the write lock, so processes opening it at the same
 * moment make it once and never undo each other's work.
 */
export function openIndex(path: string, folder = ''): OpenedIndex {
  try {
    const db = new Database(path);
    try {
      whenFree(() => configure(db));
      const rebuilt = whenFree(() =>
        db
          .transaction((): OpenedIndex['rebuilt'] => {
            if (isCurrent(db) && madeFor(db) === folder) {
              probe(db);
              return null;
            }
            const empty =
              db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() === 0;
            // Another program's database is never emptied: it is moved aside whole, and a new index made.
            if (!empty && db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
              throw new NotAnIndex();
            makeCurrent(db);
            db.prepare("INSERT INTO meta (key, value) VALUES ('folder', ?)").run(folder);
            return empty ? 'new' : 'foreign';
          })
          .immediate(),
      );
      return { db, rebuilt };
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if (error instanceof NotAnIndex) {
      setAside(path, '.foreign');
      return { db: openIndex(path, folder).db, rebuilt: 'foreign' };
    }
    if (path === ':memory:' || !isDamage(error)) throw error;
    // Not a database, or one damaged past reading: kept aside for a look, and a new one made.
    setAside(path);
    const { db } = openIndex(path, folder);
    return { db, rebuilt: 'damaged' };
  }
}

/**
 * Walks every table of the index once (counting its rows reads each of its pages but the overflow): a damaged
 * page throws here, at start, where the file can still be set aside, rather than later under a reader's question.
 */
function probe(db: IndexDatabase): void {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const objects = db
    .prepare<[], { type: string; name: string; table: string }>(
      `SELECT type, name, tbl_name AS "table" FROM sqlite_schema
       WHERE (type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%') OR (type = 'index' AND sql IS NOT NULL)`,
    )
    .all();
  // Each table's own pages (NOT INDEXED: a count would otherwise read its smallest index), then each index's.
  for (const { type, name, table } of objects) {
    const source =
      type === 'table' ? `${quoted(name)} NOT INDEXED` : `${quoted(table)} INDEXED BY ${quoted(name)}`;
    db.prepare(`SELECT count(*) FROM ${source}`).get();
  }
}

/** How long opening waits for another process holding the file (it may be building the schema). */
const OPEN_WAIT_MS = 30_000;

/**
 * Runs `step`, again while another process holds the file. Switching to WAL and the first write can report
 * "database is locked" at once, without the busy timeout, when several processes open one new file together.
 */
function whenFree<T>(step: () => T): T {
  const deadline = Date.now() + OPEN_WAIT_MS;
  for (;;) {
    try {
      return step();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const busy =
        typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
      if (!busy || Date.now() > deadline) throw error;
      // Opening is synchronous: a short sleep of this thread, as SQLite's own busy handler does.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** A SQLite file with tables, made by another program. */
class NotAnIndex extends Error {}

function madeFor(db: IndexDatabase): string | undefined {
  return db.prepare<[], string>("SELECT value FROM meta WHERE key = 'folder'").pluck().get();
}

/** Keeps a damaged index (or another program's file) aside for a look, one at a time. */
export function setAside(path: string, suffix = '.damaged'): void {
  const aside = `${path}${suffix}`;
  rmSync(aside, { force: true });
  renameSync(path, aside);
  for (const journal of ['-wal', '-shm']) rmSync(`${path}${journal}`, { force: true });
}
