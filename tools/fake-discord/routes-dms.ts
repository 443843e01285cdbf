/**
 * Direct messages: POST /users/@me/channels opens (or finds) the bot's channel with a user, and the channel routes
 * answer for such a channel as Discord does: its messages are created (nonces and all), listed and fetched; a
 * user whose direct messages are closed (`dmsClosed` in the world) gets 403 50007. A direct message may ping no
 * one. Guild channels go on to the guild routes.
 */
import { apiUser } from './api-objects.js';
import type { DirectMessageChannel } from './dms.js';
import {
  discordError,
  invalidFormBody,
  type Params,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './route-kit.js';

const SNOWFLAKE = /^\d{17,20}$/;

function lastMessageId(ctx: RouteContext, channel: DirectMessageChannel): string | null {
  return ctx.messages.inChannel(channel.id).at(-1)?.id ?? null;
}

/** Newest first, honouring limit, before and after, as the guild route does. */
function history(ctx: RouteContext, channel: DirectMessageChannel, query: Record<string, string>) {
  const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50) || 50));
  const before = query.before ? BigInt(query.before) : undefined;
  const after = query.after ? BigInt(query.after) : undefined;
  const matching = ctx.messages
    .inChannel(channel.id)
    .filter(
      (message) =>
        (before === undefined || BigInt(message.id) < before) &&
        (after === undefined || BigInt(message.id) > after),
    );
  if (after !== undefined && before === undefined) return matching.slice(0, limit).reverse();
  return matching.reverse().slice(0, limit);
}

type DmHandler = (
  ctx: RouteContext,
  channel: DirectMessageChannel,
  params: Params,
  request: Parameters<RouteDefinition['handle']>[2],
) => RouteResult;

const DM_HANDLERS: Record<string, DmHandler> = {
  'GET /channels/{channel_id}': (ctx, channel) => ({
    status: 200,
    body: ctx.dms.apiChannel(channel, lastMessageId(ctx, channel)),
  }),
  'GET /channels/{channel_id}/messages': (ctx, channel, _params, request) => ({
    status: 200,
    body: history(ctx, channel, request.query),
  }),
  'GET /channels/{channel_id}/messages/{message_id}': (ctx, channel, params) => {
    const message = ctx.messages.get(params.message_id ?? '');
    if (!message || message.channel_id !== channel.id) return discordError(404, 10008, 'Unknown Message');
    return { status: 200, body: message };
  },
  'POST /channels/{channel_id}/messages': (ctx, channel, _params, request) => {
    if (ctx.dms.recipient(channel).dmsClosed) {
      return discordError(403, 50007, 'Cannot send messages to this user');
    }
    const problems = ctx.check(request, 'POST /channels/{channel_id}/messages', {
      schema: 'message-create',
      limits: true,
      notEmpty: true,
      mentions: true,
    });
    if (problems.length > 0) return invalidFormBody(problems);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { message } = ctx.messages.create(channel.id, body, apiUser(ctx.world.bot));
    return { status: 200, body: message };
  },
};

/** The channel routes, answering for direct-message channels themselves and passing guild channels on. */
export function withDirectMessages(routes: readonly RouteDefinition[]): RouteDefinition[] {
  return routes.map((definition) => {
    const dm = DM_HANDLERS[`${definition.method} ${definition.route}`];
    if (!dm) return definition;
    return {
      ...definition,
      handle(ctx, params, request) {
        const channel = ctx.dms.get(params.channel_id ?? '');
        return channel ? dm(ctx, channel, params, request) : definition.handle(ctx, params, request);
      },
    };
  });
}

export const directMessageRoutes: readonly RouteDefinition[] = [
  {
    method: 'POST',
    route: '/users/@me/channels',
    auth: true,
    handle(ctx, _params, request) {
      const body = request.body as { recipient_id?: unknown } | undefined;
      const recipient = body?.recipient_id;
      if (typeof recipient !== 'string' || !SNOWFLAKE.test(recipient)) {
        const problem = `recipient_id: expected a user id, got ${JSON.stringify(recipient)}`;
        ctx.violation({ kind: 'schema', route: 'POST /users/@me/channels', message: problem }, request);
        return invalidFormBody([problem]);
      }
      const channel = ctx.dms.open(recipient);
      if (!channel) return discordError(400, 50033, 'Invalid Recipient(s)');
      return { status: 200, body: ctx.dms.apiChannel(channel, lastMessageId(ctx, channel)) };
    },
  },
];
