/**
 * Command registration: compare what Discord has with what the bot defines and write only when they differ.
 * To one guild when DISCORD_GUILD_ID is set (instant, for development), else globally.
 */
import { Routes } from 'discord.js';
import type {
  APIApplicationCommand,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Logger } from '../log.js';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The REST calls sync needs; discord.js's REST client has them. */
export interface CommandsRest {
  get(route: `/${string}`): Promise<unknown>;
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export interface SyncResult {
  scope: 'guild' | 'global';
  changed: boolean;
  count: number;
}

// Fields Discord fills in with defaults when absent: compared as their defaults so a round trip is "no change".
const OPTION_DEFAULTS: Record<string, unknown> = { required: false, autocomplete: false };

function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return key === 'channel_types' ? [...(items as number[])].sort() : items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      if (inner === undefined || inner === null) continue;
      if (OPTION_DEFAULTS[field] === inner) continue;
      if (Array.isArray(inner) && inner.length === 0) continue;
      out[field] = canonical(inner, field);
    }
    return out;
  }
  return value;
}

/** Only the fields the bot defines matter: ids, versions and server-side extras are ignored. */
function comparable(command: Partial<APIApplicationCommand> | Definition): unknown {
  const {
    name,
    description,
    type = 1,
    options,
    default_member_permissions,
    contexts,
  } = command as Definition;
  return canonical({ name, description, type, options, default_member_permissions, contexts });
}

export function sameCommands(registered: readonly unknown[], wanted: readonly Definition[]): boolean {
  const key = (commands: readonly unknown[]) =>
    JSON.stringify(
      commands
        .map((command) => comparable(command as Definition))
        .sort((a, b) => String((a as Definition).name).localeCompare(String((b as Definition).name))),
    );
  return key(registered) === key(wanted);
}

export async function syncCommands(
  rest: CommandsRest,
  target: { applicationId: string; guildId?: string },
  definitions: readonly Definition[],
  log?: Logger,
): Promise<SyncResult> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const scope = target.guildId ? 'guild' : 'global';
  const registered = (await rest.get(route)) as unknown[];
  if (sameCommands(registered, definitions)) {
    log?.info({ scope, count: definitions.length }, 'commands already up to date');
    return { scope, changed: false, count: definitions.length };
  }
  await rest.put(route, { body: definitions });
  log?.info({ scope, count: definitions.length, guild: target.guildId }, 'commands registered');
  return { scope, changed: true, count: definitions.length };
}
