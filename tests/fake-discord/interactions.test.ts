import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };

const definitions = [
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Says back what it was given')
    .addStringOption((o) => o.setName('text').setDescription('Words').setRequired(true))
    .addIntegerOption((o) => o.setName('count').setDescription('How many'))
    .addBooleanOption((o) => o.setName('loud').setDescription('Shout'))
    .addChannelOption((o) =>
      o
        .setName('where')
        .setDescription('A channel')
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  new SlashCommandBuilder().setName('slow').setDescription('Defers, edits, follows up'),
  new SlashCommandBuilder()
    .setName('find')
    .setDescription('Finds things')
    .addSubcommand((s) =>
      s
        .setName('party')
        .setDescription('A party')
        .addStringOption((o) =>
          o.setName('name').setDescription('Name').setRequired(true).setAutocomplete(true),
        ),
    ),
  new SlashCommandBuilder().setName('pager').setDescription('A message with a button'),
  new SlashCommandBuilder().setName('receipt').setDescription('Replies, then follows up with the reply id'),
  new SlashCommandBuilder()
    .setName('admin')
    .setDescription('Managers only')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const names = ['Russia', 'Rwanda', 'Romania', 'Ukraine'];
    await interaction.respond(
      names.filter((n) => n.toLowerCase().startsWith(typed)).map((n) => ({ name: n, value: n })),
    );
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({
      content: `now on ${interaction.customId}`,
      components: [],
      allowedMentions: quiet,
    });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const { options } = interaction;
  switch (interaction.commandName) {
    case 'echo': {
      const where = options.getChannel('where');
      const summary = {
        text: options.getString('text'),
        count: options.getInteger('count'),
        loud: options.getBoolean('loud'),
        where: where ? { id: where.id, type: where.type } : null,
        inGuild: interaction.inGuild(),
        canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
        botCanSend: interaction.appPermissions.has(PermissionFlagsBits.SendMessages),
      };
      await interaction.reply({ content: JSON.stringify(summary), allowedMentions: quiet });
      return;
    }
    case 'slow':
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'done', allowedMentions: quiet });
      await interaction.followUp({
        content: 'one more thing',
        allowedMentions: quiet,
        flags: MessageFlags.Ephemeral,
      });
      return;
    case 'pager': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'page 1', components: [row], allowedMentions: quiet });
      return;
    }
    case 'receipt': {
      const response = await interaction.reply({
        content: 'noted',
        allowedMentions: quiet,
        withResponse: true,
      });
      await interaction.followUp({
        content: response.resource?.message?.id ?? 'none',
        allowedMentions: quiet,
      });
      return;
    }
    default:
      await interaction.reply({ content: 'ok', allowedMentions: quiet });
  }
}

