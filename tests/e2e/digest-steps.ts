/**
 * Steps the digest end-to-end tests share: a fresh fake Discord, briefing folder and database per test, bots
 * started and stopped on them, a hand-moved clock, the sends the fake saw, subscribing, the ledger.
 */
import { Writable } from 'node:stream';
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, beforeEach, expect } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { describeReason } from '../../src/render/digest-reasons.js';
import { briefingFolder } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { type BotOptions, databasePath, E2E_TEST_TIMEOUT_MS, eventually, ids, startBot } from './harness.js';

export interface BotStart {
  env?: Record<string, string>;
  /** Collects the bot's JSON log lines (at info level). */
  logs?: string[];
}

export interface DigestWorld {
  readonly fake: FakeDiscord;
  readonly databasePath: string;
  /** Starts a bot on this test's fake, folder and database; it is stopped after the test if still running. */
  start(time: TestClock, options?: BotStart): Promise<RunningApp>;
  stop(app: RunningApp): Promise<void>;
}

/** Per test: a new fake Discord, a briefing folder with `files`, an empty database path. */
export function useDigestWorld(
  files: Record<string, string>,
  defaults: Pick<BotOptions, 'digestRetryDelaysMs'> = {},
): DigestWorld {
  let fake: FakeDiscord | undefined;
  let dir = '';
  let db = '';
  let running: RunningApp[] = [];

  beforeEach(async () => {
    fake = await startFakeDiscord();
    dir = await briefingFolder(files);
    db = await databasePath();
  }, E2E_TEST_TIMEOUT_MS);

  afterEach(async () => {
    for (const app of running) await app.stop();
    running = [];
    await fake?.close();
  }, E2E_TEST_TIMEOUT_MS);

  const world: DigestWorld = {
    get fake() {
      if (!fake) throw new Error('the fake starts before each test');
      return fake;
    },
    get databasePath() {
      return db;
    },
    async start(time, options = {}) {
      const { logs } = options;
      const app = await startBot(world.fake, {
        ...defaults,
        briefingsDir: dir,
        databasePath: db,
        now: time.now,
        env: { ...(logs ? { LOG_LEVEL: 'info' } : {}), ...options.env },
        ...(logs ? { logDestination: collectLines(logs) } : {}),
      });
      running.push(app);
      return app;
    },
    async stop(app) {
      running = running.filter((other) => other !== app);
      await app.stop();
    },
  };
  return world;
}

function collectLines(into: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      into.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
}

/** A clock the test moves by hand. */
export function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

export type TestClock = ReturnType<typeof clock>;

/** Every message create the bot sent to the channel, answered or not. */
export const messageCreates = (fake: FakeDiscord, channelId: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${channelId}/messages`));

/** The channel's latest ledger row, once it has this status: sends started at start-up are not awaited by it. */
export function recorded(app: RunningApp, channelId: string, status: string) {
  return eventually(async () => {
    const [latest] = await app.digests.status(ids.guild, channelId);
    return latest?.status === status && { ...latest, reason: latest.reason && describeReason(latest.reason) };
  }, `the digest recorded as ${status}`);
}

/** /digest subscribe as a manager, 08:00 Europe/Berlin unless told otherwise; the answer must say it worked. */
export async function subscribeChannel(
  fake: FakeDiscord,
  channelId: string,
  options: Record<string, string | boolean> = {},
) {
  const answer = await fake.command(
    'digest subscribe',
    { channel: channelId, time: '08:00', timezone: 'Europe/Berlin', ...options },
    { user: ids.users.manager },
  );
  expect(answer.callback.data).toMatchObject({
    flags: MessageFlags.Ephemeral,
    content: expect.stringMatching(/^Subscribed/),
  });
}
