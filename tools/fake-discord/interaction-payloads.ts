/**
 * INTERACTION_CREATE payloads as Discord sends them: chat input commands (with nested subcommand options,
 * resolved channels and attachments), autocomplete, button clicks and modal submits. When the bot has registered
 * the command, options are typed and checked against that definition, so a test cannot send what Discord's client
 * would never let a user send.
 */
import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIMessage,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  ApplicationCommandOptionType as OptionType,
} from 'discord-api-types/v10';
import { apiChannel, apiMember, apiRole, apiUser } from './api-objects.js';
import { type AttachmentInput, type Cdn, isAttachmentInput, type ResolvedAttachment } from './cdn.js';
import type { CommandStore } from './commands-store.js';
import { channelPermissions } from './permissions.js';
import { interactionToken, snowflake } from './snowflake.js';
import {
  type ChannelSpec,
  DEFAULT_IDS,
  findChannel,
  findGuild,
  findUser,
  type GuildSpec,
  type PermissionName,
  permissions as permissionBits,
  type UserSpec,
  type WorldSpec,
} from './world.js';

/**
 * An option value: strings, numbers and booleans as typed; `{ channel: id }` for a channel option; `{ role: id }`
 * for a role option (a role of the invoking guild); `{ filename, content, contentType?, size?, hang? }` for an
 * attachment option (served by the fake's CDN).
 */
export type OptionInput =
  | string
  | number
  | boolean
  | { channel: string }
  | { role: string }
  | AttachmentInput;
export type PermissionsInput = bigint | string | readonly PermissionName[];

export interface InvokeOptions {
  /** A user id from the world, or a user; default: the default world's reader (no Manage Server). */
  user?: string | UserSpec;
  /** Default: the channel's guild, else the first guild. `null` invokes from a DM with the bot. */
  guildId?: string | null;
  /** Default: the guild's first text channel. */
  channelId?: string;
  /** The invoker's permissions in the channel (`member.permissions`); default: computed from the world. */
  permissions?: PermissionsInput;
  /** The bot's permissions in the channel (`app_permissions`); default: computed from the world. */
  appPermissions?: PermissionsInput;
  locale?: string;
  /**
   * Who installed the command: the server (default) or the invoking user (a user install; the command must be
   * registered with `integration_types` including 1).
   */
  installedBy?: 'guild' | 'user';
  /**
   * Where a user-installed command runs outside the world's guilds: `foreign-guild`, a server the bot is not in
   * (`permissions` are the member's there; default View Channel, Send Messages, Use External Apps), or
   * `private-channel`, a DM or group DM between users (context 2).
   */
  elsewhere?: 'foreign-guild' | 'private-channel';
}

export interface PayloadSources {
  world: WorldSpec;
  commands: CommandStore;
  /** Where attachment options keep their bytes. */
  cdn?: Cdn;
}

const DM_APP_PERMISSIONS = permissionBits(
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
);

function toBits(input: PermissionsInput): string {
  if (typeof input === 'bigint') return input.toString();
  if (typeof input === 'string') return input;
  return permissionBits(...input);
}

function resolveUser(world: WorldSpec, user: InvokeOptions['user']): UserSpec {
  if (typeof user === 'object') return user;
  const id =
    user ?? (findUser(world, DEFAULT_IDS.users.reader) ? DEFAULT_IDS.users.reader : world.users[0]?.id);
  if (!id) throw new Error('the world has no users to invoke commands as; pass { user }');
  return findUser(world, id) ?? { id, username: `user-${id.slice(-4)}` };
}

interface Place {
  guild: GuildSpec | undefined;
  channel: ChannelSpec | undefined;
  channelId: string;
}

const dmChannels = new Map<string, string>();

