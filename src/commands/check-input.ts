/**
 * Holds an input to its command's definition before any handler sees it: what Discord enforces for interactions
 * it builds itself (a known subcommand and known options, values of the right type, one of the choices, within
 * the length), checked again for forged interactions and typed lines. Names are compared in the definition's
 * lists, never looked up as keys of an object, so `toString` or `constructor` is simply unknown.
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { SlashCommand } from './command.js';
import { missingOptions, missingProblem } from './subcommand.js';
import type { CommandInput, OptionValue } from './types.js';

/** How an answer shows an example of typing an option: `/briefing party name:Russia` unless told otherwise. */
export type ExampleOf = (usage: string, option: string, value: string) => string;

const slashExample: ExampleOf = (usage, option, value) => `${usage} ${option}:${value}`;

/** What of a typed name or value an answer repeats: enough to recognise it, never a wall of text. */
const SHOWN = 40;

function shown(text: string): string {
  return text.length <= SHOWN ? text : `${text.slice(0, SHOWN - 1)}…`;
}

function optionsOf(option: APIApplicationCommandOption | undefined): APIApplicationCommandBasicOption[] {
  return option && 'options' in option ? ((option.options ?? []) as APIApplicationCommandBasicOption[]) : [];
}

/** The example in an option's description (`e.g. Russia, Zelenskyy` -> `Russia`). */
function exampleOf(option: APIApplicationCommandBasicOption): string | undefined {
  return /e\.g\. ([^,()]+)/.exec(option.description)?.[1]?.trim();
}

function typeProblem(option: APIApplicationCommandBasicOption, value: OptionValue): string | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return Number.isInteger(value) ? undefined : `${option.name} must be a whole number.`;
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `${option.name} must be a number.`;
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? undefined : `${option.name} must be true or false.`;
    default:
      return typeof value === 'string' ? undefined : `${option.name} must be text.`;
  }
}

function valueProblem(
  option: APIApplicationCommandBasicOption,
  value: OptionValue,
  usage: string,
  example: ExampleOf,
): string | undefined {
  const wrongType = typeProblem(option, value);
  if (wrongType) return wrongType;
  if ('choices' in option && option.choices?.length) {
    if (option.choices.some((choice) => choice.value === value)) return undefined;
    return `${option.name} must be one of: ${option.choices.map((choice) => choice.value).join(', ')}.`;
  }
  if (typeof value === 'string' && 'max_length' in option && option.max_length !== undefined) {
    if (value.length <= option.max_length) return undefined;
    const sample = exampleOf(option);
    const instead = sample
      ? `Type a shorter one, e.g. ${example(usage, option.name, sample)}`
      : `Type a shorter one (${option.description.toLowerCase()}).`;
    return `The ${option.name} option takes at most ${option.max_length} characters; this one has ${value.length.toLocaleString('en-US')}. ${instead}`;
  }
  return undefined;
}

/**
 * Why the input does not fit the command's definition, as an answer saying what to type instead (its examples
 * written by `example`); undefined if it fits.
 */
export function inputProblem(
  command: SlashCommand,
  input: CommandInput,
  example: ExampleOf = slashExample,
): string | undefined {
  const { definition } = command;
  const top = definition.options ?? [];
  const subcommands = top.filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
  let options: APIApplicationCommandBasicOption[];
  let usage = `/${definition.name}`;
  if (subcommands.length) {
    const subcommand = subcommands.find((candidate) => candidate.name === input.subcommand);
    if (!subcommand) {
      const names = subcommands.map((candidate) => candidate.name).join(', ');
      return `/${definition.name} has no subcommand "${shown(input.subcommand)}". Try one of: ${names}.`;
    }
    options = optionsOf(subcommand);
    usage += ` ${subcommand.name}`;
  } else options = top as APIApplicationCommandBasicOption[];
  for (const [name, value] of Object.entries(input.options)) {
    if (value === undefined) continue;
    const option = options.find((candidate) => candidate.name === name);
    if (!option) {
      const known = options.map((candidate) => candidate.name).join(', ') || 'none';
      return `${usage} has no option "${shown(name)}". Its options: ${known}.`;
    }
    const problem = valueProblem(option, value, usage, example);
    if (problem) return problem;
  }
  const subcommand = command.subcommands.get(input.subcommand);
  const missing = subcommand ? missingOptions(subcommand, input) : [];
  return missing.length ? missingProblem(usage, missing) : undefined;
}
