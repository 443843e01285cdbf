/** Application commands as Discord keeps them: per scope (global or one guild), with ids and versions. */
import type { APIApplicationCommand } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

type Body = Record<string, unknown>;
const GLOBAL = 'global';

export class CommandStore {
  private readonly scopes = new Map<string, APIApplicationCommand[]>();

  constructor(private readonly applicationId: string) {}

  list(guildId: string | null): APIApplicationCommand[] {
    return this.scopes.get(guildId ?? GLOBAL) ?? [];
  }

  /** Bulk overwrite: the new list replaces the old; a command keeps its id when name and type stay the same. */
  overwrite(guildId: string | null, bodies: readonly Body[]): APIApplicationCommand[] {
    const before = this.list(guildId);
    const after = bodies.map((body) => this.toCommand(guildId, body, before));
    this.scopes.set(guildId ?? GLOBAL, after);
    return after;
  }

  /** POST: creates, or updates the command with the same name and type. */
  upsert(guildId: string | null, body: Body): { command: APIApplicationCommand; created: boolean } {
    const before = this.list(guildId);
    const command = this.toCommand(guildId, body, before);
    const created = !before.some((existing) => existing.id === command.id);
    this.scopes.set(guildId ?? GLOBAL, [...before.filter((existing) => existing.id !== command.id), command]);
    return { command, created };
  }

  delete(guildId: string | null, commandId: string): boolean {
    const before = this.list(guildId);
    const after = before.filter((command) => command.id !== commandId);
    this.scopes.set(guildId ?? GLOBAL, after);
    return after.length !== before.length;
  }

  /** The command a user would see in this guild: guild commands shadow global ones of the same name. */
  find(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const inGuild = guildId ? this.list(guildId).find((command) => command.name === name) : undefined;
    return inGuild ?? this.list(null).find((command) => command.name === name);
  }

  private toCommand(
    guildId: string | null,
    body: Body,
    existing: readonly APIApplicationCommand[],
  ): APIApplicationCommand {
    const type = typeof body.type === 'number' ? body.type : 1;
    const same = existing.find((command) => command.name === body.name && command.type === type);
    const permissions = body.default_member_permissions;
    return {
      ...(body as object),
      id: same?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name: String(body.name),
      description: typeof body.description === 'string' ? body.description : '',
      default_member_permissions:
        permissions === undefined || permissions === null ? null : String(permissions as string | number),
      contexts: (body.contexts as APIApplicationCommand['contexts']) ?? null,
      integration_types: (body.integration_types as APIApplicationCommand['integration_types']) ?? [0],
      nsfw: body.nsfw === true,
      ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission !== false }),
    } as APIApplicationCommand;
  }
}
