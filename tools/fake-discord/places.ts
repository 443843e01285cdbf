/**
 * Where a channel route acts, guarded the way Discord guards it: unknown channel 404 (10003), no View Channel 403
 * Missing Access (50001), a missing permission 403 Missing Permissions (50013). A thread (a post in a forum) is
 * reached by its id and follows its forum's permissions.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { channelPermissions, has } from './permissions.js';
import { discordError, type RouteContext, type RouteResult } from './route-kit.js';
import type { ThreadRecord } from './threads.js';
import { type ChannelSpec, findChannel, type GuildSpec } from './world.js';

export interface Place {
  guild: GuildSpec;
  /** The channel whose permissions apply: the channel itself, or a thread's forum. */
  channel: ChannelSpec;
  /** Where its messages are kept: the channel's id, or the thread's. */
  id: string;
  /** Set when the place is a thread. */
  thread?: ThreadRecord;
}

/** The channel or thread with this id, or Discord's 404. */
export function locate(ctx: RouteContext, channelId: string | undefined): Place | RouteResult {
  const id = channelId ?? '';
  const found = findChannel(ctx.world, id);
  if (found) return { ...found, id };
  const thread = ctx.threads.get(id);
  const parent = thread ? findChannel(ctx.world, thread.parentId) : undefined;
  if (thread && parent) return { ...parent, id, thread };
  return discordError(404, 10003, 'Unknown Channel');
}

/** The bot's permissions at the place (a thread's are its forum's). */
export function botBits(ctx: RouteContext, place: Place): bigint {
  return channelPermissions(place.guild, place.channel, ctx.world.bot.id);
}

/** The place if the bot may do this there, else Discord's refusal. */
export function guard(ctx: RouteContext, place: Place, ...needed: bigint[]): Place | RouteResult {
  const bits = botBits(ctx, place);
  if (!has(bits, PermissionFlagsBits.ViewChannel)) return discordError(403, 50001, 'Missing Access');
  if (needed.some((flag) => !has(bits, flag))) return discordError(403, 50013, 'Missing Permissions');
  return place;
}

/** The channel (or thread) if the bot may do this there, else Discord's refusal. */
export function reach(
  ctx: RouteContext,
  channelId: string | undefined,
  ...needed: bigint[]
): Place | RouteResult {
  const place = locate(ctx, channelId);
  return refused(place) ? place : guard(ctx, place, ...needed);
}

export const refused = (value: Place | RouteResult): value is RouteResult => 'status' in value;
