/**
 * One subcommand, one module: its options as data, its run reading them typed, its guards. The command that lists
 * it (command.ts) builds Discord's definition, the routing, the terminal's parser and help from these.
 */
import type { Reply } from '../message/payload.js';
import type { OptionSpecs, OptionValues } from './options.js';
import { type CommandInput, type Precondition, type Services, UsageError } from './types.js';

/** What a subcommand's run sees: the input, its options typed from their definitions. */
export interface SubcommandInput<Options extends OptionSpecs = OptionSpecs>
  extends Omit<CommandInput, 'options' | 'channels'> {
  readonly options: OptionValues<Options>;
}

/**
 * Whether a question must be acknowledged before its work runs: yes for every input, or asked of each input (read
 * as run reads it). See Subcommand.acknowledgeFirst.
 */
export type AcknowledgeFirst<Options extends OptionSpecs = OptionSpecs> =
  | boolean
  | { bivarianceHack(input: SubcommandInput<Options>, services: Services): boolean }['bivarianceHack'];

export interface Subcommand<Options extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  readonly description: string;
  /** Shown in this order, by Discord and in the terminal's help. */
  readonly options?: Options;
  /** Guards checked before it runs, after the command's own (Sapphire's preconditions, in small). */
  readonly preconditions?: readonly Precondition[];
  /**
   * On Discord, the question is acknowledged (a deferral Discord accepted) before run starts, and run never starts
   * when Discord refuses it: for work that must happen once, though every instance of a shard receives the
   * question (a post, a file written), and for work that holds the event loop past Discord's first-response
   * deadline. A function is asked before anything else about the question: it must be quick. The terminal and
   * the editor tools ignore it.
   */
  readonly acknowledgeFirst?: AcknowledgeFirst<Options>;
  run(input: SubcommandInput<Options>, services: Services): Reply | Promise<Reply>;
  /**
   * The answer as JSON (`briefings <subcommand> --json`), from the model run renders; undefined when nothing
   * answers the question (the editor tools then show run's notice and exit 1).
   */
  json?(input: SubcommandInput<Options>, services: Services): unknown;
}

/** Declares a subcommand; its options' types flow from `options` into `run`. */
export function defineSubcommand<Options extends OptionSpecs = Record<never, never>>(
  subcommand: Subcommand<Options>,
): Subcommand<Options> {
  return subcommand;
}

/** The options a required one is missing from the input, by name. */
export function missingOptions(subcommand: Subcommand, input: CommandInput): string[] {
  return Object.entries(subcommand.options ?? {})
    .filter(([name, option]) => option.required && option.read(input, name) === undefined)
    .map(([name]) => name);
}

/** `Missing name: e.g. /briefing party name:…`, said the same way by the dispatcher and the terminal. */
export function missingProblem(usage: string, missing: readonly string[]): string {
  const names = missing.map((name) => `${name}:`);
  return `Missing ${names.join(' ')} e.g. ${usage} ${names.map((name) => `${name}…`).join(' ')}`;
}

/** The input as the subcommand reads it; a required option missing is the reader's to fix. */
export function typedInput<Options extends OptionSpecs>(
  subcommand: Subcommand<Options>,
  input: CommandInput,
  usage: string,
): SubcommandInput<Options> {
  const missing = missingOptions(subcommand, input);
  if (missing.length) throw new UsageError(missingProblem(usage, missing));
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(subcommand.options ?? {}))
    values[name] = option.read(input, name);
  const { options: _raw, channels: _channels, ...rest } = input;
  // Each value was read by its own option's reader, so it has the type OptionValues gives it.
  return { ...rest, options: values as OptionValues<Options> };
}
