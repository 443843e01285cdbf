/**
 * Party alerts end to end, through discord.js against the fake Discord: a digest that mentions the one role a
 * manager opted in (and pings no one else), and readers who follow a party getting at most one direct message a
 * day, a reader whose direct messages are closed paused and told once. The clock is injected; the minute sweeps
 * are run by hand.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout, briefingFolder } from '../../tools/briefing-files.js';
import {
  type FakeDiscord,
  type InteractionExchange,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { clock, type TestClock } from './digest-steps.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, ids, startBot } from './harness.js';

/** A role that lets anyone mention it, and one that does not. */
const WATCHERS = '1190000000000000110';
const QUIET_ROLE = '1190000000000000111';
/** A member who does not take direct messages from the bot. */
const CLOSED = '1190000000000000310';
const reader = ids.users.reader;
const channel = ids.channels.briefings;

let fake: FakeDiscord;
let dir: string;
let db: string;
let app: RunningApp | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord({
    world: (world) => {
      const guild = world.guilds[0]!;
      guild.roles.push(
        { id: WATCHERS, name: 'Ukraine watchers', permissions: '0', position: 1, mentionable: true },
        { id: QUIET_ROLE, name: 'Quiet', permissions: '0', position: 1 },
      );
      world.users.push({ id: CLOSED, username: 'closed-reader', dmsClosed: true });
      guild.members.push({ userId: CLOSED, roles: [] });
      guild.members.find((member) => member.userId === reader)?.roles.push(WATCHERS);
    },
  });
  // Only yesterday's news at first: what arrives later is written during the test.
  dir = await briefingFolder({
    '2026-03-09-ukraine-yesterday.md': briefingAbout('ukraine-yesterday', '2026-03-09', 'Ukraine'),
  });
  db = await databasePath();
}, E2E_TEST_TIMEOUT_MS);

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await fake.close();
}, E2E_TEST_TIMEOUT_MS);

async function start(time: TestClock): Promise<RunningApp> {
  app = await startBot(fake, {
    briefingsDir: dir,
    databasePath: db,
    now: time.now,
    env: { DEFAULT_TIMEZONE: 'Europe/Berlin' },
  });
  return app;
}

/** A new briefing file, read into the library before this resolves (as a save from Discord is). */
async function publish(running: RunningApp, id: string, party: string, date = '2026-03-10'): Promise<void> {
  const file = `${date}-${id}.md`;
  await writeFile(join(dir, file), briefingAbout(id, date, party));
  await running.live.refresh([file]);
}

const isEphemeral = (body: { flags?: unknown } | undefined) =>
  (Number(body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const answerText = (exchange: InteractionExchange) => JSON.stringify(exchange.callback.data ?? {});
const dmSends = (userId: string) => {
  const channelId = fake.dmChannelId(userId);
  return fake.requests.filter(
    (request) => request.method === 'POST' && channelId && request.path === `/channels/${channelId}/messages`,
  );
};

describe('a digest with an opted-in role', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('mentions that role alone, allows only it, and pings no one else', async () => {
    // 10 March 2026: 08:00 in Berlin (CET) is 07:00 UTC.
    const time = clock('2026-03-10T06:58:00Z');
    const running = await start(time);
    const missing = await fake.command(
      'digest subscribe',
      { channel: { channel }, time: '08:00', timezone: 'Europe/Berlin', mention_role: { role: WATCHERS } },
      { user: ids.users.manager },
    );
    expect(missing.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(
        /^mention_role needs party: .*party:Ukraine mention_role:@Ukraine watchers/,
      ),
    });

    const subscribed = await fake.command(
      'digest subscribe',
      {
        channel: { channel },
        time: '08:00',
        timezone: 'Europe/Berlin',
        party: 'Ukraine',
        mention_role: { role: WATCHERS },
      },
      { user: ids.users.manager },
    );
    expect(subscribed.callback.data?.content).toMatch(/^Subscribed/);
    expect(subscribed.callback.data?.content).toContain(
      `Mentions <@&${WATCHERS}> when a digest has briefings`,
    );
    expect(subscribed.callback.data?.content).not.toMatch(/Mention Everyone/);
    expect(subscribed.callback.data?.allowed_mentions).toEqual({ parse: [] });

    await publish(running, 'ukraine-talks', 'Ukraine');
    time.set('2026-03-10T07:00:05Z');
    await running.digests.runDue();
    const [message] = fake.messages(channel);
    expect(fake.messages(channel)).toHaveLength(1);
    const create = fake.requests.find(
      (request) => request.method === 'POST' && request.path === `/channels/${channel}/messages`,
    );
    const body = create?.body as { allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [WATCHERS] });
    expect(JSON.stringify(body)).toContain(`<@&${WATCHERS}>`);
    expect(fake.pings(message!.id)).toEqual({ users: [], roles: [WATCHERS], everyone: false });
    expect(fake.describeViolations()).toBe('');
  });

  it('warns that a role nobody may mention needs Mention Everyone', async () => {
    await start(clock('2026-03-10T06:58:00Z'));
    const answer = await fake.command(
      'digest subscribe',
      { channel: { channel }, time: '08:00', party: 'Ukraine', mention_role: { role: QUIET_ROLE } },
      { user: ids.users.manager },
    );
    expect(answer.callback.data?.content).toMatch(
      /@Quiet is not mentionable: the bot can mention it only with \*\*Mention Everyone\*\* in #briefings/,
    );
    expect(fake.describeViolations()).toBe('');
  });
});

