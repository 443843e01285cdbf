/**
 * The fake gateway shards as Discord does: a session gets READY, GUILD_CREATE and the events of the guilds on its
 * shard only (events of no guild on shard 0), an invalid shard is closed with 4010, and two sessions on one shard
 * both get its interactions, the first answer winning and the second refused with 40060.
 */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addGuilds,
  addShardedGuilds,
  DEFAULT_IDS,
  defaultWorld,
  type FakeDiscord,
  type GuildSpec,
  shardOf,
  startFakeDiscord,
  textChannelsOf,
} from '../../tools/fake-discord/index.js';
import { type PongBot, startPongBot } from '../../tools/fake-discord/pong-bot.js';
import { connect, type Frame, type RawGatewayClient } from './raw-gateway.js';

let fake: FakeDiscord;
let started = false;
const bots: PongBot[] = [];
const sockets: RawGatewayClient[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  for (const socket of sockets.splice(0)) socket.ws.close();
  if (started) await fake.close();
  started = false;
});

async function startFake(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord(options);
  started = true;
  return fake;
}

/** A world of the default guild (on shard 0 of 2) and two guilds on each of two shards. */
function twoShardWorld() {
  let byShard: GuildSpec[][] = [];
  const world = (w: ReturnType<typeof defaultWorld>) => {
    byShard = addShardedGuilds(w, { shardCount: 2, guildsPerShard: 2, textChannels: 3 });
  };
  return { world, byShard: () => byShard };
}

async function identify(shard: unknown): Promise<RawGatewayClient> {
  const client = await connect(fake.gatewayUrl);
  sockets.push(client);
  client.send({ op: 2, d: { token: fake.token, intents: 1, properties: {}, shard } });
  return client;
}

const dispatched = (client: RawGatewayClient, t: string) =>
  client.frames.filter((frame: Frame) => frame.t === t).map((frame) => frame.d as Record<string, unknown>);

