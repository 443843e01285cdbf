/**
 * Discord's permission algorithm: base from roles, then @everyone, role and member overwrites of the channel.
 * Implicit denials (no View Channel means nothing) are left to the checks, as discord.js's permissionsFor does.
 */
import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChannelSpec, GuildSpec } from './world.js';

const ALL = Object.values(PermissionFlagsBits).reduce((bits, flag) => bits | flag, 0n);

function memberRoles(guild: GuildSpec, userId: string): string[] {
  return guild.members.find((member) => member.userId === userId)?.roles ?? [];
}

export function basePermissions(guild: GuildSpec, userId: string): bigint {
  if (guild.ownerId === userId) return ALL;
  const roleIds = new Set([guild.id, ...memberRoles(guild, userId)]);
  const bits = guild.roles
    .filter((role) => roleIds.has(role.id))
    .reduce((acc, role) => acc | BigInt(role.permissions), 0n);
  return bits & PermissionFlagsBits.Administrator ? ALL : bits;
}

export function channelPermissions(guild: GuildSpec, channel: ChannelSpec, userId: string): bigint {
  const base = basePermissions(guild, userId);
  if (base === ALL) return ALL;
  let bits = base;
  const everyone = channel.overwrites.find((o) => o.id === guild.id && o.type === OverwriteType.Role);
  if (everyone) bits = (bits & ~BigInt(everyone.deny)) | BigInt(everyone.allow);

  const roles = new Set(memberRoles(guild, userId));
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of channel.overwrites) {
    if (overwrite.type !== OverwriteType.Role || overwrite.id === guild.id || !roles.has(overwrite.id))
      continue;
    allow |= BigInt(overwrite.allow);
    deny |= BigInt(overwrite.deny);
  }
  bits = (bits & ~deny) | allow;

  const own = channel.overwrites.find((o) => o.id === userId && o.type === OverwriteType.Member);
  if (own) bits = (bits & ~BigInt(own.deny)) | BigInt(own.allow);
  return bits;
}

export function has(bits: bigint, flag: bigint): boolean {
  return (bits & flag) === flag;
}
