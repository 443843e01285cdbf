/**
 * Digests that a bot on shard 0 sends to channels of a guild shard 1 holds: the channels are not in its gateway
 * cache, and it asks Discord nothing about them before sending. Whether a channel is a forum comes with its
 * subscription (kept by /digest subscribe, here answered by the shard-1 bot); a subscription made before that was
 * kept costs one read of its channel per process, however many digests follow. A forum post reads its forum only
 * for the tags the digest names.
 */
import Database from 'better-sqlite3';
import { ChannelType, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout, briefingFolder } from '../../tools/briefing-files.js';
import {
  addShardedGuilds,
  type FakeDiscord,
  type GuildSpec,
  type RecordedRequest,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { clock, type TestClock } from './digest-steps.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, eventually, ids, startBot } from './harness.js';

const FORUM = '1290000000000000990';
const TAGS = { ukraine: '1290000000000000991', russia: '1290000000000000992', energy: '1290000000000000993' };

const BRIEFINGS = {
  '2026-04-14-ukraine-talks.md': briefingAbout(
    'ukraine-talks',
    '2026-04-14',
    'Ukraine',
    '\nparties: [Ukraine, Russia]',
  ),
  '2026-04-14-energy-prices.md': briefingAbout('energy-prices', '2026-04-14', 'Norway'),
};

let fake: FakeDiscord | undefined;
const running: RunningApp[] = [];

afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
  await fake?.close();
  fake = undefined;
}, E2E_TEST_TIMEOUT_MS);

interface Setting {
  fake: FakeDiscord;
  /** The guild on shard 1: two text channels and a tagged forum. */
  guild: GuildSpec;
  texts: string[];
  dir: string;
  db: string;
}

async function setting(): Promise<Setting> {
  let elsewhere: GuildSpec | undefined;
  fake = await startFakeDiscord({
    world: (world) => {
      [elsewhere] = addShardedGuilds(world, { shardCount: 2, guildsPerShard: 1, textChannels: 2 })[1] ?? [];
      elsewhere?.channels.push({
        id: FORUM,
        name: 'forum-digests',
        type: ChannelType.GuildForum,
        position: 9,
        overwrites: [],
        availableTags: [
          { id: TAGS.ukraine, name: 'Ukraine' },
          { id: TAGS.russia, name: 'Russia' },
          { id: TAGS.energy, name: 'Energy' },
        ],
      });
    },
  });
  if (!elsewhere) throw new Error('no guild on shard 1');
  expect(fake.shardOf(elsewhere.id, 2)).toBe(1);
  expect(fake.shardOf(ids.guild, 2)).toBe(0);
  const texts = elsewhere.channels
    .filter((channel) => channel.type === ChannelType.GuildText)
    .map((c) => c.id);
  return { fake, guild: elsewhere, texts, dir: await briefingFolder(BRIEFINGS), db: await databasePath() };
}

/** The bot as the instance of one shard of two, on the setting's folder and database. */
async function startShard(at: Setting, shard: 0 | 1, time: TestClock): Promise<RunningApp> {
  const app = await startBot(at.fake, {
    briefingsDir: at.dir,
    databasePath: at.db,
    now: time.now,
    digestRetryDelaysMs: [0, 0, 0],
    // Shard 1's bot offers the commands in the guild it holds, where the manager subscribes.
    env: {
      SHARD_COUNT: '2',
      SHARD_IDS: String(shard),
      ...(shard === 1 ? { DISCORD_GUILD_ID: at.guild.id } : {}),
    },
  });
  running.push(app);
  return app;
}

async function stop(app: RunningApp): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.stop();
}

/** /digest subscribe in the shard-1 guild, answered by the shard-1 bot, 08:00 Berlin, quiet days said too. */
async function subscribe(at: Setting, channelId: string): Promise<void> {
  const answer = await at.fake.command(
    'digest subscribe',
    { channel: channelId, time: '08:00', timezone: 'Europe/Berlin', post_when_empty: true },
    { user: ids.users.manager, guildId: at.guild.id },
  );
  expect(answer.callback.data).toMatchObject({
    flags: MessageFlags.Ephemeral,
    content: expect.stringMatching(/^Subscribed/),
  });
}

/** Each channel's digest of the day in the ledger as sent; every channel's rows of the guild, newest first. */
async function allSent(app: RunningApp, at: Setting, channels: readonly string[], day: string) {
  return eventually(async () => {
    const rows = await app.digests.status(at.guild.id, undefined, 20);
    const today = rows.filter((row) => row.localDate === day);
    return today.length === channels.length && today.every((row) => row.status === 'sent') && today;
  }, `every digest of ${day} sent`);
}