function resolvePlace(world: WorldSpec, invoke: InvokeOptions, user: UserSpec): Place {
  if (invoke.guildId === null) {
    const channelId = invoke.channelId ?? dmChannels.get(user.id) ?? snowflake();
    dmChannels.set(user.id, channelId);
    return { guild: undefined, channel: undefined, channelId };
  }
  const found = invoke.channelId ? findChannel(world, invoke.channelId) : undefined;
  if (invoke.channelId && !found) throw new Error(`no channel ${invoke.channelId} in the world`);
  const guild = found?.guild ?? findGuild(world, invoke.guildId ?? world.guilds[0]?.id ?? '');
  if (!guild) throw new Error(`no guild ${invoke.guildId ?? ''} in the world`);
  const channel =
    found?.channel ?? guild.channels.find((candidate) => candidate.type === ChannelType.GuildText);
  if (!channel) throw new Error(`guild ${guild.id} has no text channel to invoke from; pass { channelId }`);
  return { guild, channel, channelId: channel.id };
}

/** Everything every interaction carries: who, where, with which permissions. */
function basePayload(
  sources: PayloadSources,
  invoke: InvokeOptions,
  type: InteractionType,
): Record<string, unknown> {
  const { world } = sources;
  const user = resolveUser(world, invoke.user);
  const id = snowflake();
  if (invoke.elsewhere) return elsewherePayload(world, invoke, user, id, type);
  const { guild, channel, channelId } = resolvePlace(world, invoke, user);
  const common = commonFields(invoke, id, type, world.application.id);
  if (!guild || !channel) {
    return {
      ...common,
      channel: {
        id: channelId,
        type: ChannelType.DM,
        flags: 0,
        last_message_id: null,
        recipients: [apiUser(user)],
      },
      channel_id: channelId,
      user: apiUser(user),
      app_permissions: invoke.appPermissions ? toBits(invoke.appPermissions) : DM_APP_PERMISSIONS,
      // "0" stands for the bot's DM when the app is installed to a guild.
      authorizing_integration_owners: invoke.installedBy === 'user' ? { '1': user.id } : { '0': '0' },
      context: InteractionContextType.BotDM,
    };
  }
  const member = guild.members.find((candidate) => candidate.userId === user.id) ?? {
    userId: user.id,
    roles: [],
  };
  const memberPermissions = invoke.permissions
    ? toBits(invoke.permissions)
    : channelPermissions(guild, channel, user.id).toString();
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale ?? 'en-US', features: [] },
    guild_locale: guild.preferredLocale ?? 'en-US',
    channel: { ...apiChannel(guild, channel), permissions: memberPermissions },
    channel_id: channel.id,
    member: { ...apiMember(world, member), user: apiUser(user), permissions: memberPermissions },
    app_permissions: invoke.appPermissions
      ? toBits(invoke.appPermissions)
      : channelPermissions(guild, channel, world.bot.id).toString(),
    authorizing_integration_owners: invoke.installedBy === 'user' ? { '1': user.id } : { '0': guild.id },
    context: InteractionContextType.Guild,
  };
}

