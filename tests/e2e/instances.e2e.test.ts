/**
 * A deployment of three bot processes on one Postgres: shard 0 and shard 1 of two, and a second instance of
 * shard 0, against the fake Discord with 200 subscribed channels across the guilds of both shards. Whatever
 * instance dies, at whatever moment of the fan-out, every channel gets its digest exactly once, and no message is
 * created by two instances; a restart of every instance across the scheduled minute posts one catch-up each.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestStore } from '../../src/digest/store.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/open-postgres.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { addShardedGuilds, textChannelsOf } from '../../tools/fake-discord/world-builder.js';
import { subscribeChannels, utcTime } from '../../tools/subscriptions.js';
import { type BotInstance, createsIn, killHard, startInstance } from '../support/bot-instances.js';
import { freshDatabase } from '../support/postgres.js';
import { PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';
import { eventually } from './harness.js';

const RUNS = 10;
const SHARD_COUNT = 2;
/** 10 guilds a shard, 10 text channels each: 200 channels. */
const GUILDS_PER_SHARD = 10;
const CHANNELS_PER_GUILD = 10;
const LEASE_SECONDS = 2;
const DEPLOYMENT = [
  { name: 'shard0-a', shards: [0], shardCount: SHARD_COUNT },
  { name: 'shard1', shards: [1], shardCount: SHARD_COUNT },
  { name: 'shard0-b', shards: [0], shardCount: SHARD_COUNT },
];

/** Subscriptions active from an hour before: a fire since then is owed, yesterday's is not. */
const anHourBefore = (now: Date) => new Date(now.getTime() - 3_600_000);

/** A seeded generator, so that a failing run can be told from its seed and replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Deployment {
  fake: FakeDiscord;
  stores: PostgresStores;
  channels: { guildId: string; channelId: string }[];
  instances: BotInstance[];
  start(): Promise<BotInstance[]>;
}

const running: Deployment[] = [];
afterEach(async () => {
  for (const deployment of running.splice(0)) {
    await Promise.all(deployment.instances.map(killHard));
    await deployment.stores.close();
    await deployment.fake.close();
  }
});

/**
 * A fresh fake Discord and database, its channels subscribed at `time` UTC (or later, by the test, when no time is
 * given); the processes started by start().
 */
async function deployment(time?: (now: Date) => string): Promise<Deployment> {
  let channels: { guildId: string; channelId: string }[] = [];
  const fake = await startFakeDiscord({
    world: (world) => {
      const byShard = addShardedGuilds(world, {
        shardCount: SHARD_COUNT,
        guildsPerShard: GUILDS_PER_SHARD,
        textChannels: CHANNELS_PER_GUILD,
      });
      channels = textChannelsOf(byShard.flat());
    },
  });
  const databaseUrl = await freshDatabase();
  const stores = await openPostgresStores(databaseUrl);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const briefingsDir = await mkdtemp(join(tmpdir(), 'instances-briefings-'));
  await writeFile(join(briefingsDir, `${today}-talks.md`), briefingAbout('talks', today, 'Ukraine'));
  await writeFile(join(briefingsDir, `${yesterday}-grain.md`), briefingAbout('grain', yesterday, 'Turkey'));
  if (time) await subscribeChannels(stores.digests, channels, time(now), anHourBefore(now));
  const world = { fake, databaseUrl, briefingsDir, leaseSeconds: LEASE_SECONDS };
  const made: Deployment = {
    fake,
    stores,
    channels,
    instances: [],
    start: async () => {
      const started = await Promise.all(DEPLOYMENT.map((spec) => startInstance(world, spec)));
      made.instances.push(...started);
      return started;
    },
  };
  running.push(made);
  return made;
}

/** Rows of the day still pending, by the instance holding them. */
async function pendingByInstance(store: DigestStore): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const row of await store.pendingDeliveries()) {
    const owner = row.claimedBy ?? '(nobody)';
    held.set(owner, (held.get(owner) ?? 0) + 1);
  }
  return held;
}

/** Every channel's row of the day is sent, and nothing is pending. */
async function allSent(store: DigestStore, channelCount: number): Promise<boolean> {
  if ((await store.pendingDeliveries()).length) return false;
  const rows = await Promise.all(
    (await store.allSubscriptions()).map((sub) => store.recentDeliveries(sub.guildId, sub.channelId, 5)),
  );
  return (
    rows.length === channelCount && rows.every((list) => list.length === 1 && list[0]?.status === 'sent')
  );
}

const botMessages = (fake: FakeDiscord, channelId: string) =>
  fake.messages(channelId).filter((message) => message.author.bot);
const postedSoFar = (fake: FakeDiscord, channels: readonly { channelId: string }[]) =>
  channels.reduce((sum, { channelId }) => sum + botMessages(fake, channelId).length, 0);

/** The instance a request came from: its REST user agent carries INSTANCE_NAME. */
function instanceOf(headers: Record<string, string>): string {
  return /briefing-bot\/(\S+)/.exec(headers['user-agent'] ?? '')?.[1] ?? '(unknown)';
}

interface RunCount {
  seed: number;
  killed: string;
  killedAfter: number;
  heldWhenKilled: number;
  channelsWithOneDigest: number;
  messages: number;
  /** Messages created by each instance, in DEPLOYMENT's order. */
  byInstance: string;
  /**
   * Creates Discord answered with the message already there (same nonce): the killed instance's message, sent
   * again by the one that resumed its digest; a resend, not a second post.
   */
  resendsAnsweredByNonce: number;
  /** Resends of a message a live instance created, or by the killed one itself: a row held by two at once. */
  resendsNotOfTheKilled: number;
}

