/**
 * Turns a typed line such as `/briefing party name:Russia section:implications` into the same CommandInput
 * Discord would deliver, read against the subcommand modules: their names, their options and those required.
 */
import { type APIApplicationCommandBasicOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { optionOf, type SlashCommand } from '../commands/command.js';
import { missingOptions, missingProblem } from '../commands/subcommand.js';
import type { CommandInput, OptionValue } from '../commands/types.js';
import { TERMINAL_CHANNEL, terminalInput } from './terminal.js';

export type ParsedLine = { ok: true; input: CommandInput } | { ok: false; error: string };

/** `name:value` pairs; a value runs until the next `word:` so it may hold spaces. */
function splitPairs(text: string): Map<string, string> | string {
  const pairs = new Map<string, string>();
  const pattern = /([a-z][\w-]*):/gi;
  const marks = [...text.matchAll(pattern)].filter(
    (match) => match.index === 0 || /\s/.test(text[match.index - 1] ?? ''),
  );
  const lead = text.slice(0, marks[0]?.index ?? text.length).trim();
  if (lead) return lead;
  marks.forEach((mark, index) => {
    const start = mark.index + mark[0].length;
    const end = marks[index + 1]?.index ?? text.length;
    pairs.set(mark[1]!.toLowerCase(), text.slice(start, end).trim());
  });
  return pairs;
}

const loosely = (text: string) => text.toLowerCase().replace(/[\s_-]/g, '');

/** A typed value as the option's type: a choice by its value or its label, a whole number, yes or no. */
function convert(
  option: APIApplicationCommandBasicOption,
  raw: string,
): { value: OptionValue } | { error: string } {
  if ('choices' in option && option.choices?.length) {
    const choice = option.choices.find(
      (candidate) =>
        loosely(String(candidate.value)) === loosely(raw) || loosely(candidate.name) === loosely(raw),
    );
    if (!choice)
      return { error: `${option.name} must be one of: ${option.choices.map((c) => c.value).join(', ')}` };
    return { value: choice.value };
  }
  if (option.type === ApplicationCommandOptionType.Integer) {
    return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: `${option.name} must be a whole number` };
  }
  if (option.type === ApplicationCommandOptionType.Boolean) {
    if (/^(true|yes|on)$/i.test(raw)) return { value: true };
    if (/^(false|no|off)$/i.test(raw)) return { value: false };
    return { error: `${option.name} must be true or false` };
  }
  return { value: raw };
}

export function parseLine(line: string, commands: readonly SlashCommand[]): ParsedLine {
  const match = /^\/?(\S+)\s*(\S*)\s*(.*)$/s.exec(line.trim());
  const command = commands.find((candidate) => candidate.definition.name === match?.[1]?.toLowerCase());
  if (!match || !command) {
    const names = commands.map((candidate) => `/${candidate.definition.name}`).join(', ');
    return { ok: false, error: `Unknown command. Try: ${names} (or "help").` };
  }
  const name = command.definition.name;
  const subcommand = command.subcommands.get(match[2]?.toLowerCase() ?? '');
  if (!subcommand) {
    return { ok: false, error: `/${name} needs one of: ${[...command.subcommands.keys()].join(', ')}` };
  }
  const usage = `/${name} ${subcommand.name}`;
  const declared = Object.keys(subcommand.options ?? {});
  const pairs = splitPairs(match[3] ?? '');
  if (typeof pairs === 'string') {
    const first = declared[0];
    return {
      ok: false,
      error: first
        ? `Write options as name:value, e.g. ${usage} ${first}:${pairs}`
        : `${usage} takes no text`,
    };
  }
  const input = terminalInput(name, subcommand.name);
  for (const [optionName, raw] of pairs) {
    const option = optionOf(subcommand, optionName);
    if (!option) {
      const known = declared.join(', ') || 'none';
      return { ok: false, error: `Unknown option "${optionName}" for ${subcommand.name}. Options: ${known}` };
    }
    const json = option.json(optionName);
    if (json.type === ApplicationCommandOptionType.Attachment) {
      return {
        ok: false,
        error: `The terminal takes no attachments: run ${usage} without ${optionName}: and paste the text, or save a file with \`npm run briefings -- import FILE --write\`.`,
      };
    }
    if (json.type === ApplicationCommandOptionType.Role) {
      return {
        ok: false,
        error: `The terminal has no roles to mention: run ${usage} without ${optionName}:.`,
      };
    }
    if (json.type === ApplicationCommandOptionType.Channel) {
      input.channels[optionName] = TERMINAL_CHANNEL;
      input.options[optionName] = TERMINAL_CHANNEL.id;
      continue;
    }
    const converted = convert(json, raw);
    if ('error' in converted) return { ok: false, error: converted.error };
    input.options[optionName] = converted.value;
  }
  const missing = missingOptions(subcommand, input);
  if (missing.length) return { ok: false, error: missingProblem(usage, missing) };
  return { ok: true, input };
}