const channelReads = (requests: readonly RecordedRequest[]) =>
  requests
    .filter((request) => request.method === 'GET' && request.route === '/channels/{channel_id}')
    .map((request) => request.path.split('/')[2]);

/** The requests the fake saw from the `from`th on. */
const since = (at: Setting, from: number) => at.fake.requests.slice(from);

/** Shard 1's bot subscribes the channels at 05:59 (Berlin 07:59) on 14 April and stops; returns the clock. */
async function subscribedByShardOne(at: Setting, channels: readonly string[]): Promise<TestClock> {
  const time = clock('2026-04-14T05:59:00Z');
  const shardOne = await startShard(at, 1, time);
  for (const channelId of channels) await subscribe(at, channelId);
  await stop(shardOne);
  return time;
}

describe('digests from shard 0 to a guild of shard 1', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('sends to its text channels and opens the forum’s post without reading any channel first', async () => {
    const at = await setting();
    const channels = [...at.texts, FORUM];
    const time = await subscribedByShardOne(at, channels);

    const shardZero = await startShard(at, 0, time);
    const from = at.fake.requests.length;
    time.set('2026-04-14T06:00:05Z');
    await shardZero.digests.runDue();
    const rows = await allSent(shardZero, at, channels, '2026-04-14');

    for (const channelId of at.texts) {
      const messages = at.fake.messages(channelId);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(messages)).toContain('ukraine-talks');
    }
    // The post: titled with the day, tagged with the forum's tags the digest names, its starter the post's id.
    const [thread] = at.fake.threads(FORUM);
    expect(at.fake.threads(FORUM)).toHaveLength(1);
    expect(thread).toMatchObject({
      name: 'Briefing digest · 14 Apr 2026',
      parent_id: FORUM,
      owner_id: ids.bot,
      applied_tags: [TAGS.ukraine, TAGS.russia, TAGS.energy],
    });
    const posted = at.fake.messages(thread!.id);
    expect(posted[0]?.id).toBe(thread!.id);
    expect(rows.find((row) => row.channelId === FORUM)?.messageIds).toEqual(posted.map((m) => m.id));
    expect(at.fake.messages(FORUM)).toEqual([]);

    // No channel read before a send; the forum once, for its tags (the digest names some), none to ask what it is.
    expect(channelReads(since(at, from))).toEqual([FORUM]);

    // The next day has nothing new: a line in each text channel, a post with no tags in the forum; nothing read.
    const second = at.fake.requests.length;
    time.set('2026-04-15T06:00:05Z');
    await shardZero.digests.runDue();
    await allSent(shardZero, at, channels, '2026-04-15');
    expect(at.fake.threads(FORUM)[1]).toMatchObject({
      name: 'Briefing digest · 15 Apr 2026',
      applied_tags: [],
    });
    expect(channelReads(since(at, second))).toEqual([]);
    expect(at.fake.describeViolations()).toBe('');
  });

  it('a subscription from before the channel’s kind was kept reads the channel once, not once a digest', async () => {
    const at = await setting();
    const channels = [...at.texts, FORUM];
    const time = await subscribedByShardOne(at, channels);
    // As a database written by the version before: the kind not known.
    const db = new Database(at.db);
    db.prepare('UPDATE subscriptions SET posts_as_threads = NULL').run();
    db.close();

    const shardZero = await startShard(at, 0, time);
    const from = at.fake.requests.length;
    time.set('2026-04-14T06:00:05Z');
    await shardZero.digests.runDue();
    await allSent(shardZero, at, channels, '2026-04-14');
    // Each channel read once: the forum's read also gives the post its tags.
    expect(channelReads(since(at, from)).sort()).toEqual([...channels].sort());
    expect(at.fake.threads(FORUM)[0]).toMatchObject({
      applied_tags: [TAGS.ukraine, TAGS.russia, TAGS.energy],
    });

    const second = at.fake.requests.length;
    time.set('2026-04-15T06:00:05Z');
    await shardZero.digests.runDue();
    await allSent(shardZero, at, channels, '2026-04-15');
    expect(at.fake.threads(FORUM)).toHaveLength(2);
    expect(channelReads(since(at, second))).toEqual([]);
    expect(at.fake.describeViolations()).toBe('');
  });
});