describe('readers following a party', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('get one direct message a day about new briefings, never a second the same day', async () => {
    // 08:30 in Berlin: alerts go from 09:00.
    const time = clock('2026-03-10T07:30:00Z');
    const running = await start(time);
    const followed = await fake.command('briefing follow', { party: 'Ukraine' }, { user: reader });
    expect(isEphemeral(followed.callback.data)).toBe(true);
    expect(followed.callback.data?.content).toMatch(/^You follow \*\*Ukraine\*\*/);

    await publish(running, 'ukraine-talks', 'Ukraine');
    await publish(running, 'norway-energy', 'Norway');
    await running.follows.runDue();
    expect(fake.dms(reader)).toEqual([]);

    time.set('2026-03-10T08:00:20Z');
    await running.follows.runDue();
    const [dm] = fake.dms(reader);
    expect(fake.dms(reader)).toHaveLength(1);
    const text = JSON.stringify(dm);
    expect(text).toContain('New in the briefings you follow');
    expect(text).toContain('ukraine-talks');
    expect(text).not.toContain('norway-energy');
    // Out before they followed: not news to them.
    expect(text).not.toContain('ukraine-yesterday');
    // No Read buttons: a direct message has no digest ledger behind it; each briefing says how to read it.
    expect(text).not.toContain('digest:');
    expect(text).toContain('/briefing show id:ukraine-talks');
    const [send] = dmSends(reader);
    const body = send?.body as { allowed_mentions: unknown; nonce: string; enforce_nonce: boolean };
    expect(body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(fake.pings(dm!.id)).toEqual({ users: [], roles: [], everyone: false });

    await publish(running, 'ukraine-second', 'Ukraine');
    time.set('2026-03-10T12:00:00Z');
    await running.follows.runDue();
    expect(fake.dms(reader)).toHaveLength(1);

    // After a restart the same day: still one.
    await running.stop();
    app = undefined;
    const again = await start(time);
    await again.follows.runDue();
    expect(fake.dms(reader)).toHaveLength(1);

    const following = await fake.command('briefing following', {}, { user: reader });
    expect(answerText(following)).toContain('Last alert');

    // The next day, the second briefing comes.
    time.set('2026-03-11T08:00:30Z');
    await again.follows.runDue();
    expect(fake.dms(reader)).toHaveLength(2);
    expect(JSON.stringify(fake.dms(reader)[1])).toContain('ukraine-second');
    expect(fake.describeViolations()).toBe('');
  });

  it('pause for a reader whose direct messages are closed, who is told once', async () => {
    const time = clock('2026-03-10T07:30:00Z');
    const running = await start(time);
    await fake.command('briefing follow', { party: 'Ukraine' }, { user: CLOSED });
    await publish(running, 'ukraine-talks', 'Ukraine');
    time.set('2026-03-10T08:00:20Z');
    await running.follows.runDue();
    const refused = dmSends(CLOSED);
    expect(refused.map((request) => request.status)).toEqual([403]);
    expect(fake.dms(CLOSED)).toEqual([]);

    // Paused: not tried again, that day or the next.
    await publish(running, 'ukraine-more', 'Ukraine', '2026-03-11');
    for (const at of ['2026-03-10T08:01:20Z', '2026-03-11T08:00:30Z']) {
      time.set(at);
      await running.follows.runDue();
    }
    expect(dmSends(CLOSED)).toHaveLength(1);

    // Their next /briefing answer comes to them alone, with the note as a second message.
    const told = await fake.command('briefing latest', {}, { user: CLOSED });
    expect(isEphemeral(told.callback.data)).toBe(true);
    const [note] = await told.waitForFollowUps(1);
    expect(isEphemeral(note as { flags?: unknown })).toBe(true);
    expect(JSON.stringify(note)).toMatch(/Your alerts are paused.*direct messages are closed to me/);

    const later = await fake.command('briefing latest', {}, { user: CLOSED });
    expect(isEphemeral(later.callback.data)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(later.followUps).toEqual([]);
    expect(answerText(await fake.command('briefing following', {}, { user: CLOSED }))).toMatch(/paused/);
    expect(fake.describeViolations()).toBe('');
  });
});
