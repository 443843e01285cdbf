/**
 * What a digest needs to know about a channel: its kind and the bot's missing permissions, read from discord.js's
 * cache (describeChannel) or from permissions worked out elsewhere (channelOption).
 */
import {
  ChannelType,
  type GuildBasedChannel,
  PermissionFlagsBits,
  type PermissionsBitField,
} from 'discord.js';
import type { ChannelOption } from '../commands/types.js';

type Needs = readonly (readonly [bigint, string])[];

/** What a digest needs in a channel, by the names Discord's UI shows. */
const NEEDED: Needs = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/**
 * In a forum or media channel, by the names its permission screen shows: Send Messages is "Create Posts" there, and
 * a digest of several messages goes on inside its post.
 */
const NEEDED_IN_FORUM: Needs = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Create Posts'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Posts'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/**
 * What a digest can go without, at a cost: without history, a digest cut off by a crash cannot be checked for (in
 * a forum: its post cannot be looked for).
 */
const RECOMMENDED: Needs = [[PermissionFlagsBits.ReadMessageHistory, 'Read Message History']];

function kindOf(type: ChannelType): ChannelOption['kind'] {
  switch (type) {
    case ChannelType.GuildText:
      return 'text';
    case ChannelType.GuildAnnouncement:
      return 'announcement';
    case ChannelType.GuildForum:
      return 'forum';
    case ChannelType.GuildMedia:
      return 'media';
    default:
      return 'other';
  }
}

/** Forum and media channels take a digest as a new post (a thread) rather than as messages. */
export function isForumKind(kind: ChannelOption['kind']): boolean {
  return kind === 'forum' || kind === 'media';
}

/** A channel and the bot's permissions there (null: unknown, so every need is missing). */
export function channelOption(
  channel: { id: string; name: string; type: ChannelType },
  permissions: Readonly<PermissionsBitField> | null,
): ChannelOption {
  const kind = kindOf(channel.type);
  const lacking = (needs: Needs) => needs.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
  const missingPermissions = lacking(isForumKind(kind) ? NEEDED_IN_FORUM : NEEDED);
  const missingRecommended = lacking(RECOMMENDED);
  return { id: channel.id, name: channel.name, kind, missingPermissions, missingRecommended };
}

/** A channel of a guild this shard holds, from the gateway's cache. */
export function describeChannel(channel: GuildBasedChannel): ChannelOption {
  const me = channel.guild.members.me;
  return channelOption(channel, me ? channel.permissionsFor(me) : null);
}
