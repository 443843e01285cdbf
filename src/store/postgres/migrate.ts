/**
 * Brings a database's schema up to MIGRATIONS, once however many instances start at the same moment: each runs
 * in one transaction that first takes a lock only migrations take, so the second instance waits, then finds the
 * steps done. schema_migrations records each step that ran.
 */
import type pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { errorCode } from './open-errors.js';
import type { PostgresTarget } from './target.js';
import { inTransaction } from './transaction.js';

/** A database the bot must not change: said as it is, not wrapped in a connection message. */
export class SchemaRefusal extends Error {}

export interface Migrated {
  /** The schema was made by this call: the database had none of the bot's tables. */
  created: boolean;
}

export async function migrate(pool: pg.Pool, target: PostgresTarget): Promise<Migrated> {
  return inTransaction(pool, async (client) => {
    // Held until this transaction ends; another instance's migrate waits here, then sees the steps applied.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('briefing-bot schema migrations', 0))");
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const version = rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length) {
      throw new SchemaRefusal(
        `The Postgres database ${target.location} was written by a newer version of the bot (schema ${version}, ` +
          `this version knows ${MIGRATIONS.length}). Run the newer version, or set DATABASE_URL to another database.`,
      );
    }
    for (const [index, step] of MIGRATIONS.entries()) {
      if (index < version) continue;
      await runStep(client, step, target);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
    }
    return { created: version === 0 };
  });
}

async function runStep(client: pg.PoolClient, step: string, target: PostgresTarget): Promise<void> {
  try {
    await client.query(step);
  } catch (error) {
    if (errorCode(error) !== '42P07') throw error;
    // A table of the same name that no step of ours recorded: another application's, not to be touched.
    throw new SchemaRefusal(
      `The Postgres database ${target.location} already holds tables the bot did not make ` +
        `(${(error as Error).message}). Give the bot a database of its own, or set DATABASE_URL to an empty one.`,
    );
  }
}
