/**
 * Holds an input to its command's definition before any handler sees it: what Discord enforces for interactions
 * it builds itself (a known subcommand and known options, values of the right type, one of the choices, within
 * the length, the required ones given), checked again for forged interactions and typed lines. Names are looked
 * up in the command's Map and among an option list's own keys, so `toString` or `constructor` is simply unknown.
 */
import { type APIApplicationCommandBasicOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { optionOf, type SlashCommand } from './command.js';
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
  const { name } = command.definition;
  const subcommand = command.subcommands.get(input.subcommand);
  if (!subcommand) {
    const names = [...command.subcommands.keys()].join(', ');
    return `/${name} has no subcommand "${shown(input.subcommand)}". Try one of: ${names}.`;
  }
  const usage = `/${name} ${subcommand.name}`;
  for (const [optionName, value] of Object.entries(input.options)) {
    if (value === undefined) continue;
    const option = optionOf(subcommand, optionName);
    if (!option) {
      const known = Object.keys(subcommand.options ?? {}).join(', ') || 'none';
      return `${usage} has no option "${shown(optionName)}". Its options: ${known}.`;
    }
    const problem = valueProblem(option.json(optionName), value, usage, example);
    if (problem) return problem;
  }
  const missing = missingOptions(subcommand, input);
  return missing.length ? missingProblem(usage, missing) : undefined;
}