describe('several instances on one Postgres', { timeout: RUNS * PROCESS_TEST_TIMEOUT_MS }, () => {
  it(`kill -9 of one instance at a random moment of the fan-out, ${RUNS} runs: every channel gets exactly one digest`, async () => {
    const counts: RunCount[] = [];
    for (let run = 0; run < RUNS; run++) {
      const seed = Date.now() + run;
      const next = random(seed);
      // A fire two minutes ago that no instance saw: start-up's catch-up sends it.
      const world = await deployment((now) => utcTime(new Date(now.getTime() - 120_000)));
      const { fake, channels } = world;
      const instances = await world.start();
      const killAfter = 1 + Math.floor(next() * (channels.length - 1));
      await eventually(
        () => postedSoFar(fake, channels) >= killAfter,
        `run ${run} (seed ${seed}): ${killAfter} digests posted`,
        PROCESS_TEST_TIMEOUT_MS,
      );
      // The instance with the most digests in hand, so the kill leaves work behind whenever there is any.
      const held = await pendingByInstance(world.stores.digests);
      const victim =
        [...instances].sort((a, b) => (held.get(b.name) ?? 0) - (held.get(a.name) ?? 0))[0] ??
        instances[Math.floor(next() * instances.length)]!;
      await killHard(victim);

      await eventually(
        () => allSent(world.stores.digests, channels.length),
        `run ${run} (seed ${seed}): every digest sent after ${victim.name} was killed`,
        PROCESS_TEST_TIMEOUT_MS,
      );
      // Requests in arrival order: the first answered with a message's id created it; any later one carrying the
      // same nonce was answered with that message (Discord's nonce memory), a resend that posted nothing.
      const creates = channels
        .flatMap(({ channelId }) => createsIn(fake, channelId))
        .sort((x, y) => x.seq - y.seq);
      const creatorOf = new Map<string, string>();
      const resends: { creator: string; sender: string }[] = [];
      for (const request of creates) {
        const id = (request.response as { id: string }).id;
        const sender = instanceOf(request.headers);
        const creator = creatorOf.get(id);
        if (creator === undefined) creatorOf.set(id, sender);
        else resends.push({ creator, sender });
      }
      counts.push({
        seed,
        killed: victim.name,
        killedAfter: killAfter,
        heldWhenKilled: held.get(victim.name) ?? 0,
        channelsWithOneDigest: channels.filter(({ channelId }) => botMessages(fake, channelId).length === 1)
          .length,
        messages: postedSoFar(fake, channels),
        byInstance: DEPLOYMENT.map(
          ({ name }) => [...creatorOf.values()].filter((creator) => creator === name).length,
        ).join(' / '),
        resendsAnsweredByNonce: resends.length,
        resendsNotOfTheKilled: resends.filter(
          ({ creator, sender }) => creator !== victim.name || sender === victim.name,
        ).length,
      });
      expect(fake.describeViolations()).toBe('');
      await Promise.all(world.instances.map(killHard));
    }
    console.table(counts);
    for (const count of counts) {
      expect(count, `seed ${count.seed}`).toMatchObject({
        channelsWithOneDigest: 200,
        messages: 200,
        resendsNotOfTheKilled: 0,
      });
    }
  });

  it('a restart of every instance across the scheduled minute posts one catch-up per channel', {
    timeout: 3 * PROCESS_TEST_TIMEOUT_MS,
  }, async () => {
    const world = await deployment();
    const { fake, channels } = world;
    const first = await world.start();
    await eventually(
      () => fake.sessions.filter((session) => session.connected).length === 3,
      'three instances connected',
      PROCESS_TEST_TIMEOUT_MS,
    );
    // Every channel subscribed at the next minute at least 10 s away, and every instance stopped before it.
    const now = new Date();
    const fireAt = new Date(Math.ceil((now.getTime() + 10_000) / 60_000) * 60_000);
    await subscribeChannels(world.stores.digests, channels, utcTime(fireAt), anHourBefore(now));
    for (const instance of first) instance.process.kill('SIGTERM');
    expect(await Promise.all(first.map((instance) => instance.closed))).toEqual([0, 0, 0]);
    expect(Date.now()).toBeLessThan(fireAt.getTime());
    expect(postedSoFar(fake, channels)).toBe(0);

    // The scheduled minute passes with every instance down; then all three come back.
    await eventually(() => Date.now() > fireAt.getTime() + 1_000, 'the scheduled minute', 90_000);
    const restartedAt = Date.now();
    await world.start();
    await eventually(
      () => allSent(world.stores.digests, channels.length),
      'every catch-up sent',
      PROCESS_TEST_TIMEOUT_MS,
    );

    for (const { channelId } of channels) expect(botMessages(fake, channelId)).toHaveLength(1);
    const rows = await Promise.all(
      channels.map(({ guildId, channelId }) => world.stores.digests.recentDeliveries(guildId, channelId, 5)),
    );
    // One row a channel: the minute's fire, written by the instances that came back.
    expect(
      rows.filter(
        (list) =>
          list.length === 1 &&
          list[0]?.fireAt === fireAt.toISOString() &&
          Date.parse(list[0].createdAt) >= restartedAt,
      ),
    ).toHaveLength(channels.length);
    expect(fake.describeViolations()).toBe('');
  });
});
