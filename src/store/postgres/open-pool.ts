/**
 * A connection pool for DATABASE_URL, checked by one query before anything else is done with it: an unusable
 * database stops start-up with a message naming the host and database (never the password).
 */
import pg from 'pg';
import type { Logger } from '../../log.js';
import { openError } from './open-errors.js';
import { type PostgresTarget, postgresTarget, withoutSecrets } from './target.js';

/**
 * Values read as the SQLite store reads them, so one row mapper serves both: instants as ISO strings
 * (2025-06-02T06:00:00.000Z), JSON as its text, bigint ids and counts as numbers (they stay far below 2^53).
 */
const { builtins, getTypeParser } = pg.types;
const parseInstant = getTypeParser(builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;
const readsAsSqliteDoes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === builtins.TIMESTAMPTZ) return (text: string) => parseInstant(text).toISOString();
    if (oid === builtins.JSON) return (text: string) => text;
    if (oid === builtins.INT8) return (text: string) => Number(text);
    return getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface OpenedPool {
  pool: pg.Pool;
  target: PostgresTarget;
}

/** Opens a pool and proves it with one query; throws an Error that says what to check when it cannot. */
export async function openPool(url: string, log?: Pick<Logger, 'warn'>): Promise<OpenedPool> {
  const target = postgresTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    types: readsAsSqliteDoes,
    connectionTimeoutMillis: 10_000,
    // Idle connections do not keep a finished process (a test, a CLI) alive.
    allowExitOnIdle: true,
    application_name: 'briefing-bot',
  });
  // A connection that breaks while idle (a server restart, a failover) is dropped and made anew on the next
  // query; without a listener the pool's error event would end the process.
  pool.on('error', (error) => {
    log?.warn(
      { database: target.location, err: withoutSecrets(error.message, target) },
      `an idle Postgres connection to ${target.location} was lost; the next query opens another`,
    );
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw openError(error, target);
  }
  return { pool, target };
}
