/**
 * A channel described as describeChannel describes it, but read over REST: for a channel of a guild another shard
 * holds, which this process's gateway cache never sees (a digest goes out from whichever process runs it). It
 * costs three or four requests, so it is asked only after Discord refused a send, to name what the bot lacks.
 */
import { ChannelType, PermissionFlagsBits, PermissionsBitField, type REST, Routes } from 'discord.js';
import {
  type APIChannel,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  OverwriteType,
} from 'discord-api-types/v10';
import type { ChannelOption } from '../commands/types.js';
import { channelOption } from './channels.js';

export interface ChannelOverRest {
  /** The channel whose permissions apply: the channel itself, or a post's forum. */
  option: ChannelOption;
  /** The channel is a post in a forum or media channel. */
  inPost: boolean;
}

const THREADS = new Set<ChannelType>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);
const FORUMS = new Set<ChannelType>([ChannelType.GuildForum, ChannelType.GuildMedia]);

/** Discord's algorithm: the roles' permissions, then @everyone's, the roles' and the member's own overwrites. */
export function memberPermissions(
  guildId: string,
  roles: readonly APIRole[],
  member: { userId: string; roleIds: readonly string[] },
  overwrites: readonly APIOverwrite[],
): bigint {
  const held = new Set([guildId, ...member.roleIds]);
  const base = roles
    .filter((role) => held.has(role.id))
    .reduce((bits, role) => bits | BigInt(role.permissions), 0n);
  if (base & PermissionFlagsBits.Administrator) return PermissionsBitField.All;
  const apply = (bits: bigint, overwrite: Pick<APIOverwrite, 'allow' | 'deny'>) =>
    (bits & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
  const everyone = overwrites.find((o) => o.type === OverwriteType.Role && o.id === guildId);
  let bits = everyone ? apply(base, everyone) : base;
  const ofRoles = overwrites
    .filter((o) => o.type === OverwriteType.Role && o.id !== guildId && held.has(o.id))
    .reduce((sum, o) => ({ allow: sum.allow | BigInt(o.allow), deny: sum.deny | BigInt(o.deny) }), {
      allow: 0n,
      deny: 0n,
    });
  bits = apply(bits, { allow: ofRoles.allow.toString(), deny: ofRoles.deny.toString() });
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.userId);
  return own ? apply(bits, own) : bits;
}

/** The channel (a post's forum for a post) and the bot's permissions there; undefined when Discord will not say. */
export async function describeChannelOverRest(
  rest: REST,
  channelId: string,
  botId: string,
): Promise<ChannelOverRest | undefined> {
  try {
    const asked = (await rest.get(Routes.channel(channelId))) as APIChannel;
    const inThread = THREADS.has(asked.type) && 'parent_id' in asked && Boolean(asked.parent_id);
    const channel =
      inThread && 'parent_id' in asked && asked.parent_id
        ? ((await rest.get(Routes.channel(asked.parent_id))) as APIChannel)
        : asked;
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    if (!guildId) return undefined;
    const [roles, member] = (await Promise.all([
      rest.get(Routes.guildRoles(guildId)),
      rest.get(Routes.guildMember(guildId, botId)),
    ])) as [APIRole[], APIGuildMember];
    const overwrites = 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []) : [];
    const bits = memberPermissions(guildId, roles, { userId: botId, roleIds: member.roles }, overwrites);
    const option = channelOption(
      { id: channel.id, name: channel.name ?? channel.id, type: channel.type },
      new PermissionsBitField(bits),
    );
    return { option, inPost: inThread && FORUMS.has(channel.type) };
  } catch {
    // Refused or unreachable: the caller names what the call needs instead.
    return undefined;
  }
}
