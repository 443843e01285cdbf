/**
 * Channels (and posts in forums, which are threads) and their messages, guarded the way Discord guards them: unknown
 * channel 404 (10003), no View Channel 403 Missing Access (50001), a missing permission 403 Missing Permissions
 * (50013). A message in a post needs Send Messages in Threads ("Send Messages in Posts"); a forum or media channel
 * takes no messages of its own.
 */
import { type APIMessage, ChannelType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { apiChannel, apiUser } from './api-objects.js';
import { has } from './permissions.js';
import { botBits, guard, locate, type Place, reach, refused } from './places.js';
import {
  discordError,
  invalidFormBody,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './route-kit.js';
import { apiThread } from './threads.js';

const POSTS_ONLY = new Set<ChannelType>([ChannelType.GuildForum, ChannelType.GuildMedia]);

function ownMessage(
  ctx: RouteContext,
  place: Place,
  messageId: string | undefined,
): APIMessage | RouteResult {
  const message = ctx.messages.get(messageId ?? '');
  if (!message || message.channel_id !== place.id || ctx.messages.isEphemeral(message.id)) {
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
      if (refused(place)) return place;
      return {
        status: 200,
        body: place.thread ? apiThread(place.thread) : apiChannel(place.guild, place.channel),
      };
    },
  },
  {
    method: 'GET',
    route: '/channels/{channel_id}/messages',
    auth: true,
    handle(ctx, params, request) {
      const place = reach(ctx, params.channel_id, PermissionFlagsBits.ReadMessageHistory);
      if (refused(place)) return place;
      if (!place.thread && POSTS_ONLY.has(place.channel.type)) {
        return discordError(400, 50024, 'Cannot execute action on this channel type');
      }
      return { status: 200, body: history(ctx.messages.inChannel(place.id), request.query) };
    },
  },
  {
    method: 'POST',
    route: '/channels/{channel_id}/messages',
    auth: true,
    handle(ctx, params, request) {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const embeds = Array.isArray(body.embeds) && body.embeds.length > 0;
      const files = (request.uploads ?? []).length > 0;
      const located = locate(ctx, params.channel_id);
      if (refused(located)) return located;
      const send = located.thread
        ? PermissionFlagsBits.SendMessagesInThreads
        : PermissionFlagsBits.SendMessages;
      const place = guard(
        ctx,
        located,
        send,
        ...(embeds ? [PermissionFlagsBits.EmbedLinks] : []),
        ...(files ? [PermissionFlagsBits.AttachFiles] : []),
      );
      if (refused(place)) return place;
      const { thread } = place;
      if (
        !thread &&
        (place.channel.type === ChannelType.GuildCategory || POSTS_ONLY.has(place.channel.type))
      ) {
        return discordError(400, 50008, 'Cannot send messages in a non-text channel');
      }
      if (thread?.archived && thread.locked && !has(botBits(ctx, place), PermissionFlagsBits.ManageThreads)) {
        return discordError(400, 50083, 'Thread is archived');
      }
      const problems = ctx.check(request, 'POST /channels/{channel_id}/messages', {
        schema: 'message-create',
        limits: true,
        notEmpty: true,
        mentions: true,
        roleAlert: true,
        uploads: { body },
      });
      if (problems.length > 0) return invalidFormBody(problems);
      const attachments = ctx.attach(request, { channelId: place.id, body });
      const { message, duplicate } = ctx.messages.create(place.id, body, apiUser(ctx.world.bot), {
        attachments,
      });
      if (thread && !duplicate) {
        // A message in an archived (unlocked) post brings it back, as in Discord.
        if (thread.archived) {
          ctx.threads.setArchived(thread, false);
          ctx.dispatch('THREAD_UPDATE', apiThread(thread));
        }
        ctx.threads.noteMessage(thread, message.id);
      }
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
      const body = (request.body ?? {}) as Record<string, unknown>;
      const problems = ctx.check(request, 'PATCH /channels/{channel_id}/messages/{message_id}', {
        schema: 'message-edit',
        limits: true,
        uploads: { body, existing: message.attachments },
      });
      if (problems.length > 0) return invalidFormBody(problems);
      const attachments = ctx.attach(request, {
        channelId: place.id,
        body,
        existing: message.attachments,
      });
      return { status: 200, body: ctx.messages.edit(message.id, body, attachments) };
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
      const bits = botBits(ctx, place);
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
      if (place.thread || place.channel.type !== ChannelType.GuildAnnouncement) {
        return discordError(400, 50024, 'Cannot execute action on this channel type');
      }
      const message = ownMessage(ctx, place, params.message_id);
      if (!isMessage(message)) return message;
      const bits = botBits(ctx, place);
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
