/**
 * The one place a command runs: preconditions, the input held to its definition, the subcommand, and every error
 * turned into an answer. Both adapters (Discord and the terminal) and the editor tools come through here, so they
 * behave the same.
 */

import type { Choice } from '../library/library.js';
import type { Logger } from '../log.js';
import { MAX_FOLLOW_UPS, type Reply } from '../message/payload.js';
import { renderFollowPauseNote } from '../render/follow.js';
import { renderNotice, withIndexingNote } from '../render/notice.js';
import { decodePageId } from '../render/page-id.js';
import { inputProblem } from './check-input.js';
import type { SlashCommand } from './command.js';
import {
  type AutocompleteInput,
  type CommandInput,
  type Invoker,
  type Precondition,
  type Services,
  UsageError,
} from './types.js';

/** Only the asker sees errors and hints. */
const notice = (text: string): Reply => renderNotice(text, { ephemeral: true });

type Guarded = Invoker;

const preconditionFailures: Record<Precondition, (input: Guarded, services: Services) => string | undefined> =
  {
    'guild-only': (input) =>
      input.guildId ? undefined : 'This command works in a server, not in direct messages.',
    'manage-server': (input) =>
      input.canManageServer
        ? undefined
        : 'Only members with the **Manage Server** permission can manage digests. Ask a server manager.',
    editor: (input, services) =>
      input.canManageServer ||
      (input.roleIds ?? []).some((role) => services.publishing?.editorRoleIds.includes(role))
        ? undefined
        : 'Only editors can publish: members with the **Manage Server** permission or an editor role. Ask a server manager.',
  };

const failedGuard = (input: Guarded, services: Services, preconditions: readonly Precondition[] = []) =>
  preconditions.map((precondition) => preconditionFailures[precondition](input, services)).find(Boolean);

/**
 * Why the input cannot run, in words for the asker: a guard of the command, then anything that does not fit its
 * definition (Discord holds real interactions to it; forged ones and typed lines are held to it here), then a
 * guard of the subcommand. Undefined when it may run.
 */
function refusal(command: SlashCommand, input: CommandInput, services: Services): string | undefined {
  return (
    failedGuard(input, services, command.preconditions) ??
    inputProblem(command, input) ??
    failedGuard(input, services, command.subcommands.get(input.subcommand)?.preconditions)
  );
}

export class CommandDispatcher {
  private readonly commands: Map<string, SlashCommand>;

  constructor(
    commands: readonly SlashCommand[],
    private readonly services: Services,
    private readonly log: Logger,
  ) {
    this.commands = new Map(commands.map((command) => [command.definition.name, command]));
  }

  /** The commands it serves: local mode builds its parser and help from them. */
  list(): readonly SlashCommand[] {
    return [...this.commands.values()];
  }

  definitions() {
    return this.list().map((command) => command.definition);
  }

  /** Whether the command answers only the asker (management commands): a deferral must say so up front. */
  isEphemeral(name: string): boolean {
    return this.commands.get(name)?.ephemeral ?? false;
  }

  /**
   * Whether an adapter that can acknowledge a question must have Discord accept that before run: the work must
   * happen once (every instance of a shard receives the question; only the one whose acknowledgement Discord
   * takes runs it), or it would hold the event loop past the first-response deadline. Input that cannot run is
   * not acknowledged first: its refusal is quick and changes nothing. A declaration that fails counts as yes.
   */
  acknowledgeFirst(input: CommandInput): boolean {
    const command = this.commands.get(input.command);
    if (!command || refusal(command, input, this.services)) return false;
    try {
      return command.acknowledgeFirst(input, this.services);
    } catch (error) {
      this.log.error(
        { err: error, command: input.command, subcommand: input.subcommand },
        'could not tell whether to acknowledge first: acknowledging first',
      );
      return true;
    }
  }

  async run(input: CommandInput): Promise<Reply> {
    const command = this.commands.get(input.command);
    if (!command) return notice(`Unknown command /${input.command}. Try /briefing latest.`);
    const refused = refusal(command, input, this.services);
    if (refused) return notice(refused);
    try {
      const reply = await this.toldOfPause(
        input,
        this.noted(command, await command.run(input, this.services)),
      );
      return this.capped(reply, { command: input.command, subcommand: input.subcommand });
    } catch (error) {
      return this.answerError(error, {
        command: input.command,
        subcommand: input.subcommand,
        guild: input.guildId,
      });
    }
  }

  /** A reader's answer given while the archive is first being indexed says so (management answers need not). */
  private noted(command: SlashCommand, reply: Reply): Reply {
    const progress = command.ephemeral ? undefined : this.services.library().progress();
    return progress ? withIndexingNote(reply, progress) : reply;
  }

  /**
   * A reader whose party alerts were paused (their direct messages are closed) is told once, with their next
   * /briefing answer: the note follows it as a second message, and as it is about them alone, that answer is given
   * only to them (a deferred answer stays as it was; the note still comes only to them).
   */
  private async toldOfPause(input: CommandInput, reply: Reply): Promise<Reply> {
    const { follows } = this.services;
    const followUps = reply.followUps ?? [];
    if (!follows || input.command !== 'briefing' || reply.modal || followUps.length >= MAX_FOLLOW_UPS)
      return reply;
    try {
      const pause = await follows.takePauseNotice(input.user.id);
      if (!pause) return reply;
      return { ...reply, ephemeral: true, followUps: [...followUps, renderFollowPauseNote(pause)] };
    } catch (error) {
      this.log.error({ err: error, user: input.user.id }, 'could not read the follow pause notice');
      return reply;
    }
  }

