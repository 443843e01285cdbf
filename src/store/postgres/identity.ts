/**
 * Whether the database the store opened is still the one answering at its URL. An instance that went on writing
 * its ledger into a database that was dropped, or restored from a backup under the same name, would post digests
 * twice; like the SQLite store's file check, this tells the service to stop instead.
 */
import type pg from 'pg';
import type { StoreLoss } from '../../digest/store.js';
import { errorCode } from './open-errors.js';

/** The database's own oid (a new one for a database made again or restored) and the token written with the schema. */
export interface DatabaseIdentity {
  databaseOid: string;
  token: string | null;
}

export async function readIdentity(db: pg.Pool): Promise<DatabaseIdentity> {
  const { rows } = await db.query<{ database_oid: string; token: string | null }>(`
    SELECT (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database_oid,
           (SELECT token::text FROM store_identity ORDER BY created_at LIMIT 1) AS token`);
  const row = rows[0];
  if (!row) throw new Error('the database did not say which it is');
  return { databaseOid: row.database_oid, token: row.token };
}

/** Null while the same database answers; deleted or replaced otherwise. Other failures (it does not answer) throw. */
export async function identityLoss(
  db: pg.Pool,
  opened: DatabaseIdentity,
  location: string,
): Promise<StoreLoss | null> {
  let now: DatabaseIdentity;
  try {
    now = await readIdentity(db);
  } catch (error) {
    const lost = lossFrom(error, location);
    if (lost) return lost;
    // Once more: a pooled connection the server closed (as dropping a database does) fails the first query only.
    try {
      now = await readIdentity(db);
    } catch (again) {
      const lostAgain = lossFrom(again, location);
      if (lostAgain) return lostAgain;
      throw again;
    }
  }
  if (now.databaseOid !== opened.databaseOid || now.token !== opened.token)
    return { code: 'replaced', location };
  return null;
}

function lossFrom(error: unknown, location: string): StoreLoss | null {
  const code = errorCode(error);
  // invalid_catalog_name: no database by that name any more.
  if (code === '3D000') return { code: 'deleted', location };
  // undefined_table: a database by that name, but not one the bot's schema was ever made in.
  if (code === '42P01') return { code: 'replaced', location };
  return null;
}
