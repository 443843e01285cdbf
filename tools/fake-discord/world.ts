/**
 * The world the fake describes: one application and its bot user, guilds with roles, channels, permission
 * overwrites and members. Everything the gateway announces and the REST routes check comes from here.
 */
import { ChannelType, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';

export type PermissionName = keyof typeof PermissionFlagsBits;

export interface UserSpec {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
  /** The user does not take direct messages from the bot: a DM to them gets 403 50007. */
  dmsClosed?: boolean;
}

export interface RoleSpec {
  id: string;
  name: string;
  /** Permission bitfield as a decimal string, as Discord sends it. */
  permissions: string;
  position: number;
  /** The role Discord creates for a bot when it joins; tags.bot_id points back at the bot. */
  managedForBot?: string;
  /** Anyone may @mention it (default false). */
  mentionable?: boolean;
}

export interface OverwriteSpec {
  id: string;
  type: OverwriteType;
  allow: string;
  deny: string;
}

export type ChannelKind =
  | ChannelType.GuildText
  | ChannelType.GuildAnnouncement
  | ChannelType.GuildVoice
  | ChannelType.GuildCategory
  | ChannelType.GuildForum
  | ChannelType.GuildMedia;

/** A tag a forum or media channel offers its posts. */
export interface ForumTagSpec {
  id: string;
  name: string;
  /** Only members with Manage Threads may apply it. */
  moderated?: boolean;
}

export interface ChannelSpec {
  id: string;
  name: string;
  type: ChannelKind;
  position: number;
  parentId?: string | null;
  topic?: string | null;
  overwrites: OverwriteSpec[];
  /** Forum and media channels: the tags posts may carry (Discord allows 20). */
  availableTags?: ForumTagSpec[];
}

export interface MemberSpec {
  userId: string;
  roles: string[];
  nick?: string | null;
}

export interface GuildSpec {
  id: string;
  name: string;
  ownerId: string;
  /** Must include the @everyone role, whose id is the guild id. */
  roles: RoleSpec[];
  channels: ChannelSpec[];
  /** Must include the bot's member, or the bot cannot compute its permissions. */
  members: MemberSpec[];
  preferredLocale?: string;
}

export interface WorldSpec {
  application: { id: string; name: string; flags: number };
  bot: UserSpec;
  /** Everyone else who can appear in a guild or invoke a command. */
  users: UserSpec[];
  guilds: GuildSpec[];
}

/** A permission bitfield string from flag names: `permissions('ViewChannel', 'SendMessages')`. */
export function permissions(...names: readonly PermissionName[]): string {
  return names.reduce((bits, name) => bits | PermissionFlagsBits[name], 0n).toString();
}

/** Fixed ids of the default world, so tests can name its channels and people. */
export const DEFAULT_IDS = {
  application: '1190000000000000001',
  bot: '1190000000000000001',
  guild: '1190000000000000100',
  roles: {
    everyone: '1190000000000000100',
    bot: '1190000000000000101',
    editors: '1190000000000000102',
    /** "Writers": a role without Manage Server. */
    writers: '1190000000000000103',
  },
  channels: {
    desk: '1190000000000000200',
    briefings: '1190000000000000201',
    announcements: '1190000000000000202',
    voice: '1190000000000000203',
    /** The bot's role is denied Send Messages here. */
    readOnly: '1190000000000000204',
    /** Only editors can see this one; the bot lacks View Channel. */
    editorsOnly: '1190000000000000205',
    /** A forum channel with the tags in `forumTags`. */
    forumDigests: '1190000000000000206',
    /** A media channel, with no tags. */
    mediaDigests: '1190000000000000207',
  },
  /** The tags of #forum-digests. */
  forumTags: {
    ukraine: '1190000000000000250',
    russia: '1190000000000000251',
    energy: '1190000000000000252',
  },
  users: {
    owner: '1190000000000000300',
    /** Holds the Editors role, which grants Manage Server. */
    manager: '1190000000000000301',
    /** A plain member: no Manage Server. */
    reader: '1190000000000000302',
    /** Holds the Writers role: a role, but no Manage Server. */
    editor: '1190000000000000303',
  },
} as const;

/** What @everyone may do in the default world's guild (and in guilds addGuilds makes). */
export const EVERYONE_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'EmbedLinks',
  'AttachFiles',
  'AddReactions',
  'UseExternalEmojis',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'CreateInstantInvite',
  'ChangeNickname',
  'Connect',
  'Speak',
];

/** What the bot's own role grants it. */
export const BOT_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseExternalEmojis',
  'AddReactions',
];

