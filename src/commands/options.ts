/**
 * A subcommand's options as data. Each builder gives Discord's JSON for the option and, to the type checker, the
 * type `run` reads it as: a choice option as the union of its values, a channel as a ChannelOption, an option
 * that is not required as `| undefined`. Renaming an option renames the property every handler reads.
 */
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type ChannelType,
} from 'discord-api-types/v10';
import type { Choice } from '../library/library.js';
import type { AttachmentOption, ChannelOption, CommandInput, RoleOption, Services } from './types.js';

/** Suggestions for what the reader is typing into the option (Discord asks as they type). */
export type Completer = (typed: string, services: Services) => Choice[];

export interface OptionSpec<Value = unknown, Required extends boolean = boolean> {
  readonly required?: Required;
  readonly autocomplete?: Completer;
  /** Discord's JSON for the option under this name. */
  json(name: string): APIApplicationCommandBasicOption;
  /** Its value in an input already held to the definition (check-input.ts); undefined when not given. */
  read(input: CommandInput, name: string): Value | undefined;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What `run` reads: each option by its name, typed from its builder. */
export type OptionValues<Options extends OptionSpecs> = {
  readonly [Name in keyof Options]: Options[Name] extends OptionSpec<infer Value, true>
    ? Value
    : Options[Name] extends OptionSpec<infer Value>
      ? Value | undefined
      : never;
};

interface Described<Required extends boolean> {
  description: string;
  required?: Required;
}

/** Keys in the order Discord's JSON has always had them here: the registered commands stay as they are. */
function basic(
  type: ApplicationCommandOptionType,
  name: string,
  spec: Described<boolean> & { autocomplete?: Completer },
  limits: Record<string, unknown> = {},
): APIApplicationCommandBasicOption {
  const json: Record<string, unknown> = { type, name, description: spec.description };
  if (spec.required !== undefined) json.required = spec.required;
  if (spec.autocomplete) json.autocomplete = true;
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) json[key] = value;
  return json as unknown as APIApplicationCommandBasicOption;
}

/** A value typed in: read only from the input's own options, so `toString` is never an option's value. */
function given(input: CommandInput, name: string): unknown {
  return Object.hasOwn(input.options, name) ? input.options[name] : undefined;
}

export function stringOption<Required extends boolean = false>(
  spec: Described<Required> & { autocomplete?: Completer; minLength?: number; maxLength?: number },
): OptionSpec<string, NoInfer<Required>> {
  return {
    required: spec.required,
    autocomplete: spec.autocomplete,
    json: (name) =>
      basic(ApplicationCommandOptionType.String, name, spec, {
        min_length: spec.minLength,
        max_length: spec.maxLength,
      }),
    read: (input, name) => {
      const value = given(input, name);
      return typeof value === 'string' ? value : undefined;
    },
  };
}

/** Text from a fixed list: read as the union of the listed values. */
export function choiceOption<Value extends string, Required extends boolean = false>(
  spec: Described<Required> & { choices: readonly { name: string; value: Value }[] },
): OptionSpec<Value, NoInfer<Required>> {
  const isChoice = (value: unknown): value is Value => spec.choices.some((choice) => choice.value === value);
  return {
    required: spec.required,
    json: (name) =>
      basic(ApplicationCommandOptionType.String, name, spec, {
        choices: spec.choices.map((choice) => ({ name: choice.name, value: choice.value })),
      }),
    read: (input, name) => {
      const value = given(input, name);
      return isChoice(value) ? value : undefined;
    },
  };
}

export function integerOption<Required extends boolean = false>(
  spec: Described<Required> & { minValue?: number; maxValue?: number },
): OptionSpec<number, NoInfer<Required>> {
  return {
    required: spec.required,
    json: (name) =>
      basic(ApplicationCommandOptionType.Integer, name, spec, {
        min_value: spec.minValue,
        max_value: spec.maxValue,
      }),
    read: (input, name) => {
      const value = given(input, name);
      return typeof value === 'number' ? value : undefined;
    },
  };
}

export function booleanOption<Required extends boolean = false>(
  spec: Described<Required>,
): OptionSpec<boolean, NoInfer<Required>> {
  return {
    required: spec.required,
    json: (name) => basic(ApplicationCommandOptionType.Boolean, name, spec),
    read: (input, name) => {
      const value = given(input, name);
      return typeof value === 'boolean' ? value : undefined;
    },
  };
}

/** A channel, as the adapter resolved it (its kind and the bot's missing permissions there). */
export function channelOption<Required extends boolean = false>(
  spec: Described<Required> & { channelTypes: readonly ChannelType[] },
): OptionSpec<ChannelOption, NoInfer<Required>> {
  return {
    required: spec.required,
    json: (name) =>
      basic(ApplicationCommandOptionType.Channel, name, spec, { channel_types: [...spec.channelTypes] }),
    read: (input, name) => (Object.hasOwn(input.channels, name) ? input.channels[name] : undefined),
  };
}

/** A file attached to the command, as the adapter resolved it (name, size, where Discord keeps it). */
export function attachmentOption<Required extends boolean = false>(
  spec: Described<Required>,
): OptionSpec<AttachmentOption, NoInfer<Required>> {
  return {
    required: spec.required,
    json: (name) => basic(ApplicationCommandOptionType.Attachment, name, spec),
    read: (input, name) =>
      input.attachments && Object.hasOwn(input.attachments, name) ? input.attachments[name] : undefined,
  };
}

/** A role of the server, as the adapter resolved it (its name and whether it may be mentioned by anyone). */
export function roleOption<Required extends boolean = false>(
  spec: Described<Required>,
): OptionSpec<RoleOption, NoInfer<Required>> {
  return {
    required: spec.required,
    json: (name) => basic(ApplicationCommandOptionType.Role, name, spec),
    read: (input, name) => (input.roles && Object.hasOwn(input.roles, name) ? input.roles[name] : undefined),
  };
}
