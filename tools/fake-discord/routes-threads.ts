/**
 * Posts in forum and media channels: creating one (POST /channels/{id}/threads with a starter message, whose id is
 * the thread's), listing a guild's active threads and a channel's archived public ones. Creation in a text channel
 * (a thread without a starter message) is not modelled.
 */
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { apiUser } from './api-objects.js';
import { has } from './permissions.js';
import { botBits, guard, locate, reach, refused } from './places.js';
import { discordError, invalidFormBody, type RouteContext, type RouteDefinition } from './route-kit.js';
import { apiThread, type ThreadRecord } from './threads.js';
import { findChannel, findGuild } from './world.js';

const POSTS_ONLY = new Set<ChannelType>([ChannelType.GuildForum, ChannelType.GuildMedia]);
const ARCHIVE_LISTS = new Set<ChannelType>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.GuildMedia,
]);

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bot's membership of the threads it made (it joins its own posts). */
function ownMemberships(ctx: RouteContext, threads: readonly ThreadRecord[]) {
  return threads
    .filter((thread) => thread.ownerId === ctx.world.bot.id)
    .map((thread) => ({
      id: thread.id,
      user_id: ctx.world.bot.id,
      join_timestamp: thread.createTimestamp,
      flags: 1,
    }));
}

/** Whether the bot sees the thread's channel. */
function visible(ctx: RouteContext, thread: ThreadRecord): boolean {
  const parent = findChannel(ctx.world, thread.parentId);
  return parent !== undefined && !refused(guard(ctx, { ...parent, id: parent.channel.id }));
}

export const threadRoutes: readonly RouteDefinition[] = [
  {
    method: 'POST',
    route: '/channels/{channel_id}/threads',
    auth: true,
    handle(ctx, params, request) {
      const route = 'POST /channels/{channel_id}/threads';
      const body = (isObject(request.body) ? request.body : {}) as Body;
      const located = locate(ctx, params.channel_id);
      if (refused(located)) return located;
      if (located.thread || !POSTS_ONLY.has(located.channel.type)) {
        ctx.violation(
          {
            kind: 'unknown-route',
            route,
            message: 'the fake starts threads in forum and media channels only',
          },
          request,
        );
        return discordError(400, 50024, 'Cannot execute action on this channel type');
      }
      const message = isObject(body.message) ? body.message : undefined;
      const embeds = Array.isArray(message?.embeds) && message.embeds.length > 0;
      // "Create Posts" is Send Messages in a forum's permissions.
      const place = guard(
        ctx,
        located,
        PermissionFlagsBits.SendMessages,
        ...(embeds ? [PermissionFlagsBits.EmbedLinks] : []),
      );
      if (refused(place)) return place;
      const tags = place.channel.availableTags ?? [];
      const problems = ctx.check(request, route, {
        schema: 'forum-thread-create',
        // The starter message is a channel message: it may carry a digest's one opted-in role alert.
        ...(message ? { limits: message, notEmpty: message, mentions: message, roleAlert: true } : {}),
        forumPost: { body, availableTagIds: tags.map((tag) => tag.id) },
      });
      if (problems.length > 0) return invalidFormBody(problems);
      if (!message) return invalidFormBody(['message: a post in a forum or media channel needs one']);
      const applied = Array.isArray(body.applied_tags) ? body.applied_tags.map(String) : [];
      const moderated = tags.filter((tag) => tag.moderated && applied.includes(tag.id));
      if (moderated.length > 0 && !has(botBits(ctx, place), PermissionFlagsBits.ManageThreads)) {
        return discordError(403, 50013, 'Missing Permissions');
      }
      const thread = ctx.threads.create({
        guildId: place.guild.id,
        parentId: place.channel.id,
        ownerId: ctx.world.bot.id,
        name: String(body.name),
        appliedTags: [...new Set(applied)],
        ...(typeof body.auto_archive_duration === 'number'
          ? { autoArchiveDuration: body.auto_archive_duration }
          : {}),
      });
      const { message: starter } = ctx.messages.create(thread.id, message, apiUser(ctx.world.bot), {
        id: thread.id,
      });
      ctx.dispatch('THREAD_CREATE', { ...apiThread(thread), newly_created: true });
      return {
        status: 201,
        body: { ...apiThread(thread), message: { ...starter, guild_id: place.guild.id } },
      };
    },
  },
  {
    method: 'GET',
    route: '/guilds/{guild_id}/threads/active',
    auth: true,
    handle(ctx, params) {
      const guild = findGuild(ctx.world, params.guild_id ?? '');
      if (!guild?.members.some((member) => member.userId === ctx.world.bot.id)) {
        return discordError(404, 10004, 'Unknown Guild');
      }
      const threads = ctx.threads
        .list({ guildId: guild.id })
        .filter((thread) => !thread.archived && visible(ctx, thread));
      return {
        status: 200,
        body: { threads: threads.map(apiThread), members: ownMemberships(ctx, threads) },
      };
    },
  },
  {
    method: 'GET',
    route: '/channels/{channel_id}/threads/archived/public',
    auth: true,
    handle(ctx, params, request) {
      const route = 'GET /channels/{channel_id}/threads/archived/public';
      const place = reach(ctx, params.channel_id, PermissionFlagsBits.ReadMessageHistory);
      if (refused(place)) return place;
      if (place.thread || !ARCHIVE_LISTS.has(place.channel.type)) {
        return discordError(400, 50024, 'Cannot execute action on this channel type');
      }
      const { before, limit } = request.query;
      const problems: string[] = [];
      const beforeMs = before === undefined ? undefined : Date.parse(before);
      if (beforeMs !== undefined && Number.isNaN(beforeMs))
        problems.push(`before: ${JSON.stringify(before)} is not an ISO8601 timestamp`);
      const size = limit === undefined ? 50 : Number(limit);
      if (!Number.isInteger(size) || size < 2 || size > 100)
        problems.push(`limit: ${JSON.stringify(limit)} is not an integer from 2 to 100`);
      if (problems.length > 0) {
        for (const message of problems) ctx.violation({ kind: 'schema', route, message }, request);
        return invalidFormBody(problems);
      }
      const archived = ctx.threads
        .list({ parentId: place.channel.id })
        .filter(
          (thread) =>
            thread.archived && (beforeMs === undefined || Date.parse(thread.archiveTimestamp) < beforeMs),
        )
        // Newest archived first, as Discord lists them.
        .sort((a, b) => Date.parse(b.archiveTimestamp) - Date.parse(a.archiveTimestamp));
      const page = archived.slice(0, size);
      return {
        status: 200,
        body: {
          threads: page.map(apiThread),
          members: ownMemberships(ctx, page),
          has_more: archived.length > page.length,
        },
      };
    },
  },
];
