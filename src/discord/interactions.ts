/** Interaction routing: discord.js interactions in, the dispatcher's replies out. Nothing escapes unanswered. */
import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  ComponentType,
  type Interaction,
  InteractionContextType,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import type { CommandDispatcher } from '../commands/dispatch.js';
import type { CommandInput, Invoker } from '../commands/types.js';
import type { Logger } from '../log.js';
import { asComponentsV2, isComponentsV2, sendable } from '../message/components.js';
import { NO_MENTIONS, type Reply } from '../message/payload.js';
import { lostAnswer } from './answer-race.js';
import { describeChannel } from './channels.js';
import { Turns } from './turns.js';

/** Past this, the answer is deferred: Discord wants a first response within 3 s. */
const DEFER_AFTER_MS = 1_500;

export interface RouterOptions {
  /** Milliseconds on a monotonic clock; tests give their own. */
  now?: () => number;
  deferAfterMs?: number;
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Who is asking, clicking or sending a form: their permissions and roles where they are. */
function invokerOf(interaction: Interaction): Invoker {
  const member = interaction.member;
  // A cached GuildMember keeps its roles in a manager (with @everyone, whose id is the guild's); a raw member
  // from the payload as a list of ids.
  const held = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  const roleIds = held.filter((role) => role !== interaction.guildId);
  return {
    user: { id: interaction.user.id, name: interaction.user.username },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds,
  };
}

/**
 * Discord shows a user-installed app's answers to the asker alone in a server that has not installed the bot and
 * where the member may not use external apps: the answer says so itself, deferral included.
 */
function onlyForTheAsker(interaction: ChatInputCommandInteraction): boolean {
  const owners = interaction.authorizingIntegrationOwners ?? {};
  const installedHere = owners[ApplicationIntegrationType.GuildInstall] !== undefined;
  return (
    interaction.context === InteractionContextType.Guild &&
    !installedHere &&
    !(interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) ?? false)
  );
}

/** The text fields of a sent form, by custom_id. */
function formValues(interaction: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const [customId, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) values[customId] = field.value;
  }
  return values;
}

function leafOptions(options: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  const first = options[0];
  return first?.options && (first.type === 1 || first.type === 2) ? leafOptions(first.options) : options;
}

function toInput(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandInput {
  const input: CommandInput = {
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false) ?? '',
    // No prototype: an option a forged interaction names `__proto__` or `constructor` is just an unknown option.
    options: Object.create(null),
    channels: Object.create(null),
    attachments: Object.create(null),
    ...invokerOf(interaction),
  };
  for (const option of leafOptions(interaction.options.data)) {
    const file = option.attachment;
    if (file)
      input.attachments![option.name] = {
        id: file.id,
        name: file.name,
        size: file.size,
        url: file.url,
        ...(file.contentType ? { contentType: file.contentType } : {}),
      };
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
    if (option.role) {
      const { id, name, mentionable } = option.role;
      input.roles ??= Object.create(null);
      input.roles![option.name] = { id, name, mentionable };
    }
    if (option.value !== undefined) input.options[option.name] = option.value;
  }
  return input;
}

/**
 * A reply as discord.js sends it: never mentioning anyone (even a digest preview that shows a role alert), with
 * IS_COMPONENTS_V2 for a V2 payload (its note in front as a text display) and Ephemeral for the asker alone.
 */
function messageOf(reply: Reply) {
  const {
    ephemeral,
    followUps: _followUps,
    modal: _form,
    allowed_mentions: _alert,
    flags: _flags,
    files,
    ...message
  } = sendable(reply);
  const v2 = isComponentsV2(reply);
  const attachments = files?.map((file) => ({
    attachment: file.data,
    name: file.name,
    ...(file.description ? { description: file.description } : {}),
  }));
  const flags = [
    ...(v2 ? [MessageFlags.IsComponentsV2 as const] : []),
    ...(ephemeral ? [MessageFlags.Ephemeral as const] : []),
  ];
  return {
    ...message,
    ...(attachments ? { files: attachments } : {}),
    allowedMentions: NO_MENTIONS,
    ...(flags.length ? { flags } : {}),
    v2,
  };
}

