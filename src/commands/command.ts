/**
 * A slash command assembled from its list of subcommand modules: Discord's definition (what sync registers), the
 * routing to each subcommand, the typed input each reads, autocomplete by option, and the command's guards.
 * Adding a subcommand is one module and one line in its command's list.
 */
import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationIntegrationType,
  type InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Choice } from '../library/library.js';
import type { Reply } from '../message/payload.js';
import type { PageState } from '../render/page-id.js';
import { type Explain, explaining, explainingNow } from './explain.js';
import type { OptionSpec } from './options.js';
import { type Subcommand, typedInput } from './subcommand.js';
import {
  type AutocompleteInput,
  type CommandInput,
  type Invoker,
  type Precondition,
  type Services,
  UsageError,
} from './types.js';

export interface ButtonHandler {
  /** The buttons this command answers: those whose custom_id starts with it. */
  prefix: string;
  /** Its answers replace the message the button is on (a form's steps) rather than come as a new one. */
  replacesMessage?: boolean;
  press(customId: string, clickedBy: Invoker, services: Services): Promise<Reply> | Reply;
}

/** The forms (modals) a command opens, answered when they are sent. */
export interface ModalHandler {
  /** The forms this command answers: those whose custom_id starts with it. */
  prefix: string;
  /** `values`: each text field's custom_id and what was typed in it. */
  submit(
    customId: string,
    values: Readonly<Record<string, string>>,
    sentBy: Invoker,
    services: Services,
  ): Promise<Reply> | Reply;
}

interface CommandParts {
  /** Guards for every subcommand, checked before the input is (Sapphire's preconditions, in small). */
  readonly preconditions?: readonly Precondition[];
  /** Its answers are for the asker only (management commands): a deferral must say so up front. */
  readonly ephemeral?: boolean;
  /** The paged views (PageState.view) whose Previous/Next buttons this command answers. */
  readonly pageViews?: readonly string[];
  /** Re-renders one page of a paged answer when a Previous/Next button is clicked. */
  page?(state: PageState, services: Services): Reply;
  /** Other buttons this command answers (a digest's Read buttons). */
  readonly buttons?: ButtonHandler;
  /** The forms it opens. */
  readonly modals?: ModalHandler;
}

export interface CommandSpec extends CommandParts {
  name: string;
  description: string;
  /** Who can install it: a server (the bot joins it), a user (the command follows them everywhere). */
  integrationTypes: readonly ApplicationIntegrationType[];
  /** Where Discord offers it: servers, direct messages with the bot, other DMs and group DMs. */
  contexts: readonly InteractionContextType[];
  /** Discord shows it only to members with these permissions (a permission bit set, as a string). */
  defaultMemberPermissions?: string;
  /** In the order Discord lists them. */
  subcommands: readonly Subcommand[];
  /** What an error of the core (a refusal as a code, a name past its limit) says to the asker, if anything. */
  explain?: Explain;
  /** Every subcommand's questions are acknowledged before their work runs (Subcommand.acknowledgeFirst). */
  acknowledgeFirst?: true;
}

export interface SlashCommand extends CommandParts {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** A Map of its own: a forged name such as `toString` or `constructor` finds nothing. */
  readonly subcommands: ReadonlyMap<string, Subcommand>;
  /** Runs the subcommand the input names (held to the definition first: see dispatch.ts). */
  run(input: CommandInput, services: Services): Promise<Reply> | Reply;
  /**
   * Whether the question must be acknowledged on Discord before its work runs: the command's word, else its
   * subcommand's (Subcommand.acknowledgeFirst). Asked of input that can run (see dispatch.ts).
   */
  acknowledgeFirst(input: CommandInput, services: Services): boolean;
  /** The subcommand's answer as JSON, for the editor tools (Subcommand.json). */
  json(input: CommandInput, services: Services): unknown;
  autocomplete(input: AutocompleteInput, services: Services): Choice[];
}

function subcommandJson(subcommand: Subcommand): APIApplicationCommandSubcommandOption {
  const options = Object.entries(subcommand.options ?? {}).map(([name, option]) => option.json(name));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: subcommand.name,
    description: subcommand.description,
    ...(options.length ? { options } : {}),
  };
}

function definitionOf(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: spec.description,
    ...(spec.defaultMemberPermissions ? { default_member_permissions: spec.defaultMemberPermissions } : {}),
    integration_types: [...spec.integrationTypes],
    contexts: [...spec.contexts],
    options: spec.subcommands.map(subcommandJson),
  };
}

/** The option a subcommand declares under that name, looked up among its own keys only. */
export function optionOf(subcommand: Subcommand | undefined, name: string): OptionSpec | undefined {
  const options = subcommand?.options;
  return options && Object.hasOwn(options, name) ? options[name] : undefined;
}

export function defineCommand(spec: CommandSpec): SlashCommand {
  const { name, explain, page, buttons, modals } = spec;
  const subcommands = new Map(spec.subcommands.map((subcommand) => [subcommand.name, subcommand]));
  if (subcommands.size !== spec.subcommands.length) throw new Error(`/${name} lists a subcommand twice`);

  const route = (input: CommandInput) => {
    const subcommand = subcommands.get(input.subcommand);
    if (!subcommand)
      throw new UsageError(`Unknown subcommand. Try /${name} ${[...subcommands.keys()].join(', ')}.`);
    return { subcommand, typed: typedInput(subcommand, input, `/${name} ${subcommand.name}`) };
  };

  return {
    definition: definitionOf(spec),
    subcommands,
    preconditions: spec.preconditions,
    ephemeral: spec.ephemeral,
    pageViews: spec.pageViews,
    run: (input, services) =>
      explaining(explain, () => {
        const { subcommand, typed } = route(input);
        return subcommand.run(typed, services);
      }),
    acknowledgeFirst: (input, services) => {
      if (spec.acknowledgeFirst) return true;
      const declared = subcommands.get(input.subcommand)?.acknowledgeFirst;
      if (typeof declared !== 'function') return declared ?? false;
      return declared(route(input).typed, services);
    },
    json: (input, services) =>
      explaining(explain, () => {
        const { subcommand, typed } = route(input);
        return subcommand.json?.(typed, services);
      }),
    autocomplete: (input, services) =>
      optionOf(subcommands.get(input.subcommand), input.focused.name)?.autocomplete?.(
        input.focused.value,
        services,
      ) ?? [],
    page: page && ((state, services) => explainingNow(explain, () => page(state, services))),
    buttons: buttons && {
      prefix: buttons.prefix,
      replacesMessage: buttons.replacesMessage,
      press: (customId, clickedBy, services) =>
        explaining(explain, () => buttons.press(customId, clickedBy, services)),
    },
    modals: modals && {
      prefix: modals.prefix,
      submit: (customId, values, sentBy, services) =>
        explaining(explain, () => modals.submit(customId, values, sentBy, services)),
    },
  };
}
