/** Interaction routing: discord.js interactions in, the dispatcher's replies out. Nothing escapes unanswered. */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type { CommandDispatcher } from '../commands/dispatch.js';
import type { CommandInput } from '../commands/types.js';
import type { Logger } from '../log.js';
import { NO_MENTIONS, type Reply } from '../render/payload.js';
import { describeChannel } from './channels.js';

/** Past this, the answer is deferred: Discord wants a first response within 3 s. */
const DEFER_AFTER_MS = 1_500;

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

function leafOptions(options: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  const first = options[0];
  return first?.options && (first.type === 1 || first.type === 2) ? leafOptions(first.options) : options;
}

function toInput(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandInput {
  const input: CommandInput = {
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false) ?? '',
    options: {},
    channels: {},
    user: { id: interaction.user.id, name: interaction.user.username },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
  for (const option of leafOptions(interaction.options.data)) {
    if (option.channel) {
      const channel = interaction.guild?.channels.cache.get(option.channel.id);
      input.channels[option.name] = channel
        ? describeChannel(channel)
        : {
            id: option.channel.id,
            name: option.channel.name ?? option.channel.id,
            kind: 'other',
            missingPermissions: [],
          };
    }
    if (option.value !== undefined) input.options[option.name] = option.value;
  }
  return input;
}

function messageOf(reply: Reply) {
  const { ephemeral, followUps, ...message } = reply;
  const flags = ephemeral ? (MessageFlags.Ephemeral as const) : undefined;
  return { ...message, allowedMentions: NO_MENTIONS, flags };
}

async function deliver(interaction: Repliable, reply: Reply): Promise<void> {
  const message = messageOf(reply);
  if (interaction.deferred) {
    const { flags: _ignored, ...edit } = message;
    await interaction.editReply(edit);
  } else {
    await interaction.reply(message);
  }
  for (const followUp of reply.followUps ?? []) {
    await interaction.followUp(messageOf({ ...followUp, ephemeral: reply.ephemeral }));
  }
}

export class InteractionRouter {
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;

  constructor(
    private readonly dispatcher: CommandDispatcher,
    private readonly log: Logger,
  ) {}

  /** The client's interactionCreate listener. Never rejects. */
  readonly handle = (interaction: Interaction): void => {
    if (!this.accepting) return;
    const work = this.route(interaction).catch((error) => this.answerFailure(interaction, error));
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  };

  /** Stops taking interactions and waits for those in flight. */
  async drain(): Promise<void> {
    this.accepting = false;
    await Promise.allSettled([...this.inFlight]);
  }

  private async route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const input = toInput(interaction);
      const focused = interaction.options.getFocused(true);
      const choices = this.dispatcher.autocomplete({
        ...input,
        focused: { name: focused.name, value: String(focused.value) },
      });
      await interaction.respond(choices);
      return;
    }
    if (interaction.isChatInputCommand()) {
      await this.command(interaction);
      return;
    }
    if (interaction.isButton()) {
      const { reply, update } = this.dispatcher.page(interaction.customId, interaction.user.id);
      if (update) {
        const { flags: _ignored, ...message } = messageOf(reply);
        await interaction.update(message);
      } else {
        await deliver(interaction, { ...reply, ephemeral: true });
      }
    }
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    const input = toInput(interaction);
    const answer = this.dispatcher.run(input);
    // Slow work (a digest sent now) gets a deferral so Discord's 3 s window never runs out.
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<'slow'>((resolve) => {
      timer = setTimeout(() => resolve('slow'), DEFER_AFTER_MS);
    });
    let reply = await Promise.race([answer, slow]);
    clearTimeout(timer);
    if (reply === 'slow') {
      const ephemeral = this.dispatcher.isEphemeral(input.command);
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      reply = await answer;
    }
    await deliver(interaction, reply);
    this.log.info(
      {
        command: input.command,
        subcommand: input.subcommand,
        guild: input.guildId,
        latencyMs: Math.round(performance.now() - started),
      },
      'command answered',
    );
  }

  private async answerFailure(interaction: Interaction, error: unknown): Promise<void> {
    this.log.error({ err: error, interaction: interaction.id, type: interaction.type }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const message = {
      content: 'Something went wrong while answering. It has been logged; please try again in a moment.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    } as const;
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp(message);
      else await interaction.reply(message);
    } catch (followUpError) {
      this.log.error({ err: followUpError, interaction: interaction.id }, 'could not report the failure');
    }
  }
}
