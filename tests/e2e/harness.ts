/**
 * Starts the bot exactly as `npm start` does (startApp with a config read from the environment), pointed at the
 * fake Discord, with its own briefing folder and database.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, type RunningApp, startApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { DEFAULT_IDS, FAKE_TOKEN, type FakeDiscord } from '../../tools/fake-discord/index.js';

export const ids = DEFAULT_IDS;

export async function databasePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'briefing-e2e-db-')), 'bot.sqlite');
}

export interface BotOptions {
  briefingsDir: string;
  databasePath: string;
  now?: () => Date;
  env?: Record<string, string>;
  /** Receives the JSON log lines (set LOG_LEVEL in env to see them). */
  logDestination?: AppOptions['logDestination'];
  digestRetryDelaysMs?: readonly number[];
  /** Follow the briefing folder (off unless a test needs it). */
  watch?: boolean;
  attachmentTimeoutMs?: number;
}

export function startBot(fake: FakeDiscord, options: BotOptions): Promise<RunningApp> {
  const config = readConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: ids.guild,
    BRIEFINGS_DIR: options.briefingsDir,
    DATABASE_PATH: options.databasePath,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  return startApp({
    config,
    now: options.now,
    watch: options.watch ?? false,
    logDestination: options.logDestination,
    digestRetryDelaysMs: options.digestRetryDelaysMs,
    attachmentTimeoutMs: options.attachmentTimeoutMs,
  });
}

/** Per test (and hook) for tests that start the bot in-process, perhaps several times: a loaded machine is slow. */
export const E2E_TEST_TIMEOUT_MS = 60_000;

/**
 * Polls until `check` returns something truthy, or fails with `what`. The deadline only decides how a test that
 * is going to fail reports it: a passing test waits for the state, however long the machine takes to reach it.
 */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