/**
 * "Briefing Desk": #briefings, #announcements, #voice, #read-only (bot may not send), #editors-only (bot cannot
 * see), #forum-digests (a forum tagged Ukraine, Russia, Energy), #media-digests (a media channel); the owner, a
 * manager (Editors: Manage Server), a reader (no role) and an editor (Writers: no Manage Server).
 */
export function defaultWorld(): WorldSpec {
  const ids = DEFAULT_IDS;
  const text = (
    id: string,
    name: string,
    position: number,
    overwrites: OverwriteSpec[] = [],
  ): ChannelSpec => ({
    id,
    name,
    type: ChannelType.GuildText,
    position,
    parentId: ids.channels.desk,
    topic: null,
    overwrites,
  });
  return {
    application: { id: ids.application, name: 'Briefing Bot', flags: 0 },
    bot: { id: ids.bot, username: 'Briefing Bot', globalName: null, bot: true },
    users: [
      { id: ids.users.owner, username: 'desk-owner', globalName: 'Desk Owner' },
      { id: ids.users.manager, username: 'managing-editor', globalName: 'Managing Editor' },
      { id: ids.users.reader, username: 'reader', globalName: 'Reader' },
      { id: ids.users.editor, username: 'desk-writer', globalName: 'Desk Writer' },
    ],
    guilds: [
      {
        id: ids.guild,
        name: 'Briefing Desk',
        ownerId: ids.users.owner,
        roles: [
          {
            id: ids.roles.everyone,
            name: '@everyone',
            permissions: permissions(...EVERYONE_PERMISSIONS),
            position: 0,
          },
          {
            id: ids.roles.bot,
            name: 'Briefing Bot',
            permissions: permissions(...BOT_PERMISSIONS),
            position: 2,
            managedForBot: ids.bot,
          },
          {
            id: ids.roles.editors,
            name: 'Editors',
            permissions: permissions('ManageGuild', 'ManageChannels', 'ManageMessages'),
            position: 1,
          },
          { id: ids.roles.writers, name: 'Writers', permissions: '0', position: 1 },
        ],
        channels: [
          {
            id: ids.channels.desk,
            name: 'Desk',
            type: ChannelType.GuildCategory,
            position: 0,
            parentId: null,
            overwrites: [],
          },
          text(ids.channels.briefings, 'briefings', 0),
          {
            ...text(ids.channels.announcements, 'announcements', 1),
            type: ChannelType.GuildAnnouncement,
          },
          {
            id: ids.channels.voice,
            name: 'voice',
            type: ChannelType.GuildVoice,
            position: 0,
            parentId: ids.channels.desk,
            overwrites: [],
          },
          text(ids.channels.readOnly, 'read-only', 2, [
            { id: ids.roles.bot, type: OverwriteType.Role, allow: '0', deny: permissions('SendMessages') },
          ]),
          text(ids.channels.editorsOnly, 'editors-only', 3, [
            {
              id: ids.roles.everyone,
              type: OverwriteType.Role,
              allow: '0',
              deny: permissions('ViewChannel'),
            },
            { id: ids.roles.editors, type: OverwriteType.Role, allow: permissions('ViewChannel'), deny: '0' },
          ]),
          {
            ...text(ids.channels.forumDigests, 'forum-digests', 4),
            type: ChannelType.GuildForum,
            availableTags: [
              { id: ids.forumTags.ukraine, name: 'Ukraine' },
              { id: ids.forumTags.russia, name: 'Russia' },
              { id: ids.forumTags.energy, name: 'Energy' },
            ],
          },
          {
            ...text(ids.channels.mediaDigests, 'media-digests', 5),
            type: ChannelType.GuildMedia,
            availableTags: [],
          },
        ],
        members: [
          { userId: ids.bot, roles: [ids.roles.bot] },
          { userId: ids.users.owner, roles: [] },
          { userId: ids.users.manager, roles: [ids.roles.editors] },
          { userId: ids.users.reader, roles: [] },
          { userId: ids.users.editor, roles: [ids.roles.writers] },
        ],
      },
    ],
  };
}

export function findGuild(world: WorldSpec, guildId: string): GuildSpec | undefined {
  return world.guilds.find((guild) => guild.id === guildId);
}

export function findChannel(
  world: WorldSpec,
  channelId: string,
): { guild: GuildSpec; channel: ChannelSpec } | undefined {
  for (const guild of world.guilds) {
    const channel = guild.channels.find((candidate) => candidate.id === channelId);
    if (channel) return { guild, channel };
  }
  return undefined;
}

export function findUser(world: WorldSpec, userId: string): UserSpec | undefined {
  return userId === world.bot.id ? world.bot : world.users.find((user) => user.id === userId);
}
