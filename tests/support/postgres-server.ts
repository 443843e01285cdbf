/**
 * Vitest global setup: one real Postgres server for the whole run (tools/postgres-server.ts), stopped and removed
 * at the end. Tests get its address with inject('postgresUrl') and make a database of their own
 * (tests/support/postgres.ts). A server that cannot start fails the run, with its log: Postgres tests are never
 * skipped.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '../../tools/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL to the test server's `postgres` database (for CREATE DATABASE). */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // A test server's data dies with the run; test files run in parallel, each with pools of its own.
  const server = await startPostgresServer({ durable: false, maxConnections: 300 });
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
