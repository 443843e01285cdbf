/** What a digest needs to know about a channel, read from discord.js's cache: its kind and the bot's missing permissions. */
import { ChannelType, type GuildBasedChannel, PermissionFlagsBits } from 'discord.js';
import type { ChannelOption } from '../commands/types.js';

/** What a digest needs in a channel, by the names Discord's UI shows. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** What a digest can go without, at a cost: without history, a digest cut off by a crash cannot be checked for. */
const RECOMMENDED = [[PermissionFlagsBits.ReadMessageHistory, 'Read Message History']] as const;

export function describeChannel(channel: GuildBasedChannel): ChannelOption {
  const kind =
    channel.type === ChannelType.GuildText
      ? 'text'
      : channel.type === ChannelType.GuildAnnouncement
        ? 'announcement'
        : 'other';
  const me = channel.guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  const missingPermissions = NEEDED.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
  const missingRecommended = RECOMMENDED.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
  return { id: channel.id, name: channel.name, kind, missingPermissions, missingRecommended };
}