describe('interactions sent by the fake, answered by a real discord.js bot', () => {
  let bot: BotUnderTest;
  let fake: FakeDiscord;
  let errors: unknown[];

  beforeAll(async () => {
    bot = await startBotUnderTest(definitions, handle);
    ({ fake, errors } = bot);
  });

  afterAll(() => bot.close());

  it('stores the commands the bot registered, with ids, versions and the permission bitfield as a string', async () => {
    const stored = fake.commands(ids.guild);
    expect(stored.map((c) => c.name)).toEqual(['echo', 'slow', 'find', 'pager', 'receipt', 'admin']);
    expect(stored.find((c) => c.name === 'admin')?.default_member_permissions).toBe(
      String(PermissionFlagsBits.ManageGuild),
    );
    for (const command of stored)
      expect(command).toMatchObject({
        id: expect.stringMatching(/^\d{17,19}$/),
        version: expect.any(String),
      });
    const fetched = await restCall(
      fake,
      'GET',
      `/applications/${ids.application}/guilds/${ids.guild}/commands`,
    );
    expect(fetched.body).toEqual(stored);
  });

  it('types options from the registered definition, with resolved channels, as discord.js reads them', async () => {
    const exchange = await fake.command('echo', {
      text: 'hello',
      count: 3,
      loud: true,
      where: { channel: ids.channels.announcements },
    });
    expect(JSON.parse(String(exchange.callback.data?.content))).toEqual({
      text: 'hello',
      count: 3,
      loud: true,
      where: { id: ids.channels.announcements, type: ChannelType.GuildAnnouncement },
      inGuild: true,
      canManage: false,
      botCanSend: true,
    });
  });

  it('refuses to send what Discord would never send: unknown options, missing required ones, wrong types', async () => {
    await expect(fake.command('echo', { text: 'x', colour: 'red' })).rejects.toThrow(/no option "colour"/);
    await expect(fake.command('echo', { count: 2 })).rejects.toThrow(/required option\(s\) missing: text/);
    await expect(fake.command('echo', { text: 'x', count: 1.5 })).rejects.toThrow(/wants type 4/);
    await expect(fake.command('echo', { text: 'x', where: { channel: ids.channels.voice } })).rejects.toThrow(
      /does not accept channel type 2/,
    );
    await expect(fake.command('find')).rejects.toThrow(/name a subcommand/);
  });

  it('lets a test choose who asks and with which permissions', async () => {
    const asManager = await fake.command('echo', { text: 'm' }, { user: ids.users.manager });
    expect(JSON.parse(String(asManager.callback.data?.content)).canManage).toBe(true);
    const granted = await fake.command(
      'echo',
      { text: 'r' },
      { permissions: ['ViewChannel', 'ManageGuild'] },
    );
    expect(JSON.parse(String(granted.callback.data?.content)).canManage).toBe(true);
    const inReadOnly = await fake.command('echo', { text: 'q' }, { channelId: ids.channels.readOnly });
    expect(JSON.parse(String(inReadOnly.callback.data?.content)).botCanSend).toBe(false);
  });

  it('sends commands from a DM when the guild is null', async () => {
    const exchange = await fake.command('ping-dm', {}, { guildId: null });
    expect(exchange.callback).toMatchObject({ type: 4, data: { content: 'ok' } });
    expect(exchange.payload.guild_id).toBeUndefined();
  });

  it('follows a deferred reply through its edit and follow-up', async () => {
    const exchange = await fake.command('slow');
    expect(exchange.callback).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(await exchange.answer()).toMatchObject({ content: 'done' });
    const [followUp] = await exchange.waitForFollowUps(1);
    expect(followUp).toMatchObject({ content: 'one more thing' });
    expect(exchange.original).toMatchObject({ content: 'done', flags: MessageFlags.Ephemeral });
    expect(fake.messages(ids.channels.briefings).some((m) => m.id === exchange.original?.id)).toBe(false);
    const edit = fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(exchange.token));
    expect(edit?.path).toBe(`/webhooks/${ids.application}/${exchange.token}/messages/@original`);
  });

  it('returns the created message when the bot asks with_response', async () => {
    const exchange = await fake.command('receipt');
    const [followUp] = await exchange.waitForFollowUps(1);
    expect(exchange.original?.content).toBe('noted');
    expect(followUp?.content).toBe(exchange.original?.id);
  });

  it('answers autocomplete with choices', async () => {
    const exchange = await fake.autocomplete('find party', { name: 'R' });
    expect(exchange.callback.type).toBe(8);
    expect(exchange.choices.map((c) => c.name)).toEqual(['Russia', 'Rwanda', 'Romania']);
  });

  it('clicks a button on the message the bot posted and sees the message updated', async () => {
    const pager = await fake.command('pager');
    const original = pager.original;
    expect(original?.components).toHaveLength(1);
    const click = await fake.button('page:2', { message: original ?? '' });
    expect(click.callback).toMatchObject({ type: 7, data: { content: 'now on page:2' } });
    expect(fake.message(original?.id ?? '')?.content).toBe('now on page:2');
    await expect(fake.button('page:9', { message: original?.id ?? '' })).rejects.toThrow(/no button/);
  });

  it('refuses a second callback for the same interaction with 40060 and records it', async () => {
    const exchange = await fake.command('echo', { text: 'once' });
    const again = await restCall(
      fake,
      'POST',
      `/interactions/${exchange.id}/${exchange.token}/callback`,
      { type: 4, data: { content: 'twice', allowed_mentions: quiet } },
      { auth: false },
    );
    expect(again).toMatchObject({ status: 400, body: { code: 40060 } });
    expect(fake.violations).toEqual([
      expect.objectContaining({ kind: 'interaction', message: '/echo: answered twice' }),
    ]);
    expect(errors).toEqual([]);
  });
});

describe('an interaction answered too late', () => {
  it('gets Unknown interaction (10062), a recorded violation, and a rejected command()', async () => {
    const fake = await startFakeDiscord({ interactionDeadlineMs: 100 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const failures: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      setTimeout(() => {
        interaction
          .reply({ content: 'late', allowedMentions: quiet })
          .catch((error: unknown) => failures.push(error));
      }, 600);
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    await expect(fake.command('anything')).rejects.toThrow(/no interaction callback within 350 ms/);
    await expect.poll(() => failures.length, { timeout: 3000 }).toBe(1);
    expect(failures[0]).toMatchObject({ code: 10062 });
    expect(fake.violations[0]).toMatchObject({
      kind: 'interaction',
      message: expect.stringMatching(/answered after \d+ ms/),
    });
    await client.destroy();
    await fake.close();
  });
});