/** A form to fill opens only as the first answer; after a deferral the asker is told to run the command again. */
const FORM_TOO_LATE: Reply = {
  content: 'The form could not open in time (the bot was busy). Run the command again.',
  ephemeral: true,
};

async function deliver(interaction: Repliable, reply: Reply): Promise<void> {
  if (reply.modal && !interaction.isModalSubmit()) {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.showModal(reply.modal);
      return;
    }
    return deliver(interaction, FORM_TOO_LATE);
  }
  const { v2, ...message } = messageOf(reply);
  if (interaction.deferred) {
    // The deferral made the message (and whether only the asker sees it); the edit turns it into V2 if need be.
    const { flags: _ignored, ...edit } = message;
    await interaction.editReply(v2 ? { ...edit, flags: MessageFlags.IsComponentsV2 } : edit);
  } else {
    await interaction.reply(message);
  }
  for (const followUp of reply.followUps ?? []) {
    const { v2: _v2, ...next } = messageOf({ ...followUp, ephemeral: reply.ephemeral });
    await interaction.followUp(next);
  }
}

/**
 * A command's deferral: started at most once, by the timer or before late work; its outcome is awaited before
 * the answer goes out (an answer after a deferral is an edit of it).
 */
class Deferral {
  private promise?: Promise<void>;
  private failure?: { error: unknown };
  settled = false;

  constructor(private readonly defer: () => Promise<unknown>) {}

  get started(): boolean {
    return this.promise !== undefined;
  }

  start(): Promise<void> {
    this.promise ??= this.defer().then(
      () => {
        this.settled = true;
      },
      (error: unknown) => {
        this.settled = true;
        this.failure = { error };
      },
    );
    return this.promise;
  }

  /** Waits for a deferral under way; throws what it failed with. */
  async done(): Promise<void> {
    if (!this.promise) return;
    await this.promise;
    if (this.failure) throw this.failure.error;
  }
}

export class InteractionRouter {
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;
  /** Each question's own (synchronous) work in a task of its own, so none holds back another's deferral. */
  private readonly turns = new Turns();
  private readonly now: () => number;
  private readonly deferAfterMs: number;

