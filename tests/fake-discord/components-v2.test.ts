/**
 * The fake holds Components V2 messages to Discord's rules: 40 components counted at every depth, 4,000 characters
 * across the text displays, no content or embeds with the flag (not even empty ones), custom_ids unique in the
 * whole message, link buttons with a url and no custom_id, and V2 components only with the flag. Then a real
 * discord.js bot answers, pages, defers and posts V2 messages and breaks none of them.
 */
import { type Interaction, MessageFlags, Routes, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord } from '../../tools/fake-discord/index.js';
import { checkMessageLimits, checkNotEmpty } from '../../tools/fake-discord/limits.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const V2 = 1 << 15;
const quiet = { parse: [] };
const text = (content: string) => ({ type: 10, content });
const button = (customId: string, label = 'Next') => ({ type: 2, style: 2, custom_id: customId, label });
const link = (url: string, label = 'Source') => ({ type: 2, style: 5, url, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const container = (...components: unknown[]) => ({ type: 17, accent_color: 0x2f6fb3, components });
const section = (texts: unknown[], accessory: unknown) => ({ type: 9, components: texts, accessory });

describe('checkMessageLimits on a Components V2 body', () => {
  it('passes a card at every limit exactly: 40 components, 4,000 characters', () => {
    const body = {
      flags: V2,
      components: [
        container(
          text('t'.repeat(2000)),
          { type: 14, divider: true, spacing: 1 },
          section([text('s'.repeat(2000))], link(`https://example.com/${'a'.repeat(492)}`, 'L'.repeat(80))),
        ),
        // 1 + 5 so far; 34 more: 17 rows of one button each.
        ...Array.from({ length: 17 }, (_, i) => row(button(`id-${i}`.padEnd(100, 'x')))),
      ],
    };
    expect(checkMessageLimits(body)).toEqual([]);
    expect(checkNotEmpty(body)).toEqual([]);
  });

  it('counts nested components towards 40 and every text display towards 4,000, in characters', () => {
    const tooMany = {
      flags: V2,
      components: [container(...Array.from({ length: 40 }, (_, i) => text(`${i}`)))],
    };
    expect(checkMessageLimits(tooMany)).toEqual(['41 components counted with nested ones (limit 40)']);
    const tooLong = { flags: V2, components: [text('🗞'.repeat(2000)), container(text('x'.repeat(2001)))] };
    expect(checkMessageLimits(tooLong)).toEqual(['text displays hold 4001 characters together (limit 4000)']);
  });

  it('refuses content, embeds, stickers and polls with the flag, even empty ones', () => {
    const problems = checkMessageLimits({
      flags: V2 | MessageFlags.Ephemeral,
      content: '',
      embeds: [],
      components: [text('hello')],
    });
    expect(problems).toEqual([
      'content is not allowed with IS_COMPONENTS_V2 (sent "")',
      'embeds is not allowed with IS_COMPONENTS_V2 (sent [])',
    ]);
    expect(checkMessageLimits({ flags: V2, content: null, components: [text('x')] })).toEqual([
      'content is not allowed with IS_COMPONENTS_V2 (sent null)',
    ]);
  });

  it('holds custom_ids unique across the whole message, however deep', () => {
    const problems = checkMessageLimits({
      flags: V2,
      components: [
        container(section([text('a')], button('digest:n.0:0', 'Read'))),
        container(section([text('b')], button('digest:n.0:0', 'Read'))),
        row(button('digest:n.0:0')),
      ],
    });
    expect(problems).toEqual([
      'custom_id "digest:n.0:0" is used twice in one message',
      'custom_id "digest:n.0:0" is used twice in one message',
    ]);
  });

  it('wants a url and no custom_id on a link button, a custom_id and no url on any other', () => {
    const problems = checkMessageLimits({
      flags: V2,
      components: [
        row(
          { type: 2, style: 5, label: 'No url' },
          { type: 2, style: 5, label: 'Both', url: 'https://a.example/', custom_id: 'x' },
          { type: 2, style: 1, label: 'Nothing' },
          { type: 2, style: 1, label: 'Url', custom_id: 'y', url: 'https://a.example/' },
        ),
        section([text('t')], link(`https://example.com/${'a'.repeat(500)}`)),
      ],
    });
    expect(problems).toEqual([
      'component 2 (type 2) is a link button without a url',
      'component 3 (type 2) is a link button with a custom_id',
      'component 4 (type 2) has no custom_id',
      'component 5 (type 2) has a url but is not a link button',
      'component 8 (type 2) url is 520 characters (limit 512)',
    ]);
  });

  it('knows what may hold what: no container in a container, three text displays a section, five buttons a row', () => {
    const problems = checkMessageLimits({
      flags: V2,
      components: [
        container(container(text('inner'))),
        section([text('1'), text('2'), text('3'), text('4')], button('beside')),
        row(...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => button(id))),
        text(''),
      ],
    });
    expect(problems).toEqual([
      'component 2 (type 17) cannot be inside type 17',
      'component 4 (type 9) section holds 4 text displays (1 to 3)',
      'component 10 (type 1) action row has 6 buttons (limit 5)',
      'component 17 (type 10) text display is empty',
    ]);
  });

  it('refuses V2 components without the flag, on a new message and on an edit', () => {
    expect(checkMessageLimits({ components: [container(text('a'))] })).toEqual([
      'component type 17 needs the IS_COMPONENTS_V2 flag (flags 32768)',
      'component type 10 needs the IS_COMPONENTS_V2 flag (flags 32768)',
    ]);
    // A classic message with buttons stays as it was.
    expect(checkMessageLimits({ content: 'page 1', components: [row(button('page:2'))] })).toEqual([]);
  });
});

const definitions = [
  new SlashCommandBuilder().setName('card').setDescription('Answers with a V2 card and a Next button'),
  new SlashCommandBuilder().setName('slowcard').setDescription('Defers, then edits in a V2 card'),
  new SlashCommandBuilder().setName('classic').setDescription('Answers with a classic message and a button'),
  new SlashCommandBuilder().setName('broken').setDescription('Sends content with the V2 flag'),
];

const card = (page: number) => [
  container(
    text(`## Page ${page}`),
    { type: 14 },
    section([text('-# small print')], link('https://a.example/')),
  ),
  row(button(`page:${page - 1}`, 'Previous'), button(`page:${page + 1}`)),
];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isButton()) {
    const page = Number(interaction.customId.split(':')[1]);
    // The message was V2, or becomes V2: no content or embeds, the flag, the components.
    await interaction.update({ components: card(page) as never, flags: MessageFlags.IsComponentsV2 });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'card':
      await interaction.reply({
        components: card(1) as never,
        flags: [MessageFlags.IsComponentsV2],
        allowedMentions: quiet,
      });
      return;
    case 'slowcard':
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({
        components: card(1) as never,
        flags: MessageFlags.IsComponentsV2,
        allowedMentions: quiet,
      });
      await interaction.followUp({
        components: [text('and one more thing')] as never,
        flags: [MessageFlags.IsComponentsV2, MessageFlags.Ephemeral],
        allowedMentions: quiet,
      });
      return;
    case 'classic':
      await interaction.reply({
        content: 'page 1',
        components: [row(button('page:2'))] as never,
        allowedMentions: quiet,
      });
      return;
    case 'broken':
      await interaction.reply({
        content: 'not allowed',
        components: [text('x')] as never,
        flags: [MessageFlags.IsComponentsV2],
        allowedMentions: quiet,
      });
      return;
  }
}

