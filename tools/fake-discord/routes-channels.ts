/**
 * Channels and their messages, guarded the way Discord guards them: unknown channel 404 (10003), no View Channel
 * 403 Missing Access (50001), a missing permission 403 Missing Permissions (50013).
 */
import { type APIMessage, ChannelType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { apiChannel, apiUser } from './api-objects.js';
import { channelPermissions, has } from './permissions.js';
import {
  discordError,
  invalidFormBody,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './route-kit.js';
import { type ChannelSpec, findChannel, type GuildSpec } from './world.js';

interface Place {
  guild: GuildSpec;
  channel: ChannelSpec;
}

/** The channel if the bot may do this there, else Discord's refusal. */
function reach(ctx: RouteContext, channelId: string | undefined, ...needed: bigint[]): Place | RouteResult {
  const found = findChannel(ctx.world, channelId ?? '');
  if (!found) return discordError(404, 10003, 'Unknown Channel');
  const bits = channelPermissions(found.guild, found.channel, ctx.world.bot.id);
  if (!has(bits, PermissionFlagsBits.ViewChannel)) return discordError(403, 50001, 'Missing Access');
  if (needed.some((flag) => !has(bits, flag))) return discordError(403, 50013, 'Missing Permissions');
  return found;
}

const refused = (value: Place | RouteResult): value is RouteResult => 'status' in value;

function ownMessage(
  ctx: RouteContext,
  place: Place,
  messageId: string | undefined,
): APIMessage | RouteResult {
  const message = ctx.messages.get(messageId ?? '');
  if (!message || message.channel_id !== place.channel.id || ctx.messages.isEphemeral(message.id)) {
    return discordError(404, 10008, 'Unknown Message');
  }
  return message;
}

const isMessage = (value: APIMessage | RouteResult): value is APIMessage => 'id' in value;

/** Newest first, like Discord, honouring limit, before and after. */
function history(messages: APIMessage[], query: Record<string, string>): APIMessage[] {
  const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50) || 50));
  const before = query.before ? BigInt(query.before) : undefined;
  const after = query.after ? BigInt(query.after) : undefined;
  const matching = messages.filter(
    (message) =>
      (before === undefined || BigInt(message.id) < before) &&
      (after === undefined || BigInt(message.id) > after),
  );
  // Newest first either way; `after` pages forward (the oldest messages after it), the others backward.
  if (after !== undefined && before === undefined) return matching.slice(0, limit).reverse();
  return matching.reverse().slice(0, limit);
}

export const channelRoutes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    route: '/channels/{channel_id}',
    auth: true,
    handle(ctx, params) {
      const place = reach(ctx, params.channel_id);
      return refused(place) ? place : { status: 200, body: apiChannel(place.guild, place.channel) };
    },
  },
  {
    method: 'GET',
    route: '/channels/{channel_id}/messages',
    auth: true,
    handle(ctx, params, request) {
      const place = reach(ctx, params.channel_id, PermissionFlagsBits.ReadMessageHistory);
      if (refused(place)) return place;
      return { status: 200, body: history(ctx.messages.inChannel(place.channel.id), request.query) };
    },
  },
  {
    method: 'POST',
    route: '/channels/{channel_id}/messages',
    auth: true,
    handle(ctx, params, request) {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const embeds = Array.isArray(body.embeds) && body.embeds.length > 0;
      const needed = [PermissionFlagsBits.SendMessages, ...(embeds ? [PermissionFlagsBits.EmbedLinks] : [])];
      const place = reach(ctx, params.channel_id, ...needed);
      if (refused(place)) return place;
      if (place.channel.type === ChannelType.GuildCategory) {
        return discordError(400, 50008, 'Cannot send messages in a non-text channel');
      }
      const problems = ctx.check(request, 'POST /channels/{channel_id}/messages', {
        schema: 'message-create',
        limits: true,
        notEmpty: true,
        mentions: true,
      });
      if (problems.length > 0) return invalidFormBody(problems);
      const { message } = ctx.messages.create(place.channel.id, body, apiUser(ctx.world.bot));
      return { status: 200, body: { ...message, guild_id: place.guild.id } };
    },
  },
  {
    method: 'GET',
    route: '/channels/{channel_id}/messages/{message_id}',
    auth: true,
    handle(ctx, params) {
      const place = reach(ctx, params.channel_id, PermissionFlagsBits.ReadMessageHistory);
      if (refused(place)) return place;
      const message = ownMessage(ctx, place, params.message_id);
      return isMessage(message) ? { status: 200, body: message } : message;
    },
  },
  {
    method: 'PATCH',
    route: '/channels/{channel_id}/messages/{message_id}',
    auth: true,
    handle(ctx, params, request) {
      const place = reach(ctx, params.channel_id);
      if (refused(place)) return place;
      const message = ownMessage(ctx, place, params.message_id);
      if (!isMessage(message)) return message;
      if (message.author.id !== ctx.world.bot.id) {
        return discordError(403, 50005, 'Cannot edit a message authored by another user');
      }
      const problems = ctx.check(request, 'PATCH /channels/{channel_id}/messages/{message_id}', {
        schema: 'message-edit',
        limits: true,
      });
      if (problems.length > 0) return invalidFormBody(problems);
      return {
        status: 200,
        body: ctx.messages.edit(message.id, (request.body ?? {}) as Record<string, unknown>),
      };
    },
  },
  {
    method: 'DELETE',
    route: '/channels/{channel_id}/messages/{message_id}',
    auth: true,
    handle(ctx, params) {
      const place = reach(ctx, params.channel_id);
      if (refused(place)) return place;
      const message = ownMessage(ctx, place, params.message_id);
      if (!isMessage(message)) return message;
      const bits = channelPermissions(place.guild, place.channel, ctx.world.bot.id);
      if (message.author.id !== ctx.world.bot.id && !has(bits, PermissionFlagsBits.ManageMessages)) {
        return discordError(403, 50013, 'Missing Permissions');
      }
      ctx.messages.delete(message.id);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    route: '/channels/{channel_id}/messages/{message_id}/crosspost',
    auth: true,
    handle(ctx, params) {
      const place = reach(ctx, params.channel_id);
      if (refused(place)) return place;
      if (place.channel.type !== ChannelType.GuildAnnouncement) {
        return discordError(400, 50024, 'Cannot execute action on this channel type');
      }
      const message = ownMessage(ctx, place, params.message_id);
      if (!isMessage(message)) return message;
      const bits = channelPermissions(place.guild, place.channel, ctx.world.bot.id);
      const own = message.author.id === ctx.world.bot.id;
      if (!has(bits, own ? PermissionFlagsBits.SendMessages : PermissionFlagsBits.ManageMessages)) {
        return discordError(403, 50013, 'Missing Permissions');
      }
      if (((message.flags ?? 0) & MessageFlags.Crossposted) !== 0) {
        return discordError(400, 40033, 'This message has already been crossposted.');
      }
      message.flags = (message.flags ?? 0) | MessageFlags.Crossposted;
      return { status: 200, body: message };
    },
  },
];