  constructor(
    private readonly dispatcher: CommandDispatcher,
    private readonly log: Logger,
    options: RouterOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  }

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
      const choices = await this.turns.run(() =>
        this.dispatcher.autocomplete({
          ...input,
          focused: { name: focused.name, value: String(focused.value) },
        }),
      );
      await interaction.respond(choices);
      return;
    }
    if (interaction.isChatInputCommand()) {
      await this.command(interaction);
      return;
    }
    if (interaction.isButton()) {
      const { customId } = interaction;
      const answer = await this.turns.run(() => this.dispatcher.button(customId, invokerOf(interaction)));
      await this.answerClick(interaction, answer);
      return;
    }
    if (interaction.isModalSubmit()) {
      const { customId } = interaction;
      const answer = await this.turns.run(() =>
        this.dispatcher.modal(
          customId,
          formValues(interaction),
          invokerOf(interaction),
          interaction.isFromMessage(),
        ),
      );
      await this.answerClick(interaction, answer);
    }
  }

  /** A button's or a form's answer: replacing the message it came from, or a new message for the clicker. */
  private async answerClick(
    interaction: ButtonInteraction | ModalSubmitInteraction,
    { reply, update }: { reply: Reply; update: boolean },
  ): Promise<void> {
    const fromMessage = interaction.isButton() || interaction.isFromMessage();
    if (update && fromMessage) {
      // A V2 message never becomes a classic one again: what replaces it is made V2 too.
      const wasV2 = interaction.message?.flags.has(MessageFlags.IsComponentsV2) ?? false;
      const { v2, flags: _ignored, ...message } = messageOf(wasV2 ? asComponentsV2(reply) : reply);
      if (v2) {
        // With the flag, content and embeds may not be sent at all (not even empty): the components replace all.
        // A chart the message had goes unless the answer sends it again (`attachments: []` keeps none of the old).
        await interaction.update({
          components: [],
          attachments: [],
          ...message,
          flags: MessageFlags.IsComponentsV2,
        });
      } else {
        // An update with no embeds or buttons must say so, or the old ones stay on the message.
        await interaction.update({ embeds: [], components: [], ...message });
      }
    } else {
      await deliver(interaction, { ...reply, ephemeral: true });
    }
  }

  /**
   * Discord wants a first response within 3 s. A question still unanswered after deferAfterMs is deferred: by
   * a timer while it waits for its turn or its work waits on something (a digest sent now); and, when its turn
   * comes that late, before its own work starts, so the deferral is out before that work can hold the loop.
   * A question its command acknowledges first (Subcommand.acknowledgeFirst) is deferred at once, and its work
   * starts only once Discord has taken the deferral: refused, another instance has the question, and runs it.
   */
  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const received = this.now();
    const input = toInput(interaction);
    const ephemeral = this.dispatcher.isEphemeral(input.command) || onlyForTheAsker(interaction);
    const deferral = new Deferral(() =>
      interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    );
    const about = {
      command: input.command,
      subcommand: input.subcommand,
      guild: input.guildId,
      shard: interaction.guild?.shardId ?? 0,
      interaction: interaction.id,
    };
    const first = this.dispatcher.acknowledgeFirst(input);
    if (first && !(await this.acknowledged(deferral, about))) return;
    const timer = first ? undefined : setTimeout(() => void deferral.start(), this.deferAfterMs);
    const late = () => this.now() - received >= this.deferAfterMs;
    let reply: Reply | undefined;
    try {
      for (;;) {
        reply = await this.turns.run(() =>
          // A deferral under way, or one this late question needs, goes out first; the work takes a later turn.
          deferral.settled || (!deferral.started && !late()) ? this.dispatcher.run(input) : undefined,
        );
        if (reply) break;
        await deferral.start();
        // A deferral Discord refused (another instance answered first) ends the question before its work runs.
        await deferral.done();
      }
    } finally {
      clearTimeout(timer);
    }
    await deferral.done();
    await deliver(interaction, ephemeral ? { ...reply, ephemeral: true } : reply);
    this.log.info(
      {
        ...about,
        deferred: deferral.started,
        ...(first ? { acknowledgedFirst: true } : {}),
        latencyMs: Math.round(this.now() - received),
      },
      'command answered',
    );
  }

  /**
   * Defers a question acknowledged first and waits for Discord's word. False when Discord refused it (another
   * instance of the shard took the question, or it came too late): the question ends there, its work not run.
   */
  private async acknowledged(deferral: Deferral, about: Record<string, unknown>): Promise<boolean> {
    await deferral.start();
    try {
      await deferral.done();
      return true;
    } catch (error) {
      const lost = lostAnswer(error);
      if (!lost) throw error;
      this.log.info(
        { ...about, lost },
        lost === 'answered-elsewhere'
          ? 'question taken by another instance: its work was not run here'
          : 'question expired or taken by another instance: its work was not run here',
      );
      return false;
    }
  }

  /** Whether the bot's own first answer went through (so a later refusal is its own mistake, not a lost race). */
  private static answered(interaction: Interaction): boolean {
    if (interaction.isAutocomplete()) return interaction.responded;
    return interaction.isRepliable() && (interaction.replied || interaction.deferred);
  }

  private async answerFailure(interaction: Interaction, error: unknown): Promise<void> {
    const lost = InteractionRouter.answered(interaction) ? undefined : lostAnswer(error);
    if (lost) {
      // Expected with two instances of a shard: the other one answered. Nothing to tell the user, who has an answer.
      const fields = {
        interaction: interaction.id,
        type: interaction.type,
        shard: interaction.guild?.shardId ?? 0,
      };
      if (lost === 'answered-elsewhere') this.log.debug(fields, 'interaction answered by another instance');
      else this.log.info(fields, 'interaction expired or answered by another instance');
      return;
    }
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