/** What every interaction carries, apart from where it happens. */
function commonFields(invoke: InvokeOptions, id: string, type: InteractionType, applicationId: string) {
  return {
    id,
    application_id: applicationId,
    type,
    token: interactionToken(id),
    version: 1,
    locale: invoke.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** A user-installed command run where the bot is not: a server without it, or a DM or group DM between users. */
function elsewherePayload(
  world: WorldSpec,
  invoke: InvokeOptions,
  user: UserSpec,
  id: string,
  type: InteractionType,
): Record<string, unknown> {
  if (invoke.installedBy !== 'user')
    throw new Error(`only a user-installed command runs in a ${invoke.elsewhere}`);
  const common = commonFields(invoke, id, type, world.application.id);
  // What a user-installed app may do in a channel it is not a member of: answer the interaction.
  const appPermissions = invoke.appPermissions
    ? toBits(invoke.appPermissions)
    : permissionBits(
        'ViewChannel',
        'SendMessages',
        'EmbedLinks',
        'AttachFiles',
        'UseExternalEmojis',
      ).toString();
  const channelId = invoke.channelId ?? snowflake();
  if (invoke.elsewhere === 'private-channel') {
    const friend = { id: snowflake(), username: 'a-friend' };
    return {
      ...common,
      channel: { id: channelId, type: ChannelType.GroupDM, flags: 0, recipients: [apiUser(user), friend] },
      channel_id: channelId,
      user: apiUser(user),
      app_permissions: appPermissions,
      authorizing_integration_owners: { '1': user.id },
      context: InteractionContextType.PrivateChannel,
    };
  }
  const guildId = invoke.guildId ?? snowflake();
  const permissions = invoke.permissions
    ? toBits(invoke.permissions)
    : permissionBits('ViewChannel', 'SendMessages', 'UseExternalApps').toString();
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel: { id: channelId, type: ChannelType.GuildText, guild_id: guildId, name: 'general', permissions },
    channel_id: channelId,
    member: {
      user: apiUser(user),
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions,
    },
    app_permissions: appPermissions,
    authorizing_integration_owners: { '1': user.id },
    context: InteractionContextType.Guild,
  };
}

function inferType(value: OptionInput): OptionType {
  if (isAttachmentInput(value)) return OptionType.Attachment;
  if (typeof value === 'object' && 'role' in value) return OptionType.Role;
  if (typeof value === 'object') return OptionType.Channel;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

interface BuiltOptions {
  options: Record<string, unknown>[];
  resolvedChannels: Record<string, unknown>;
  resolvedAttachments: Record<string, ResolvedAttachment>;
  resolvedRoles: Record<string, unknown>;
}

interface BuildRequest {
  sources: PayloadSources;
  payload: Record<string, unknown>;
  label: string;
  definitions: readonly APIApplicationCommandOption[] | undefined;
  values: Record<string, OptionInput>;
  focused?: string;
}

function buildLeafOptions(request: BuildRequest): BuiltOptions {
  const { sources, payload, label, definitions, values, focused } = request;
  const resolvedChannels: Record<string, unknown> = {};
  const resolvedAttachments: Record<string, ResolvedAttachment> = {};
  const resolvedRoles: Record<string, unknown> = {};
  const options = Object.entries(values).map(([name, value]) => {
    const definition = definitions?.find((option) => option.name === name);
    if (definitions && !definition) {
      throw new Error(
        `${label} has no option "${name}" (it has: ${definitions.map((o) => o.name).join(', ') || 'none'})`,
      );
    }
    const type = definition?.type ?? inferType(value);
    const isFocused = name === focused;
    if (type === OptionType.Attachment) {
      if (!isAttachmentInput(value)) {
        throw new Error(
          `${label}: option "${name}" wants an attachment { filename, content }, got ${describe(value)}`,
        );
      }
      if (!sources.cdn) throw new Error(`${label}: attachment options need the fake's CDN`);
      const attachment = sources.cdn.add(String(payload.channel_id), value);
      resolvedAttachments[attachment.id] = attachment;
      return { name, type, value: attachment.id, ...(isFocused ? { focused: true } : {}) };
    }
    if (isAttachmentInput(value)) {
      throw new Error(`${label}: option "${name}" has type ${type}; only an attachment option takes a file`);
    }
    if (type === OptionType.Role) {
      const roleId = typeof value === 'object' && 'role' in value ? value.role : String(value);
      const guild = findGuild(sources.world, String(payload.guild_id ?? ''));
      const role = guild?.roles.find((candidate) => candidate.id === roleId);
      if (!role) throw new Error(`${label}: option "${name}" names role ${roleId}, not one of this server's`);
      resolvedRoles[roleId] = apiRole(role);
      return { name, type, value: roleId, ...(isFocused ? { focused: true } : {}) };
    }
    if (typeof value === 'object' && 'role' in value) {
      throw new Error(`${label}: option "${name}" has type ${type}; only a role option takes { role }`);
    }
    if (type === OptionType.Channel) {
      const channelId = typeof value === 'object' ? value.channel : String(value);
      const found = findChannel(sources.world, channelId);
      if (!found) throw new Error(`${label}: option "${name}" names unknown channel ${channelId}`);
      const allowed = definition && 'channel_types' in definition ? definition.channel_types : undefined;
      if (allowed && !allowed.includes(found.channel.type as never)) {
        throw new Error(`${label}: option "${name}" does not accept channel type ${found.channel.type}`);
      }
      const userId = (payload.member as { user: { id: string } } | undefined)?.user.id ?? '';
      resolvedChannels[channelId] = {
        ...apiChannel(found.guild, found.channel),
        permissions: channelPermissions(found.guild, found.channel, userId).toString(),
      };
      return { name, type, value: channelId, ...(isFocused ? { focused: true } : {}) };
    }
    if (isFocused) return { name, type, value: String(value), focused: true };
    checkValue(label, name, type, value, definition);
    return { name, type, value };
  });
  if (definitions && focused === undefined) {
    const missing = definitions.filter(
      (option) => 'required' in option && option.required && !(option.name in values),
    );
    if (missing.length > 0)
      throw new Error(`${label}: required option(s) missing: ${missing.map((o) => o.name).join(', ')}`);
  }
  return { options, resolvedChannels, resolvedAttachments, resolvedRoles };
}

/** A value for an error message: short, and never a file's bytes. */
function describe(value: OptionInput): string {
  if (isAttachmentInput(value)) return `a file "${value.filename}"`;
  return JSON.stringify(value);
}

function checkValue(
  label: string,
  name: string,
  type: OptionType,
  value: OptionInput,
  definition: APIApplicationCommandOption | undefined,
): void {
  const expected: Partial<Record<OptionType, string>> = {
    [OptionType.String]: 'string',
    [OptionType.Integer]: 'number',
    [OptionType.Number]: 'number',
    [OptionType.Boolean]: 'boolean',
  };
  if (!expected[type])
    throw new Error(`${label}: option "${name}" has type ${type}, which the fake cannot fill`);
  if (typeof value !== expected[type] || (type === OptionType.Integer && !Number.isInteger(value))) {
    throw new Error(`${label}: option "${name}" wants type ${type}, got ${describe(value)}`);
  }
  const choices = definition && 'choices' in definition ? definition.choices : undefined;
  if (choices && choices.length > 0 && !choices.some((choice) => choice.value === value)) {
    throw new Error(
      `${label}: option "${name}" must be one of ${choices.map((c) => JSON.stringify(c.value)).join(', ')}`,
    );
  }
}

const CONTEXT_NAMES = ['a server', 'a DM with the bot', 'a DM or group DM between users'];

/**
 * Discord offers a global command only where its registration says: in its `contexts` (default: all), and for
 * the installation that authorised it (`integration_types`, default: a server install). A client never sends
 * anything else, so a test that tries is told so.
 */
function checkOffered(command: APIApplicationCommand, payload: Record<string, unknown>, label: string): void {
  const context = payload.context as InteractionContextType;
  const owners = payload.authorizing_integration_owners as Record<string, string>;
  const installation =
    '1' in owners ? ApplicationIntegrationType.UserInstall : ApplicationIntegrationType.GuildInstall;
  if (command.contexts && !command.contexts.includes(context))
    throw new Error(
      `${label}: the command is not registered for ${CONTEXT_NAMES[context]} (contexts ${JSON.stringify(command.contexts)})`,
    );
  if (!(command.integration_types ?? [ApplicationIntegrationType.GuildInstall]).includes(installation))
    throw new Error(
      `${label}: the command is not registered for a ${installation ? 'user' : 'server'} install (integration_types ${JSON.stringify(command.integration_types)})`,
    );
}

/** `"briefing party"` -> the command, the subcommand path, and the leaf option definitions if registered. */
function commandData(
  sources: PayloadSources,
  payload: Record<string, unknown>,
  fullName: string,
  values: Record<string, OptionInput>,
  focused?: string,
): Record<string, unknown> {
  const [commandName = '', ...path] = fullName.trim().split(/\s+/);
  const label = `/${fullName.trim()}`;
  const guildId = (payload.guild_id as string | undefined) ?? null;
  const registered = sources.commands.find(commandName, guildId);
  if (registered && !registered.guild_id) checkOffered(registered, payload, label);
  let definitions: readonly APIApplicationCommandOption[] | undefined = registered
    ? (registered.options ?? [])
    : undefined;
  for (const step of path) {
    const sub = definitions?.find(
      (option) =>
        option.name === step &&
        (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup),
    );
    if (definitions && !sub) throw new Error(`${label}: /${commandName} has no subcommand "${step}"`);
    definitions = sub && 'options' in sub ? (sub.options ?? []) : definitions ? [] : undefined;
  }
  if (
    definitions?.some(
      (option) => option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup,
    )
  ) {
    throw new Error(`${label}: name a subcommand (${definitions.map((o) => o.name).join(', ')})`);
  }
  const built = buildLeafOptions({ sources, payload, label, definitions, values, focused });
  // Wrap the leaf options in their subcommand (and group), innermost first.
  let options: Record<string, unknown>[] = built.options;
  const types =
    path.length === 2 ? [OptionType.SubcommandGroup, OptionType.Subcommand] : [OptionType.Subcommand];
  for (let i = path.length - 1; i >= 0; i -= 1) {
    options = [{ name: path[i], type: types[i], options }];
  }
  const resolved = resolvedData(built);
  return {
    id: registered?.id ?? snowflake(),
    name: commandName,
    type: ApplicationCommandType.ChatInput,
    ...(options.length > 0 ? { options } : {}),
    ...(resolved ? { resolved } : {}),
    ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
  };
}

function resolvedData(built: BuiltOptions): Record<string, unknown> | undefined {
  const resolved = {
    ...(Object.keys(built.resolvedChannels).length > 0 ? { channels: built.resolvedChannels } : {}),
    ...(Object.keys(built.resolvedAttachments).length > 0 ? { attachments: built.resolvedAttachments } : {}),
    ...(Object.keys(built.resolvedRoles).length > 0 ? { roles: built.resolvedRoles } : {}),
  };
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}

export function chatInputPayload(
  sources: PayloadSources,
  name: string,
  values: Record<string, OptionInput>,
  invoke: InvokeOptions,
): APIInteraction {
  const payload = basePayload(sources, invoke, InteractionType.ApplicationCommand);
  return { ...payload, data: commandData(sources, payload, name, values) } as unknown as APIInteraction;
}

export function autocompletePayload(
  sources: PayloadSources,
  name: string,
  values: Record<string, OptionInput>,
  focused: string,
  invoke: InvokeOptions,
): APIInteraction {
  if (!(focused in values)) throw new Error(`/${name}: the focused option "${focused}" has no value`);
  const payload = basePayload(sources, invoke, InteractionType.ApplicationCommandAutocomplete);
  return {
    ...payload,
    data: commandData(sources, payload, name, values, focused),
  } as unknown as APIInteraction;
}

function findComponent(components: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components as (Record<string, unknown> | undefined)[]) {
    if (!component) continue;
    if (component.custom_id === customId) return component;
    const inner =
      findComponent(component.components, customId) ?? findComponent([component.accessory], customId);
    if (inner) return inner;
  }
  return undefined;
}

export function buttonPayload(
  sources: PayloadSources,
  customId: string,
  message: APIMessage,
  invoke: InvokeOptions,
): APIInteraction {
  const button = findComponent(message.components, customId);
  if (!button || button.type !== ComponentType.Button) {
    throw new Error(`message ${message.id} has no button with custom_id "${customId}"`);
  }
  if (button.disabled === true)
    throw new Error(`button "${customId}" is disabled; Discord would not send a click`);
  const inGuild = findChannel(sources.world, message.channel_id);
  const payload = basePayload(
    sources,
    { ...invoke, channelId: message.channel_id, guildId: inGuild ? inGuild.guild.id : null },
    InteractionType.MessageComponent,
  );
  return {
    ...payload,
    // A copy: later edits of the message must not rewrite what this click carried.
    message: structuredClone(message),
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as unknown as APIInteraction;
}

/**
 * A modal submit: the submission data (see modals.ts) from the invoker of the interaction that opened the
 * modal, with the message the modal was opened from, when it was opened from a message component.
 */
export function modalSubmitPayload(
  sources: PayloadSources,
  data: Record<string, unknown>,
  message: APIMessage | undefined,
  invoke: InvokeOptions,
): APIInteraction {
  const payload = basePayload(sources, invoke, InteractionType.ModalSubmit);
  return { ...payload, ...(message ? { message } : {}), data } as unknown as APIInteraction;
}
