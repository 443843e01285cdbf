/**
 * Exactly once without Discord's help, end to end through discord.js and the fake: a digest created but not
 * recorded before a crash is found in the channel once Discord has forgotten its nonce; a channel whose history
 * cannot be read is reported, not posted to twice; a ledger that lost its last writes recovers; an outage at the
 * fire time is outlasted; a grace of 0 still delivers on time; a database deleted under the bot stops digests.
 */
import { copyFile, rm } from 'node:fs/promises';
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { briefingAbout } from '../../tools/briefing-files.js';
import { buttonsOf, textOf } from '../support/message-text.js';
import {
  clock,
  messageCreates,
  recorded,
  subscribeChannel,
  type TestClock,
  useDigestWorld,
} from './digest-steps.js';
import { E2E_TEST_TIMEOUT_MS, eventually, ids } from './harness.js';

const channel = ids.channels.briefings;
const isCreate = (request: { method: string; path: string }) =>
  request.method === 'POST' && request.path.endsWith(`/channels/${channel}/messages`);

// Quick retries without waiting: the later ones, kept in the ledger, are what these tests follow.
const world = useDigestWorld(
  { '2026-03-29-ukraine-talks.md': briefingAbout('ukraine-talks', '2026-03-29', 'Ukraine') },
  { digestRetryDelaysMs: [0, 0, 0] },
);
const start = world.start;
const stop = world.stop;
const historyReads = () =>
  world.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/channels/${channel}/messages`));

/**
 * Subscribes at 05:59, then at 06:00:05 (08:00 in Berlin) the digest is created in the channel but the answer
 * never reaches the bot, and the bot stops: the ledger row is left pending. `atSend` runs as the create arrives.
 */
async function crashAfterCreate(time: TestClock, atSend: () => Promise<void> = async () => {}) {
  time.set('2026-03-29T05:59:00Z');
  const first = await start(time);
  await subscribeChannel(world.fake, channel);
  const hold = world.fake.pauseRoute(isCreate, { times: 1 });
  time.set('2026-03-29T06:00:05Z');
  void first.digests.runDue();
  await hold.waitForHeld(1, 30_000);
  await atSend();
  await eventually(
    () => world.fake.messages(channel).some((message) => message.author.id === ids.bot),
    'the held create',
  );
  expect((await first.digests.status(ids.guild, channel))[0]?.status).toBe('pending');
  await stop(first);
  hold.release();
}

/** Discord forgets the nonce, and the bot comes back six minutes later. */
async function restartAfterNonceWindow(time: TestClock) {
  world.fake.forgetNonces();
  time.set('2026-03-29T06:06:05Z');
  return start(time);
}

describe('exactly once without Discord’s nonce memory', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('finds a digest created before a crash in the channel once the nonce is forgotten, and posts nothing again', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    // A busy channel: 250 messages from members before the digest, so the bot pages through its history (the
    // bot's clock is March's, the fake's snowflakes today's: the search starts before all of them).
    for (let index = 0; index < 250; index++) world.fake.postAs(ids.users.reader, channel, `chat ${index}`);
    await crashAfterCreate(time);
    const digest = world.fake.messages(channel).at(-1);
    const second = await restartAfterNonceWindow(time);
    const row = await recorded(second, channel, 'sent');
    await second.digests.runDue();

    expect(world.fake.messages(channel)).toHaveLength(251);
    expect(messageCreates(world.fake, channel)).toHaveLength(1);
    expect(historyReads()).toHaveLength(3);
    expect(row.messageIds).toEqual([digest?.id]);
    expect(row.reason).toMatch(/^posted 6 min late/);
  });

  it('sends a digest that was never created after the window, once', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const first = await start(time);
    await subscribeChannel(world.fake, channel);
    // Discord is unreachable for the send: the request fails before any message exists.
    world.fake.failNext(isCreate, 503, undefined, 100);
    time.set('2026-03-29T06:00:05Z');
    await first.digests.runDue();
    expect((await first.digests.status(ids.guild, channel))[0]).toMatchObject({ status: 'pending' });
    await stop(first);
    world.fake.clearFailures();

    const second = await restartAfterNonceWindow(time);
    await recorded(second, channel, 'sent');
    expect(world.fake.messages(channel)).toHaveLength(1);
    expect(historyReads().length).toBeGreaterThan(0);
  });

  it('does not guess when the channel’s history cannot be read: no second post, and status says why', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    await crashAfterCreate(time);
    world.fake.denyBot(channel, 'ReadMessageHistory');
    const second = await restartAfterNonceWindow(time);
    const row = await recorded(second, channel, 'unconfirmed');
    expect(row.reason).toMatch(/could not check whether it is already in the channel/);
    expect(row.reason).toMatch(/Read Message History/);
    expect(world.fake.messages(channel)).toHaveLength(1);
    expect(messageCreates(world.fake, channel)).toHaveLength(1);

    const status = await world.fake.command('digest status', {}, { user: ids.users.manager });
    expect(JSON.stringify(status.callback.data)).toContain('not confirmed');

    // Subscribing such a channel says what it costs, and what to grant.
    const again = await world.fake.command(
      'digest subscribe',
      { channel, time: '08:00', timezone: 'Europe/Berlin' },
      { user: ids.users.manager },
    );
    expect(again.callback.data).toMatchObject({
      content: expect.stringContaining('Also give the bot **Read Message History**'),
    });
  });

  it('recovers without a duplicate when the ledger loses every write after the send began', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const snapshot = `${world.databasePath}.at-send`;
    // What the disk holds when the create reaches Discord: the pending row and its nonce, nothing later.
    await crashAfterCreate(time, async () => {
      await copyFile(world.databasePath, snapshot);
      await copyFile(`${world.databasePath}-wal`, `${snapshot}-wal`).catch(() => {});
    });
    await copyFile(snapshot, world.databasePath);
    await rm(`${world.databasePath}-shm`, { force: true });
    await copyFile(`${snapshot}-wal`, `${world.databasePath}-wal`).catch(() =>
      rm(`${world.databasePath}-wal`, { force: true }),
    );

    const second = await restartAfterNonceWindow(time);
    await recorded(second, channel, 'sent');
    await second.digests.runDue();
    expect(world.fake.messages(channel)).toHaveLength(1);
  });
});

describe('retries for the day', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('outlasts a 60 s outage at the fire time and delivers that day, once', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await start(time);
    await subscribeChannel(world.fake, channel);
    world.fake.failNext(isCreate, 503, undefined, 1_000);
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    const waiting = (await app.digests.status(ids.guild, channel))[0];
    expect(waiting).toMatchObject({ status: 'pending', attempts: 4, lastError: 'Service Unavailable' });
    expect(world.fake.messages(channel)).toHaveLength(0);

    // Half a minute on, Discord is still down, and the row waits for its time in the ledger.
    time.set('2026-03-29T06:00:35Z');
    await app.digests.runDue();
    expect((await app.digests.status(ids.guild, channel))[0]).toMatchObject({
      status: 'pending',
      attempts: 4,
    });

    // A minute after the fire Discord is back, and the ledger's retry time has come.
    world.fake.clearFailures();
    time.set('2026-03-29T06:01:05Z');
    await app.digests.runDue();
    const row = await recorded(app, channel, 'sent');
    expect(row.reason).toBeNull();
    time.set('2026-03-29T06:30:00Z');
    await app.digests.runDue();
    expect(world.fake.messages(channel)).toHaveLength(1);
  });

  it('keeps retrying across a restart', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const first = await start(time);
    await subscribeChannel(world.fake, channel);
    world.fake.failNext(isCreate, 503, undefined, 1_000);
    time.set('2026-03-29T06:00:05Z');
    await first.digests.runDue();
    await stop(first);
    world.fake.clearFailures();

    time.set('2026-03-29T06:01:30Z');
    const second = await start(time);
    await recorded(second, channel, 'sent');
    expect(world.fake.messages(channel)).toHaveLength(1);
  });
});

describe('grace and a database that goes away', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('DIGEST_GRACE_HOURS=0 still delivers an on-time digest', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await start(time, { env: { DIGEST_GRACE_HOURS: '0' } });
    await subscribeChannel(world.fake, channel);
    // The minute timer wakes a few milliseconds after the minute.
    time.set('2026-03-29T06:00:00.004Z');
    await app.digests.runDue();
    await recorded(app, channel, 'sent');
    expect(world.fake.messages(channel)).toHaveLength(1);
  });

  it('stops delivering, loudly, when the database file is deleted; a new start says it made a new one', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const logs: string[] = [];
    const app = await start(time, { logs });
    await subscribeChannel(world.fake, channel);
    await rm(world.databasePath);
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    expect(world.fake.messages(channel)).toHaveLength(0);
    const lost = logs.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lost.filter((line) => line.level >= 50 && line.msg.includes(world.databasePath))).toHaveLength(1);

    const answer = await world.fake.command(
      'digest subscribe',
      { channel, time: '09:00', timezone: 'Europe/Berlin' },
      { user: ids.users.manager },
    );
    expect(answer.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/^Digests are stopped: the file .* was deleted/),
    });
    await stop(app);

    const restartLogs: string[] = [];
    await start(time, { logs: restartLogs });
    expect(restartLogs.some((line) => line.includes(`No schedule database at ${world.databasePath}`))).toBe(
      true,
    );
  });
});

describe('the Read buttons under a digest', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('show the whole briefing to whoever clicks, privately', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await start(time);
    await subscribeChannel(world.fake, channel);
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    const [message] = world.fake.messages(channel);
    // Each briefing's card has its Read button beside it.
    const [read] = buttonsOf(message);
    expect(read).toMatchObject({ label: 'Read', customId: expect.stringMatching(/^digest:/) });
    const click = await world.fake.button(read?.customId ?? '', {
      message: message!.id,
      user: ids.users.reader,
    });
    expect(click.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral | MessageFlags.IsComponentsV2,
    });
    expect(textOf(click.callback.data)).toContain('Delegations from Ukraine met in Geneva');
  });
});