describe('a discord.js bot speaking Components V2 to the fake', () => {
  let bot: BotUnderTest;
  let fake: FakeDiscord;

  beforeAll(async () => {
    bot = await startBotUnderTest(definitions, handle);
    fake = bot.fake;
  });

  afterAll(() => bot.close());

  it('answers with a card and pages it in place, breaking no rule', async () => {
    const answer = await fake.command('card');
    expect(answer.callback).toMatchObject({ type: 4, data: { flags: MessageFlags.IsComponentsV2 } });
    expect(answer.callback.data).not.toHaveProperty('content');
    expect(answer.callback.data).not.toHaveProperty('embeds');
    const original = answer.original;
    expect((original?.flags ?? 0) & V2).toBe(V2);
    const click = await fake.button('page:2', { message: original ?? '' });
    expect(click.callback).toMatchObject({ type: 7, data: { flags: MessageFlags.IsComponentsV2 } });
    expect(JSON.stringify(fake.message(original?.id ?? '')?.components)).toContain('## Page 2');
    expect(fake.describeViolations()).toBe('');
  });

  it('turns a deferred reply into a card, and follows up with V2 for the asker alone', async () => {
    const answer = await fake.command('slowcard');
    expect(await answer.answer()).toMatchObject({ flags: MessageFlags.IsComponentsV2 });
    // The deferred message, ephemeral, is now V2 as well.
    const flags = answer.original?.flags ?? 0;
    expect(flags & (V2 | MessageFlags.Ephemeral)).toBe(V2 | MessageFlags.Ephemeral);
    const [followUp] = await answer.waitForFollowUps(1);
    expect(followUp).toMatchObject({ flags: MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral });
    expect(fake.describeViolations()).toBe('');
  });

  it('makes a classic message V2 on an update: its content and embeds go', async () => {
    const answer = await fake.command('classic');
    await fake.button('page:2', { message: answer.original ?? '' });
    const message = fake.message(answer.original?.id ?? '');
    expect(message?.content).toBe('');
    expect((message?.flags ?? 0) & V2).toBe(V2);
    expect(fake.describeViolations()).toBe('');
  });

  it('posts a V2 message in a channel', async () => {
    await bot.client.rest.post(Routes.channelMessages(DEFAULT_IDS.channels.briefings), {
      body: { flags: V2, components: card(1), allowed_mentions: quiet },
    });
    expect(fake.describeViolations()).toBe('');
  });

  it('refuses content sent with the flag as Discord does, and records it', async () => {
    await expect(fake.command('broken')).rejects.toThrow();
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: 'limit',
        message: 'content is not allowed with IS_COMPONENTS_V2 (sent "not allowed")',
      }),
    ]);
    const refused = await restCall(fake, 'POST', `/channels/${DEFAULT_IDS.channels.briefings}/messages`, {
      flags: V2,
      embeds: [],
      components: [text('x')],
      allowed_mentions: quiet,
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 50035 } });
  });
});