  /**
   * The subcommand's answer as JSON (the editor tools' --json), from the model its reply is rendered from;
   * undefined when nothing answers. Input that cannot run is thrown as a UsageError saying why.
   */
  async json(input: CommandInput): Promise<unknown> {
    const command = this.commands.get(input.command);
    if (!command) throw new UsageError(`Unknown command /${input.command}.`);
    const refused = refusal(command, input, this.services);
    if (refused) throw new UsageError(refused);
    return command.json(input, this.services);
  }

  autocomplete(input: AutocompleteInput): Choice[] {
    try {
      return this.commands.get(input.command)?.autocomplete?.(input, this.services) ?? [];
    } catch (error) {
      this.log.error(
        { err: error, command: input.command, option: input.focused.name },
        'autocomplete failed',
      );
      return [];
    }
  }

  /**
   * Any button click: Previous/Next, or a button a command declared (a digest's Read buttons, a form's steps).
   * `update` says the answer replaces the clicked message; otherwise it is a new message for the clicker alone
   * (or, with `modal`, a form opened for them). A command's guards hold for its buttons as for its commands.
   */
  async button(customId: string, clickedBy: Invoker): Promise<{ reply: Reply; update: boolean }> {
    const owner = [...this.commands.values()].find(
      (command) => command.buttons && customId.startsWith(command.buttons.prefix),
    );
    if (!owner?.buttons) return this.page(customId, clickedBy.user.id);
    const refused = failedGuard(clickedBy, this.services, owner.preconditions);
    if (refused) return { reply: notice(refused), update: false };
    try {
      const reply = await owner.buttons.press(customId, clickedBy, this.services);
      const update = (owner.buttons.replacesMessage ?? false) && !reply.modal;
      return { reply: { ...this.capped(reply, { customId }), ephemeral: true }, update };
    } catch (error) {
      return { reply: this.answerError(error, { customId }), update: false };
    }
  }

  /**
   * A form sent back: answered by the command that opened it, under the same guards. `fromMessage`: the form was
   * opened from a button on a message, which the answer then replaces.
   */
  async modal(
    customId: string,
    values: Readonly<Record<string, string>>,
    sentBy: Invoker,
    fromMessage: boolean,
  ): Promise<{ reply: Reply; update: boolean }> {
    const owner = [...this.commands.values()].find(
      (command) => command.modals && customId.startsWith(command.modals.prefix),
    );
    if (!owner?.modals)
      return { reply: notice('This form is no longer valid. Run the command again.'), update: false };
    const refused = failedGuard(sentBy, this.services, owner.preconditions);
    if (refused) return { reply: notice(refused), update: false };
    try {
      const reply = await owner.modals.submit(customId, values, sentBy, this.services);
      // A form cannot open another form: the answer is a message.
      const { modal: _none, ...message } = this.capped(reply, { customId });
      return { reply: { ...message, ephemeral: true }, update: fromMessage };
    } catch (error) {
      return { reply: this.answerError(error, { customId }), update: false };
    }
  }

  /** A Previous/Next click: only the asker may turn the pages, and only to a page that still exists. */
  page(customId: string, clickedBy: string): { reply: Reply; update: boolean } {
    const state = decodePageId(customId);
    if (!state)
      return { reply: notice('This button is no longer valid. Ask again with the command.'), update: false };
    if (state.owner !== clickedBy) {
      return {
        reply: notice('These buttons belong to whoever asked. Run the command yourself to page through it.'),
        update: false,
      };
    }
    const command = [...this.commands.values()].find((candidate) =>
      candidate.pageViews?.includes(state.view),
    );
    try {
      const reply = command?.page?.(state, this.services);
      if (!reply)
        return {
          reply: notice('This button is no longer valid. Ask again with the command.'),
          update: false,
        };
      return { reply: this.capped(reply, { view: state.view }), update: !reply.ephemeral };
    } catch (error) {
      return { reply: this.answerError(error, { customId }), update: false };
    }
  }

  /**
   * The backstop of the posting cap: an answer never posts more than MAX_FOLLOW_UPS further messages. Renderers
   * page or shorten long answers themselves; an answer cut here is a renderer's bug, and is logged as one.
   */
  private capped(reply: Reply, context: Record<string, unknown>): Reply {
    const followUps = reply.followUps ?? [];
    if (followUps.length <= MAX_FOLLOW_UPS) return reply;
    this.log.error(
      { ...context, followUps: followUps.length },
      'answer had more follow-ups than allowed: the rest were not sent',
    );
    return { ...reply, followUps: followUps.slice(0, MAX_FOLLOW_UPS) };
  }

  private answerError(error: unknown, context: Record<string, unknown>): Reply {
    if (error instanceof UsageError) return notice(error.message);
    this.log.error({ err: error, ...context }, 'command failed');
    return notice('Something went wrong while answering. It has been logged; please try again in a moment.');
  }
}
