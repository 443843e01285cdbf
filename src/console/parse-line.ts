/**
 * Turns a typed line such as `/briefing party name:Russia section:implications` into the same CommandInput
 * Discord would deliver, checked against the command definitions.
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ChannelOption, CommandInput, OptionValue } from '../commands/types.js';

export const TERMINAL_USER = { id: 'terminal', name: 'you' };
export const TERMINAL_CHANNEL: ChannelOption = {
  id: 'terminal',
  name: 'terminal',
  kind: 'text',
  missingPermissions: [],
};

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

export type ParsedLine = { ok: true; input: CommandInput } | { ok: false; error: string };

function subcommandsOf(definition: Definition): APIApplicationCommandOption[] {
  return (definition.options ?? []).filter(
    (option) => option.type === ApplicationCommandOptionType.Subcommand,
  );
}

function optionsOf(option: APIApplicationCommandOption | undefined): APIApplicationCommandBasicOption[] {
  return option && 'options' in option ? ((option.options ?? []) as APIApplicationCommandBasicOption[]) : [];
}

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

function convert(option: APIApplicationCommandBasicOption, raw: string): OptionValue | string {
  if ('choices' in option && option.choices?.length) {
    const wanted = raw.toLowerCase().replace(/[\s_-]/g, '');
    const choice = option.choices.find(
      (candidate) =>
        String(candidate.value)
          .toLowerCase()
          .replace(/[\s_-]/g, '') === wanted ||
        candidate.name.toLowerCase().replace(/[\s_-]/g, '') === wanted,
    );
    if (!choice)
      return `error:${option.name} must be one of: ${option.choices.map((c) => c.value).join(', ')}`;
    return choice.value;
  }
  if (option.type === ApplicationCommandOptionType.Integer) {
    return /^-?\d+$/.test(raw) ? Number(raw) : `error:${option.name} must be a whole number`;
  }
  if (option.type === ApplicationCommandOptionType.Boolean) {
    if (/^(true|yes|on)$/i.test(raw)) return true;
    if (/^(false|no|off)$/i.test(raw)) return false;
    return `error:${option.name} must be true or false`;
  }
  return raw;
}

export function parseLine(line: string, definitions: readonly Definition[]): ParsedLine {
  const match = /^\/?(\S+)\s*(\S*)\s*(.*)$/s.exec(line.trim());
  const definition = definitions.find((candidate) => candidate.name === match?.[1]?.toLowerCase());
  if (!match || !definition) {
    return {
      ok: false,
      error: `Unknown command. Try: ${definitions.map((d) => `/${d.name}`).join(', ')} (or "help").`,
    };
  }
  const subcommands = subcommandsOf(definition);
  const subcommand = subcommands.find((candidate) => candidate.name === match[2]?.toLowerCase());
  if (!subcommand) {
    return {
      ok: false,
      error: `/${definition.name} needs one of: ${subcommands.map((s) => s.name).join(', ')}`,
    };
  }
  const pairs = splitPairs(match[3] ?? '');
  const options = optionsOf(subcommand);
  if (typeof pairs === 'string') {
    const first = options[0];
    return {
      ok: false,
      error: first
        ? `Write options as name:value, e.g. /${definition.name} ${subcommand.name} ${first.name}:${pairs}`
        : `/${definition.name} ${subcommand.name} takes no text`,
    };
  }
  const input: CommandInput = {
    command: definition.name,
    subcommand: subcommand.name,
    options: {},
    channels: {},
    user: TERMINAL_USER,
    guildId: 'terminal',
    channelId: 'terminal',
    canManageServer: true,
  };
  for (const [name, raw] of pairs) {
    const option = options.find((candidate) => candidate.name === name);
    if (!option) {
      const known = options.map((o) => o.name).join(', ') || 'none';
      return { ok: false, error: `Unknown option "${name}" for ${subcommand.name}. Options: ${known}` };
    }
    if (option.type === ApplicationCommandOptionType.Channel) {
      input.channels[name] = TERMINAL_CHANNEL;
      input.options[name] = TERMINAL_CHANNEL.id;
      continue;
    }
    const value = convert(option, raw);
    if (typeof value === 'string' && value.startsWith('error:')) return { ok: false, error: value.slice(6) };
    input.options[name] = value;
  }
  const missing = options.filter((option) => option.required && input.options[option.name] === undefined);
  if (missing.length) {
    return {
      ok: false,
      error: `Missing ${missing.map((o) => `${o.name}:`).join(' ')} e.g. /${definition.name} ${subcommand.name} ${missing.map((o) => `${o.name}:...`).join(' ')}`,
    };
  }
  return { ok: true, input };
}

/** Every subcommand with its options, for "help". */
export function usageLines(definitions: readonly Definition[]): string[] {
  return definitions.flatMap((definition) =>
    subcommandsOf(definition).map((subcommand) => {
      const options = optionsOf(subcommand)
        .map((option) => (option.required ? `${option.name}:…` : `[${option.name}:…]`))
        .join(' ');
      return `/${definition.name} ${subcommand.name}${options ? ` ${options}` : ''}  ${subcommand.description}`;
    }),
  );
}
