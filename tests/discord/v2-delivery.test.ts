/**
 * How the interaction router sends Components V2 answers through discord.js: the V2 flag with a card (and
 * Ephemeral for the asker alone), never content or embeds beside it, a deferral turned into a card by its edit, and
 * a V2 message never updated back into a classic one.
 */
import { type Interaction, MessageFlags, MessageFlagsBitField } from 'discord.js';
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { defineCommand, type SlashCommand } from '../../src/commands/command.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { defineSubcommand } from '../../src/commands/subcommand.js';
import { InteractionRouter } from '../../src/discord/interactions.js';
import { Library } from '../../src/library/library.js';
import { textDisplay, v2Message } from '../../src/message/components.js';
import type { Reply } from '../../src/message/payload.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { readerServices } from '../support/services.js';

const CARD: Reply = v2Message([textDisplay('## A card')]);
const NOTICE: Reply = { content: 'Saved.', ephemeral: true };

/** `/card go` answers with `answer`; its `card:` buttons replace their message with `clicked`. */
function router(answer: Reply, clicked: Reply, options: { late?: boolean } = {}) {
  const command: SlashCommand = defineCommand({
    name: 'card',
    description: 'Answers with a card',
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    subcommands: [defineSubcommand({ name: 'go', description: 'Answers', run: () => answer })],
    buttons: { prefix: 'card:', replacesMessage: true, press: () => clicked },
  });
  const library = Library.of([], PartyRegistry.builtIn());
  const dispatcher = new CommandDispatcher([command], readerServices(library), pino({ level: 'silent' }));
  // A late question: every look at the clock is ten seconds on, so it is deferred before its work.
  let now = 0;
  const clock = () => {
    if (options.late) now += 10_000;
    return now;
  };
  return new InteractionRouter(dispatcher, pino({ level: 'silent' }), { now: clock, deferAfterMs: 5_000 });
}

type Call = [string, Record<string, unknown>?];

const base = {
  id: 'interaction',
  user: { id: '222222222222222222', username: 'reader' },
  guildId: '111111111111111111',
  channelId: '333333333333333331',
  guild: null,
  member: null,
  memberPermissions: null,
  isAutocomplete: () => false,
  isRepliable: () => true,
};

function chatInput(calls: Call[]): Interaction {
  const interaction = {
    ...base,
    type: 2,
    commandName: 'card',
    options: { getSubcommand: () => 'go', data: [] },
    deferred: false,
    replied: false,
    isChatInputCommand: () => true,
    isButton: () => false,
    isModalSubmit: () => false,
    async deferReply(options?: Record<string, unknown>) {
      calls.push(['defer', options]);
      interaction.deferred = true;
    },
    async reply(options: Record<string, unknown>) {
      calls.push(['reply', options]);
      interaction.replied = true;
    },
    async editReply(options: Record<string, unknown>) {
      calls.push(['edit', options]);
    },
    async followUp(options: Record<string, unknown>) {
      calls.push(['follow-up', options]);
    },
  };
  return interaction as unknown as Interaction;
}

function click(calls: Call[], messageFlags: number): Interaction {
  const interaction = {
    ...base,
    type: 3,
    customId: 'card:next',
    message: { flags: new MessageFlagsBitField(messageFlags) },
    deferred: false,
    replied: false,
    isChatInputCommand: () => false,
    isButton: () => true,
    isModalSubmit: () => false,
    async update(options: Record<string, unknown>) {
      calls.push(['update', options]);
    },
    async reply(options: Record<string, unknown>) {
      calls.push(['reply', options]);
    },
  };
  return interaction as unknown as Interaction;
}

async function run(routed: InteractionRouter, interaction: Interaction): Promise<void> {
  routed.handle(interaction);
  await routed.drain();
}

describe('Components V2 answers through the router', () => {
  it('answers with the V2 flag, no content and no embeds, and never a mention', async () => {
    const calls: Call[] = [];
    await run(
      router({ ...CARD, allowed_mentions: { parse: [], roles: ['123456789012345678'] } }, NOTICE),
      chatInput(calls),
    );
    expect(calls).toEqual([
      [
        'reply',
        {
          components: CARD.components,
          allowedMentions: { parse: [] },
          flags: [MessageFlags.IsComponentsV2],
        },
      ],
    ]);
  });

  it('puts a note given as content on a card in front of it, as a text display', async () => {
    const calls: Call[] = [];
    await run(
      router({ ...CARD, content: 'Preview, only you can see it:', ephemeral: true }, NOTICE),
      chatInput(calls),
    );
    const [, options] = calls[0] ?? [];
    expect(options).not.toHaveProperty('content');
    expect(options?.components).toEqual([
      textDisplay('Preview, only you can see it:'),
      ...(CARD.components ?? []),
    ]);
    expect(options?.flags).toEqual([MessageFlags.IsComponentsV2, MessageFlags.Ephemeral]);
  });

  it('turns a deferral into a card by its edit, keeping the deferral’s privacy', async () => {
    const calls: Call[] = [];
    await run(router({ ...CARD, ephemeral: true }, NOTICE, { late: true }), chatInput(calls));
    expect(calls.map(([what]) => what)).toEqual(['defer', 'edit']);
    const [, edit] = calls[1] ?? [];
    expect(edit).toEqual({
      components: CARD.components,
      allowedMentions: { parse: [] },
      flags: MessageFlags.IsComponentsV2,
    });
  });

  it('follows up with V2 and Ephemeral for a card that continues, for the asker alone', async () => {
    const calls: Call[] = [];
    await run(router({ ...NOTICE, followUps: [CARD] }, NOTICE), chatInput(calls));
    expect(calls.map(([what]) => what)).toEqual(['reply', 'follow-up']);
    expect(calls[0]?.[1]).toMatchObject({ content: 'Saved.', flags: [MessageFlags.Ephemeral] });
    expect(calls[1]?.[1]?.flags).toEqual([MessageFlags.IsComponentsV2, MessageFlags.Ephemeral]);
  });

  it('replaces a V2 message with V2 only: a plain notice becomes a text display', async () => {
    const calls: Call[] = [];
    await run(router(CARD, NOTICE), click(calls, MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral));
    expect(calls).toEqual([
      [
        'update',
        {
          components: [textDisplay('Saved.')],
          // A chart the old message showed goes: only what the answer sends is kept.
          attachments: [],
          allowedMentions: { parse: [] },
          flags: MessageFlags.IsComponentsV2,
        },
      ],
    ]);
  });

  it('makes a classic message V2 when a card replaces it, and keeps a classic one classic otherwise', async () => {
    const toCard: Call[] = [];
    await run(router(CARD, CARD), click(toCard, 0));
    expect(toCard[0]?.[1]).toEqual({
      components: CARD.components,
      attachments: [],
      allowedMentions: { parse: [] },
      flags: MessageFlags.IsComponentsV2,
    });
    const classic: Call[] = [];
    await run(router(CARD, NOTICE), click(classic, 0));
    expect(classic[0]?.[1]).toEqual({
      embeds: [],
      components: [],
      content: 'Saved.',
      allowedMentions: { parse: [] },
    });
  });
});
