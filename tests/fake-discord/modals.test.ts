import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord } from '../../tools/fake-discord/index.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };

const definitions = [
  new SlashCommandBuilder().setName('note').setDescription('Opens a modal with labels'),
  new SlashCommandBuilder().setName('legacy').setDescription('Opens a modal with action rows'),
  new SlashCommandBuilder().setName('long-title').setDescription('Opens a modal Discord refuses'),
  new SlashCommandBuilder().setName('raw').setDescription('Opens a modal given as a plain object'),
  new SlashCommandBuilder().setName('draft-modal').setDescription('Opens the draft modal without a message'),
  new SlashCommandBuilder().setName('draft').setDescription('An ephemeral draft with an edit button'),
  new SlashCommandBuilder().setName('defer-then-modal').setDescription('Defers, then tries a modal'),
  new SlashCommandBuilder().setName('whoami').setDescription('Says who asked'),
  new SlashCommandBuilder()
    .setName('find')
    .setDescription('Autocompletes')
    .addStringOption((o) => o.setName('name').setDescription('Name').setAutocomplete(true)),
];

/** The modal of /note: a paragraph in a label, and an optional short input in a label. */
function noteModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId('note')
    .setTitle('New note')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Body')
        .setDescription('What happened')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('body')
            .setStyle(TextInputStyle.Paragraph)
            .setMinLength(3)
            .setMaxLength(200),
        ),
      new LabelBuilder()
        .setLabel('Tag')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('tag')
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setValue('general'),
        ),
    );
}

/** The draft editor, prefilled with the draft. */
function draftModal(current: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId('draft-edit')
    .setTitle('Edit the draft')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Draft')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId('text').setStyle(TextInputStyle.Paragraph).setValue(current),
        ),
    );
}

/** A modal as a plain object, the way discord.js passes it on untouched. */
const rawModal = (title: string) => ({
  custom_id: 'raw',
  title,
  components: [
    {
      type: 1,
      components: [{ type: 4, custom_id: 'text', style: 2, label: 'Text', max_length: 4000 }],
    },
  ],
});

async function tryRawCallback(interaction: Interaction, body: unknown): Promise<string> {
  try {
    await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body,
      auth: false,
    });
    return 'accepted';
  } catch (error) {
    const { status, code } = error as { status?: number; code?: number };
    return `refused ${status} ${code}`;
  }
}

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const outcome = await tryRawCallback(interaction, { type: 9, data: rawModal('Nope') });
    await interaction.respond([{ name: outcome, value: outcome }]);
    return;
  }
  if (interaction.isButton()) {
    await interaction.showModal(draftModal(interaction.message.content));
    return;
  }
  if (interaction.isModalSubmit()) {
    if (interaction.customId === 'draft-edit') {
      if (!interaction.isFromMessage()) {
        // discord.js offers update() only on a submit that carries a message; this goes by hand.
        const body = { type: 7, data: { content: 'nowhere to put this', allowed_mentions: quiet } };
        const outcome = await tryRawCallback(interaction, body);
        await interaction.reply({ content: outcome, allowedMentions: quiet });
        return;
      }
      await interaction.update({
        content: interaction.fields.getTextInputValue('text'),
        components: [],
        allowedMentions: quiet,
      });
      return;
    }
    if (interaction.customId === 'raw') {
      // A modal cannot answer a modal submit; discord.js offers no showModal here, so it goes by hand.
      const outcome = await tryRawCallback(interaction, { type: 9, data: rawModal('Again') });
      await interaction.reply({ content: outcome, allowedMentions: quiet });
      return;
    }
    const fields = Object.fromEntries(
      [...interaction.fields.fields.keys()].map((id) => [id, interaction.fields.getTextInputValue(id)]),
    );
    await interaction.reply({
      content: JSON.stringify({
        customId: interaction.customId,
        fields,
        fromMessage: interaction.isFromMessage(),
      }),
      flags: MessageFlags.Ephemeral,
      allowedMentions: quiet,
    });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'note':
      await interaction.showModal(noteModal());
      return;
    case 'legacy':
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('legacy')
          .setTitle('Old style')
          .addActionRowComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder().setCustomId('line').setLabel('Line').setStyle(TextInputStyle.Short),
            ),
          ),
      );
      return;
    case 'raw':
      await interaction.showModal(rawModal('Raw'));
      return;
    case 'draft-modal':
      await interaction.showModal(draftModal('no message behind this one'));
      return;
    case 'long-title':
      try {
        await interaction.showModal(rawModal('T'.repeat(46)));
      } catch {
        await interaction.reply({ content: 'modal refused', allowedMentions: quiet });
      }
      return;
    case 'draft': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('draft:edit').setLabel('Edit').setStyle(ButtonStyle.Secondary),
      );
      await interaction.reply({
        content: 'first draft',
        components: [row],
        flags: MessageFlags.Ephemeral,
        allowedMentions: quiet,
      });
      return;
    }
    case 'defer-then-modal': {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const outcome = await tryRawCallback(interaction, { type: 9, data: rawModal('Late') });
      await interaction.editReply({ content: outcome, allowedMentions: quiet });
      return;
    }
    case 'whoami': {
      const member = interaction.inCachedGuild() ? interaction.member : null;
      await interaction.reply({
        content: JSON.stringify({
          roles: member
            ? [...member.roles.cache.keys()].filter((id) => id !== interaction.guildId).sort()
            : null,
          canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? null,
        }),
        allowedMentions: quiet,
      });
      return;
    }
  }
}

