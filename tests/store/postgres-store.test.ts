/**
 * What only the Postgres store does: open a database that several instances share (the schema made once however
 * many start together), say clearly why it cannot open one, and notice when the database it opened is gone.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/open-postgres.js';
import { freePort } from '../../tools/postgres-server.js';
import { asSuperuser, dropDatabase, freshDatabase } from '../support/postgres.js';
import { pendingDelivery, savedSubscription } from './ledger-rows.js';

async function open(url: string): Promise<PostgresStores> {
  const stores = await openPostgresStores(url);
  onTestFinished(() => stores.close());
  return stores;
}

/** Runs one query on the database at `url` as the superuser the URL names. */
async function queryAt<T>(url: string, sql: string): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The error a promise rejects with (failing the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const result = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(result).toBeInstanceOf(Error);
  return result as Error;
}

describe('openPostgresStores', () => {
  it('makes the schema once when several instances open an empty database at the same moment', async () => {
    const url = await freshDatabase();
    const opened = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    expect(opened.filter((stores) => stores.digests.created)).toHaveLength(1);
    const versions = await queryAt<{ version: number }>(
      url,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('finds its data again on reopening, and says it did not make it', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStores(url);
    expect(first.digests.created).toBe(true);
    await first.digests.saveSubscription(savedSubscription());
    const id = await first.digests.addDelivery(pendingDelivery());
    await first.close();

    const again = await open(url);
    expect(again.digests.created).toBe(false);
    expect(await again.digests.allSubscriptions()).toEqual([savedSubscription()]);
    expect((await again.digests.getDelivery(id!))?.status).toBe('pending');
  });

  it('names where it is kept without the credentials', async () => {
    const url = await freshDatabase();
    const { hostname, port, pathname, password } = new URL(url);
    const stores = await open(url);
    expect(stores.digests.location).toBe(`postgres://${hostname}:${port}${pathname}`);
    expect(stores.follows.location).toBe(stores.digests.location);
    expect(stores.digests.location).not.toContain(password);
  });

  it('says what to check when nothing listens at the address, without the password', async () => {
    const port = await freePort();
    const error = await failure(openPostgresStores(`postgres://bot:s3cret-pass@127.0.0.1:${port}/briefings`));
    expect(error.message).toContain(
      `Postgres server at 127.0.0.1:${port} for database "briefings" (connection refused)`,
    );
    expect(error.message).toMatch(/Check that Postgres is running there/);
    expect(error.message).not.toContain('s3cret-pass');
  });

  it('says the login was refused, naming the user and database but not the password', async () => {
    const url = new URL(await freshDatabase());
    const realPassword = url.password;
    url.password = 'wrong-password';
    const error = await failure(openPostgresStores(url.toString()));
    expect(error.message).toMatch(/refused user "postgres" on database "test_[0-9a-f]+"/);
    expect(error.message).toMatch(/Check the user and password in DATABASE_URL/);
    expect(error.message).not.toContain('wrong-password');
    expect(error.message).not.toContain(realPassword);
  });

  it('says when the database does not exist, and how to make it', async () => {
    const url = new URL(await freshDatabase());
    url.pathname = '/no_such_database';
    const error = await failure(openPostgresStores(url.toString()));
    expect(error.message).toMatch(/The database "no_such_database" does not exist.*CREATE DATABASE/);
    expect(error.message).not.toContain(url.password);
  });

  it('refuses a database of a newer schema, and one holding tables it did not make', async () => {
    const newer = await freshDatabase();
    await (await openPostgresStores(newer)).close();
    await queryAt(newer, `INSERT INTO schema_migrations (version) VALUES (${MIGRATIONS.length + 1})`);
    expect((await failure(openPostgresStores(newer))).message).toMatch(/newer version of the bot/);

    const foreign = await freshDatabase();
    await queryAt(foreign, 'CREATE TABLE subscriptions (id integer)');
    expect((await failure(openPostgresStores(foreign))).message).toMatch(
      /already holds tables the bot did not make.*database of its own/,
    );
    // Nothing was half made: the step rolled back with the version it would have recorded.
    expect(await queryAt(foreign, "SELECT to_regclass('deliveries') AS t")).toEqual([{ t: null }]);
  });
});

describe('a database of the first schema', () => {
  it('is brought up to date with its subscriptions read as of an unknown channel kind', async () => {
    const url = await freshDatabase();
    await queryAt(
      url,
      `CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
      ${MIGRATIONS[0]}
      INSERT INTO schema_migrations (version) VALUES (1);
      INSERT INTO subscriptions (channel_id, guild_id, channel_name, time, timezone, party, publish, created_by,
        created_at, updated_at, active_from)
      VALUES ('c', 'g', 'briefings', '08:00', 'Europe/Berlin', 'Ukraine', true, 'u',
        '2025-06-01T10:00:00Z', '2025-06-01T10:00:00Z', '2025-06-01T10:00:00Z');`,
    );
    const { digests } = await open(url);
    expect(digests.created).toBe(false);
    const sub = await digests.getSubscription('c');
    expect(sub).toMatchObject({ party: 'Ukraine', publish: true, postsAsThreads: null });
    await digests.saveSubscription({ ...sub!, postsAsThreads: true });
    expect((await digests.getSubscription('c'))?.postsAsThreads).toBe(true);
    const versions = await queryAt<{ version: number }>(
      url,
      'SELECT max(version) AS version FROM schema_migrations',
    );
    expect(versions).toEqual([{ version: MIGRATIONS.length }]);
  });
});

describe('PostgresDigestStore.loss', () => {
  it('is null while the database it opened answers', async () => {
    const stores = await open(await freshDatabase());
    expect(await stores.digests.loss()).toBeNull();
  });

  it('tells a database dropped while the bot runs', async () => {
    const url = await freshDatabase();
    const stores = await open(url);
    await stores.digests.addDelivery(pendingDelivery());
    await dropDatabase(url);
    expect(await stores.digests.loss()).toEqual({ code: 'deleted', location: stores.digests.location });
  });

  it('tells a database made again under the same name, empty or by another instance', async () => {
    const url = await freshDatabase();
    const stores = await open(url);
    const name = new URL(url).pathname.slice(1);
    await dropDatabase(url);
    await asSuperuser((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    expect(await stores.digests.loss()).toEqual({ code: 'replaced', location: stores.digests.location });
    await open(url);
    expect(await stores.digests.loss()).toEqual({ code: 'replaced', location: stores.digests.location });
  });
});
