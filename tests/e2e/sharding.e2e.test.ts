/**
 * Sharding in-process, through real discord.js clients against the fake: a second instance of shard 0 loses the
 * race to answer without an error for the user and keeps running; and digests reach a channel of a guild that
 * another shard holds (not in this client's cache), with what the bot lacks there read over REST.
 */
import { type Client, Events } from 'discord.js';
import { ChannelType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { DeliveryError } from '../../src/digest/delivery/sink.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { DiscordSink } from '../../src/discord/sink.js';
import { briefingFolder } from '../../tools/briefing-files.js';
import {
  addShardedGuilds,
  type FakeDiscord,
  type GuildSpec,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { Logs } from '../support/log-lines.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, ids, startBot } from './harness.js';

/** The newest of the shipped briefings: what /briefing latest shows. */
const LATEST_TITLE = 'Berlin talks go into a second day';

let fake: FakeDiscord | undefined;
const apps: RunningApp[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  for (const client of clients.splice(0)) await client.destroy();
  await fake?.close();
  fake = undefined;
}, E2E_TEST_TIMEOUT_MS);

/** The bot as an instance of shard 0 of 2, logging at debug level into `logs`. */
async function startShardZero(on: FakeDiscord, logs: Logs): Promise<RunningApp> {
  const app = await startBot(on, {
    briefingsDir: await briefingFolder(),
    databasePath: await databasePath(),
    env: { SHARD_COUNT: '2', SHARD_IDS: '0', LOG_LEVEL: 'debug' },
    logDestination: logs.destination,
  });
  apps.push(app);
  return app;
}

describe('two instances of one shard', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('both get an interaction; the one that loses the race says nothing to the user and keeps running', async () => {
    fake = await startFakeDiscord();
    const first = new Logs();
    const second = new Logs();
    await startShardZero(fake, first);
    await startShardZero(fake, second);
    await fake.waitForShard(0, 2, 2);

    const exchange = await fake.command('briefing latest');
    expect(JSON.stringify(await exchange.answer())).toContain(LATEST_TITLE);
    expect(exchange.deliveredTo).toHaveLength(2);
    // Each instance ends the interaction with one line: the winner answered it, the loser was told it was answered.
    const [ofFirst, ofSecond] = await Promise.all(
      [first, second].map((logs) => logs.waitFor((line) => line.interaction === exchange.id)),
    );
    expect([ofFirst?.msg, ofSecond?.msg].sort()).toEqual([
      'command answered',
      'interaction answered by another instance',
    ]);
    expect(exchange.refusedCallbacks).toBe(1);
    expect([...first.lines, ...second.lines].filter((line) => line.level >= 50)).toEqual([]);
    expect(exchange.followUps).toEqual([]);
    expect(exchange.edits).toEqual([]);

    // Both keep answering: the next question is raced and answered just the same.
    const next = await fake.command('briefing latest');
    expect(next.callback.data).toBeDefined();
    expect(fake.describeViolations()).toBe('');
  });
});

describe('digests to a guild another shard holds', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  /** A client of shard 0 of 2 only, and a guild on shard 1 with two text channels and a forum. */
  async function shardZeroClient(): Promise<{ client: Client; guild: GuildSpec; forumId: string }> {
    let elsewhere: GuildSpec | undefined;
    const forumId = '1290000000000000999';
    fake = await startFakeDiscord({
      world: (world) => {
        [elsewhere] = addShardedGuilds(world, { shardCount: 2, guildsPerShard: 1, textChannels: 2 })[1] ?? [];
        elsewhere?.channels.push({
          id: forumId,
          name: 'forum-digests',
          type: ChannelType.GuildForum,
          position: 9,
          overwrites: [],
          availableTags: [{ id: '1290000000000000998', name: 'Ukraine' }],
        });
      },
    });
    const client = createDiscordClient({ apiUrl: fake.apiUrl, shards: [0], shardCount: 2 });
    clients.push(client);
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    if (!elsewhere) throw new Error('no guild on shard 1');
    expect(client.guilds.cache.has(ids.guild)).toBe(true);
    expect(client.guilds.cache.has(elsewhere.id)).toBe(false);
    return { client, guild: elsewhere, forumId };
  }

  const digest = (title: string) => ({
    embeds: [{ title, description: 'What the briefings said today.' }],
  });

  it('sends there over REST, and opens a post in a forum there with its tags', async () => {
    const { client, guild, forumId } = await shardZeroClient();
    const channelId = guild.channels.find((channel) => channel.name === 'news-1')?.id ?? '';
    expect(client.channels.cache.has(channelId)).toBe(false);
    const sink = new DiscordSink(client);

    const { messageId } = await sink.send(channelId, digest('Morning digest'), 'nonce-elsewhere-1');
    expect(fake?.message(messageId)).toMatchObject({
      channel_id: channelId,
      embeds: [{ title: 'Morning digest' }],
    });

    expect(await sink.forums?.isForum(forumId)).toBe(true);
    const post = { title: 'Morning digest', tagNames: ['Ukraine'] };
    const { threadId } = (await sink.forums?.createPost(forumId, post, digest('Morning digest'))) ?? {};
    expect(fake?.threads(forumId)).toMatchObject([{ id: threadId, applied_tags: ['1290000000000000998'] }]);
    expect(fake?.describeViolations()).toBe('');
  });

  it('names what the bot lacks there, read over REST, when Discord refuses', async () => {
    const { client, guild } = await shardZeroClient();
    const channelId = guild.channels.find((channel) => channel.name === 'news-2')?.id ?? '';
    fake?.denyBot(channelId, 'EmbedLinks');
    const sink = new DiscordSink(client);

    const refused = await sink.send(channelId, digest('Evening digest'), 'nonce-elsewhere-2').catch((e) => e);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused).toMatchObject({
      kind: 'missing-access',
      loss: { code: 'missing-permission', permissions: ['Embed Links'], channelName: 'news-2' },
    });
    const asked = fake?.requests.map((request) => `${request.method} ${request.route}`) ?? [];
    expect(asked).toEqual(
      expect.arrayContaining(['GET /guilds/{guild_id}/roles', 'GET /guilds/{guild_id}/members/{user_id}']),
    );
  });
});
