/**
 * A database of its own for each test, on the run's one Postgres server (tests/support/postgres-server.ts):
 * no test sees another's rows, and nothing is cleaned between tests (the server's data goes at the end).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The server's superuser URL with another database in it. */
export function databaseUrl(database: string): string {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements as the server's superuser, on its `postgres` database (CREATE or DROP DATABASE). */
export async function asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Makes an empty database with a random name; returns its URL (with the superuser's password in it). */
export async function freshDatabase(): Promise<string> {
  const name = `test_${randomBytes(8).toString('hex')}`;
  await asSuperuser((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return databaseUrl(name);
}

/** Drops the database at `url`, ending whatever connections it still has (a database gone while in use). */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await asSuperuser((client) => client.query(`DROP DATABASE ${client.escapeIdentifier(name)} WITH (FORCE)`));
}
