import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // src/ compiled once, for the tests that start the bot, deploy-commands or the CLI as processes; one Postgres
    // server for the stores' tests, each of which makes a database of its own.
    globalSetup: ['tests/support/build-once.ts', 'tests/support/postgres-server.ts'],
    // In-process tests; those that spawn processes set PROCESS_TEST_TIMEOUT_MS (tests/support/processes.ts).
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // e2e tests start real sockets; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
