/**
 * Opens the schedule database or stops with a message that names the file and what to do.
 * A damaged or foreign file is never reset or recreated: subscriptions and the ledger are the
 * server managers' data, and losing the ledger would mean posting digests twice.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { makeDirectory } from '../../files/make-directory.js';
import { MIGRATIONS } from './migrations.js';

type Db = Database.Database;

const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
const UNWRITABLE = new Set([
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

class OpenError extends Error {}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function damaged(file: string, why: string): OpenError {
  return new OpenError(
    `The schedule database ${file} is damaged or is not a SQLite database (${why}). ` +
      'Nothing was changed: restore it from a backup, or move it aside to start with no subscriptions, ' +
      'or set DATABASE_PATH to another file.',
  );
}

function unwritable(file: string, why: string): OpenError {
  return new OpenError(
    `Cannot write the schedule database ${file} (${why}). ` +
      'Make the folder and file writable by the bot, or set DATABASE_PATH to a writable location.',
  );
}

function migrate(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new OpenError(
      `The schedule database ${file} was written by a newer version of the bot (schema ${version}, ` +
        `this version knows ${MIGRATIONS.length}). Run the newer version, or set DATABASE_PATH to another file.`,
    );
  }
  // Foreign keys can only be switched outside a transaction: off while steps rebuild tables, on again after.
  db.pragma('foreign_keys = OFF');
  // Also the write probe: a read-only file fails here rather than at the first delivery.
  db.transaction(() => {
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`a schema step left ${broken.length} rows pointing nowhere`);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
  db.pragma('foreign_keys = ON');
}

export interface OpenedDatabase {
  db: Db;
  /** The file did not exist: this start made a new, empty database. */
  created: boolean;
}

export function openDatabase(path: string): OpenedDatabase {
  const file = resolve(path);
  const created = !existsSync(file);
  try {
    // Not mkdirSync({ recursive: true }): under /proc it never returns (see makeDirectory).
    makeDirectory(dirname(file));
  } catch (error) {
    throw unwritable(file, `cannot create its folder: ${detail(error)}`);
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw unwritable(file, detail(error));
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // Every commit reaches the disk before the call returns: a ledger row that says "about to send" must survive
    // a power cut or a storage fault, or the digest it guards could go out twice.
    db.pragma('synchronous = FULL');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw damaged(file, `integrity check: ${String(check)}`);
    migrate(db, file);
    return { db, created };
  } catch (error) {
    db.close();
    if (error instanceof OpenError) throw error;
    const code = sqliteCode(error);
    if (DAMAGED.has(code)) throw damaged(file, detail(error));
    if (UNWRITABLE.has(code)) throw unwritable(file, detail(error));
    throw new Error(`Cannot open the schedule database ${file}: ${detail(error)}`);
  }
}
