import { Client, GatewayIntentBits } from 'discord.js';
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { type PongBot, startPongBot } from '../../tools/fake-discord/pong-bot.js';

const ids = DEFAULT_IDS;

describe('a real discord.js client against the fake gateway', () => {
  let fake: FakeDiscord;
  let bot: PongBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startPongBot(fake.apiUrl, fake.token);
  });

  afterAll(async () => {
    await bot.stop();
    await fake.close();
  });

  it('identifies with the token and the Guilds intent, over JSON without compression', () => {
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: '10', encoding: 'json' });
    expect(fake.gateway.identifies[0]).toMatchObject({
      token: fake.token,
      intents: GatewayIntentBits.Guilds,
      shard: [0, 1],
    });
  });

  it('reaches ready knowing the bot user, the application and the guild with its channels', () => {
    const { client } = bot;
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(ids.bot);
    expect(client.application?.id).toBe(ids.application);
    const guild = client.guilds.cache.get(ids.guild);
    expect(guild?.name).toBe('Briefing Desk');
    expect(guild?.channels.cache.get(ids.channels.briefings)?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.get(ids.channels.announcements)?.type).toBe(ChannelType.GuildAnnouncement);
    expect(guild?.channels.cache.get(ids.channels.voice)?.type).toBe(ChannelType.GuildVoice);
    expect(guild?.members.me?.roles.cache.has(ids.roles.bot)).toBe(true);
  });

  it('serves the bot its own user and application', async () => {
    const application = await bot.client.application?.fetch();
    expect(application?.name).toBe('Briefing Bot');
    const user = await bot.client.users.fetch(ids.users.reader, { force: true });
    expect(user.username).toBe('reader');
  });

  it('answers a command through the interaction callback, with nothing to object to', async () => {
    const exchange = await fake.command('ping');
    expect(exchange.callback).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'pong', allowed_mentions: { parse: [] } }),
    });
    expect(fake.messages(ids.channels.briefings).at(-1)?.content).toBe('pong');
    expect(bot.errors).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('lets discord.js compute permissions from GUILD_CREATE: no Send Messages in #read-only, no View in #editors-only', () => {
    const guild = bot.client.guilds.cache.get(ids.guild);
    const me = guild?.members.me;
    const can = (channelId: string, flag: bigint) => {
      const channel = guild?.channels.cache.get(channelId);
      return me && channel ? channel.permissionsFor(me).has(flag) : undefined;
    };
    expect(can(ids.channels.briefings, PermissionFlagsBits.SendMessages)).toBe(true);
    expect(can(ids.channels.briefings, PermissionFlagsBits.EmbedLinks)).toBe(true);
    expect(can(ids.channels.readOnly, PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(can(ids.channels.readOnly, PermissionFlagsBits.SendMessages)).toBe(false);
    expect(can(ids.channels.editorsOnly, PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(can(ids.channels.announcements, PermissionFlagsBits.ManageGuild)).toBe(false);
  });

  it('tells the bot when its permissions in a channel change at runtime', async () => {
    fake.denyBot(ids.channels.announcements, 'SendMessages');
    const guild = bot.client.guilds.cache.get(ids.guild);
    const channel = guild?.channels.cache.get(ids.channels.announcements);
    await expect
      .poll(() => channel?.permissionsFor(ids.bot)?.has(PermissionFlagsBits.SendMessages))
      .toBe(false);
    fake.allowBot(ids.channels.announcements, 'SendMessages');
    await expect
      .poll(() => channel?.permissionsFor(ids.bot)?.has(PermissionFlagsBits.SendMessages))
      .toBe(true);
  });

  it('lets the bot resume after a dropped connection and keeps serving commands', async () => {
    const identifiesBefore = fake.gateway.identifies.length;
    const resumed = new Promise<void>((resolve) => bot.client.once('shardResume', () => resolve()));
    fake.disconnectGateway(4000);
    await resumed;
    expect(fake.gateway.identifies.length).toBe(identifiesBefore);
    const exchange = await fake.command('ping');
    expect(exchange.callback.data?.content).toBe('pong');
  });
});

describe('a client the gateway refuses', () => {
  it('fails to log in with a token the fake does not know', async () => {
    const fake = await startFakeDiscord({ token: 'the-right-token' });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiUrl, retries: 0 },
    });
    await expect(client.login('a-wrong-token')).rejects.toThrow();
    await client.destroy();
    await fake.close();
  });
});