describe('worlds of many guilds', () => {
  it('places made guilds on the shard asked for, with unique ids, text channels and the same ids every time', () => {
    const world = defaultWorld();
    const [zero = [], one = []] = addShardedGuilds(world, {
      shardCount: 2,
      guildsPerShard: 5,
      textChannels: 4,
    });
    expect(zero.map((guild) => shardOf(guild.id, 2))).toEqual([0, 0, 0, 0, 0]);
    expect(one.map((guild) => shardOf(guild.id, 2))).toEqual([1, 1, 1, 1, 1]);
    const channels = textChannelsOf([...zero, ...one]);
    expect(channels).toHaveLength(40);
    const ids = world.guilds.flatMap((guild) => [
      ...guild.roles.map((role) => role.id),
      ...guild.channels.map((channel) => channel.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);

    const again = defaultWorld();
    addShardedGuilds(again, { shardCount: 2, guildsPerShard: 5, textChannels: 4 });
    expect(again.guilds.map((guild) => guild.id)).toEqual(world.guilds.map((guild) => guild.id));
    const three = addGuilds(again, { count: 3, shard: 2, shardCount: 3 });
    expect(three.map((guild) => shardOf(guild.id, 3))).toEqual([2, 2, 2]);
    expect(() => addGuilds(again, { count: 1, shard: 2, shardCount: 2 })).toThrow(/not one of 2 shards/);
  });

  it('gives made guilds a manager with Manage Server and lets the bot post in every text channel', async () => {
    const setup = twoShardWorld();
    await startFake({ world: setup.world });
    const [guild] = setup.byShard()[1] ?? [];
    const channelId = guild?.channels.at(-1)?.id ?? '';
    const response = await fetch(`${fake.apiUrl}/v10/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'digest', allowed_mentions: { parse: [] } }),
    });
    expect(response.status).toBe(200);
    const roles = await fetch(`${fake.apiUrl}/v10/guilds/${guild?.id}/roles`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(((await roles.json()) as { name: string }[]).map((role) => role.name)).toEqual([
      '@everyone',
      'Briefing Bot',
      'Editors',
    ]);
    const member = await fetch(
      `${fake.apiUrl}/v10/guilds/${guild?.id}/members/${DEFAULT_IDS.users.manager}`,
      {
        headers: { authorization: `Bot ${fake.token}` },
      },
    );
    expect(((await member.json()) as { roles: string[] }).roles).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });
});

describe('the gateway, sharded', () => {
  it('sends READY with the shard and only the guilds on it, then their GUILD_CREATEs', async () => {
    const setup = twoShardWorld();
    await startFake({ world: setup.world });
    const client = await identify([1, 2]);
    const onOne = (setup.byShard()[1] ?? []).map((guild) => guild.id);
    await client.next(
      (frame) => frame.t === 'GUILD_CREATE' && (frame.d as { id: string }).id === onOne.at(-1),
    );
    const [ready] = dispatched(client, 'READY');
    expect(ready).toMatchObject({ shard: [1, 2] });
    expect(ready?.guilds).toEqual(onOne.map((id) => ({ id, unavailable: true })));
    expect(dispatched(client, 'GUILD_CREATE').map((guild) => guild.id)).toEqual(onOne);
    expect(fake.sessions).toEqual([{ id: expect.any(String), shard: [1, 2], connected: true }]);
  });

  it.each([
    ['a shard id past the count', [2, 2]],
    ['no shards at all', [0, 0]],
    ['a negative shard id', [-1, 2]],
    ['not a pair', [0]],
    ['not numbers', ['0', '2']],
  ])('closes with 4010 Invalid shard for %s', async (_what, shard) => {
    await startFake();
    const client = await identify(shard);
    expect(await client.closed).toBe(4010);
    expect(fake.violations.map((violation) => violation.message)).toEqual(['4010 Invalid shard']);
    expect(fake.sessions).toEqual([]);
  });

  it('sends a guild event to its shard only, an event of no guild to shard 0, and a new guild to its shard', async () => {
    const setup = twoShardWorld();
    await startFake({ world: setup.world });
    const zero = await identify([0, 2]);
    const one = await identify([1, 2]);
    await fake.waitForShard(1, 2);
    const [guildOnOne] = setup.byShard()[1] ?? [];
    const channel = guildOnOne?.channels.at(-1);

    fake.denyBot(channel?.id ?? '', 'SendMessages');
    expect(fake.dispatch('USER_UPDATE', { id: DEFAULT_IDS.bot })).toBe(1);
    const [joined] = fake.joinGuilds({ count: 1, shard: 1, shardCount: 2, name: 'Joined' });
    await one.next((frame) => frame.t === 'GUILD_CREATE' && (frame.d as { id: string }).id === joined?.id);
    await zero.next((frame) => frame.t === 'USER_UPDATE');

    expect(dispatched(one, 'CHANNEL_UPDATE').map((update) => update.id)).toEqual([channel?.id]);
    expect(dispatched(zero, 'CHANNEL_UPDATE')).toEqual([]);
    expect(dispatched(one, 'USER_UPDATE')).toEqual([]);
    expect(dispatched(zero, 'GUILD_CREATE').map((guild) => guild.id)).not.toContain(joined?.id);
    expect(fake.leaveGuild(joined?.id ?? '')).toBe(1);
    await one.next((frame) => frame.t === 'GUILD_DELETE');
    expect(dispatched(zero, 'GUILD_DELETE')).toEqual([]);
  });

  it('says how many shards it recommends, and discord.js with shards "auto" runs that many', async () => {
    await startFake({ recommendedShards: 2, maxConcurrency: 2 });
    const bot = await startPongBot(fake.apiUrl, fake.token, { shards: 'auto' });
    bots.push(bot);
    const gateway = fake.requests.find((request) => request.path === '/gateway/bot');
    expect(gateway?.response).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 2 } });
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.client.guilds.cache.get(DEFAULT_IDS.guild)?.shardId).toBe(shardOf(DEFAULT_IDS.guild, 2));
  });
});

describe('interactions across shards (real discord.js clients)', () => {
  it('sends a guild interaction to the bot holding its shard, and a DM to shard 0', async () => {
    const setup = twoShardWorld();
    await startFake({ world: setup.world });
    const zero = await startPongBot(fake.apiUrl, fake.token, { shards: [0], shardCount: 2 });
    const one = await startPongBot(fake.apiUrl, fake.token, { shards: [1], shardCount: 2 });
    bots.push(zero, one);
    expect(one.client.guilds.cache.map((guild) => guild.id).sort()).toEqual(
      (setup.byShard()[1] ?? []).map((guild) => guild.id).sort(),
    );
    const [guildOnOne] = setup.byShard()[1] ?? [];

    const inGuild = await fake.command('ping', {}, { guildId: guildOnOne?.id });
    expect(inGuild.callback.data?.content).toBe('pong');
    expect(inGuild.deliveredTo.map((session) => session.shard)).toEqual([[1, 2]]);
    expect(one.seen).toEqual([inGuild.id]);
    const inDm = await fake.command('ping', {}, { guildId: null });
    expect(inDm.deliveredTo.map((session) => session.shard)).toEqual([[0, 2]]);
    expect(zero.seen).toEqual([inDm.id]);
    expect(fake.violations).toEqual([]);
  });

  it('sends a shard held by two sessions to both: the first answer wins, the second is refused with 40060', async () => {
    await startFake();
    const first = await startPongBot(fake.apiUrl, fake.token, { shards: [0], shardCount: 2 });
    const second = await startPongBot(fake.apiUrl, fake.token, { shards: [0], shardCount: 2 });
    bots.push(first, second);
    await fake.waitForShard(0, 2, 2);

    const exchange = await fake.command('ping');
    expect(exchange.deliveredTo).toHaveLength(2);
    await expect.poll(() => first.errors.length + second.errors.length).toBe(1);
    const [refused] = [...first.errors, ...second.errors];
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).code).toBe(RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged);
    expect(exchange.refusedCallbacks).toBe(1);
    expect(first.seen).toEqual([exchange.id]);
    expect(second.seen).toEqual([exchange.id]);
    expect(fake.violations).toEqual([]);
  });

  it('still calls a second answer from a lone session a violation', async () => {
    await startFake();
    const bot = await startPongBot(fake.apiUrl, fake.token);
    bots.push(bot);
    const exchange = await fake.command('ping');
    const again = await fetch(`${fake.apiUrl}/v10/interactions/${exchange.id}/${exchange.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again', allowed_mentions: { parse: [] } } }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);
    expect(fake.violations.map((violation) => violation.message)).toEqual(['/ping: answered twice']);
  });
});