describe('modals shown by a real discord.js bot, and the user submitting them', () => {
  let bot: BotUnderTest;
  let fake: FakeDiscord;
  let errors: unknown[];

  beforeAll(async () => {
    bot = await startBotUnderTest(definitions, handle);
    ({ fake, errors } = bot);
  });

  afterAll(() => bot.close());

  it('keeps the modal the bot showed, and delivers the submit as a ModalSubmitInteraction discord.js reads', async () => {
    const opened = await fake.command('note', {}, { user: ids.users.editor });
    expect(opened.callback.type).toBe(9);
    expect(opened.modal).toMatchObject({
      custom_id: 'note',
      title: 'New note',
      components: [
        {
          type: 18,
          label: 'Body',
          component: { type: 4, custom_id: 'body', style: TextInputStyle.Paragraph, max_length: 200 },
        },
        { type: 18, label: 'Tag', component: { type: 4, custom_id: 'tag', value: 'general' } },
      ],
    });
    expect(opened.original).toBeUndefined();

    const submitted = await opened.submitModal({ body: 'Talks resume\non Monday.' });
    expect(submitted.payload).toMatchObject({
      type: 5,
      channel_id: ids.channels.briefings,
      member: { user: { id: ids.users.editor }, roles: [ids.roles.writers] },
      data: {
        custom_id: 'note',
        components: [
          {
            type: 18,
            id: 1,
            component: { type: 4, id: 2, custom_id: 'body', value: 'Talks resume\non Monday.' },
          },
          { type: 18, id: 3, component: { type: 4, id: 4, custom_id: 'tag', value: 'general' } },
        ],
      },
    });
    expect('message' in submitted.payload).toBe(false);
    expect(JSON.parse(String(submitted.callback.data?.content))).toEqual({
      customId: 'note',
      fields: { body: 'Talks resume\non Monday.', tag: 'general' },
      fromMessage: false,
    });
    expect(submitted.original?.interaction_metadata).toMatchObject({
      type: 5,
      triggering_interaction_metadata: { id: opened.id, type: 2 },
    });
    expect(fake.violations).toEqual([]);
  });

  it('submits action-row modals in action rows', async () => {
    const opened = await fake.command('legacy');
    const submitted = await opened.submitModal({ line: 'one line' });
    expect(submitted.payload.data).toEqual({
      custom_id: 'legacy',
      components: [
        { type: 1, id: 1, components: [{ type: 4, id: 2, custom_id: 'line', value: 'one line' }] },
      ],
    });
    expect(JSON.parse(String(submitted.callback.data?.content)).fields).toEqual({ line: 'one line' });
  });

  it('will not submit what Discord would not let a user submit', async () => {
    const opened = await fake.command('note');
    await expect(opened.submitModal({})).rejects.toThrow(/"body" is required and empty/);
    await expect(opened.submitModal({ body: 'no' })).rejects.toThrow(
      /"body" is 2 characters \(allowed 3–200\)/,
    );
    await expect(opened.submitModal({ body: 'x'.repeat(201) })).rejects.toThrow(/allowed 3–200/);
    await expect(opened.submitModal({ body: 'fine', tag: 'two\nlines' })).rejects.toThrow(/line break/);
    await expect(opened.submitModal({ body: 'fine', colour: 'red' })).rejects.toThrow(
      /no text input "colour" \(it has: body, tag\)/,
    );
    const optionalEmpty = await opened.submitModal({ body: 'fine', tag: '' });
    expect(JSON.parse(String(optionalEmpty.callback.data?.content)).fields.tag).toBe('');
    const reply = await fake.command('whoami');
    await expect(reply.submitModal({})).rejects.toThrow(/did not answer with a modal/);
  });

  it('refuses a modal over Discord limits (title of 46 characters) with 400 and a limit violation', async () => {
    const exchange = await fake.command('long-title');
    expect(exchange.callback).toMatchObject({ type: 4, data: { content: 'modal refused' } });
    expect(fake.violations.map((v) => v.kind)).toEqual(['schema', 'limit']);
    expect(fake.violations[1]).toEqual(
      expect.objectContaining({
        kind: 'limit',
        message: 'modal title is 46 characters (limit 45)',
        route: 'POST /interactions/{interaction_id}/{interaction_token}/callback',
      }),
    );
    expect(errors).toEqual([]);
  });

  it('refuses a modal in answer to a modal submit, to autocomplete, and after a defer', async () => {
    const before = fake.violations.length;
    // The bot answers the submit of modal "raw" with another modal.
    const opened = await fake.command('raw');
    const submitted = await opened.submitModal({ text: 'hello' });
    expect(submitted.callback.data?.content).toBe('refused 400 50035');

    const completed = await fake.autocomplete('find', { name: 'R' });
    expect(completed.choices[0]?.name).toBe('refused 400 50035');

    const deferred = await fake.command('defer-then-modal');
    expect(await deferred.answer()).toMatchObject({ content: 'refused 400 40060' });

    const added = fake.violations.slice(before);
    expect(added.filter((v) => v.kind === 'interaction').map((v) => v.message)).toEqual([
      'modal raw: callback type 9 cannot answer interaction type 5',
      'autocomplete /find name: callback type 9 cannot answer interaction type 4',
      '/defer-then-modal: answered twice',
    ]);
    expect(errors).toEqual([]);
  });

  it('opens a modal from a button on an ephemeral reply; the submit carries the message and can update it', async () => {
    const draft = await fake.command('draft');
    const message = draft.original;
    expect(message?.flags).toBe(MessageFlags.Ephemeral);
    const click = await fake.button('draft:edit', { message: message?.id ?? '' });
    expect(click.modal?.custom_id).toBe('draft-edit');
    const submitted = await click.submitModal({ text: 'second draft' });
    expect(submitted.payload).toMatchObject({
      type: 5,
      message: { id: message?.id, content: 'first draft' },
    });
    expect(submitted.callback).toMatchObject({ type: 7, data: { content: 'second draft', components: [] } });
    expect(fake.message(message?.id ?? '')).toMatchObject({ content: 'second draft', components: [] });
    expect(errors).toEqual([]);
  });

  it('refuses to update a message from a modal that was not opened from one', async () => {
    const opened = await fake.command('draft-modal');
    const before = fake.violations.length;
    const submitted = await opened.submitModal({ text: 'edited' });
    expect(submitted.callback).toMatchObject({ type: 4, data: { content: 'refused 400 50035' } });
    expect(fake.violations.slice(before)).toEqual([
      expect.objectContaining({
        kind: 'interaction',
        message: 'modal draft-edit: callback type 7 updates a message, but the modal was not opened from one',
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it('gives the editor the Writers role in the payload and permissions without Manage Server', async () => {
    const exchange = await fake.command('whoami', {}, { user: ids.users.editor });
    expect(exchange.payload.member?.roles).toEqual([ids.roles.writers]);
    expect(JSON.parse(String(exchange.callback.data?.content))).toEqual({
      roles: [ids.roles.writers],
      canManage: false,
    });
    const manager = await fake.command('whoami', {}, { user: ids.users.manager });
    expect(JSON.parse(String(manager.callback.data?.content)).canManage).toBe(true);
  });
});
