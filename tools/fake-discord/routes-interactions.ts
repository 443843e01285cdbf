/**
 * Interaction responses: the callback (once, within the deadline), then follow-ups and edits through the
 * interaction's webhook. Ephemeral messages are kept by id but never listed in their channel.
 */
import {
  type APIMessage,
  InteractionResponseType as Callback,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import { apiUser } from './api-objects.js';
import type { Body, InteractionExchange } from './interactions.js';
import type { RecordedRequest } from './request-log.js';
import {
  discordError,
  invalidFormBody,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './route-kit.js';

const CALLBACK_ROUTE = 'POST /interactions/{interaction_id}/{interaction_token}/callback';

/** Which callback types Discord accepts for which interaction type. */
const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly Callback[]>> = {
  [InteractionType.ApplicationCommand]: [
    Callback.ChannelMessageWithSource,
    Callback.DeferredChannelMessageWithSource,
    Callback.Modal,
  ],
  [InteractionType.MessageComponent]: [
    Callback.ChannelMessageWithSource,
    Callback.DeferredChannelMessageWithSource,
    Callback.DeferredMessageUpdate,
    Callback.UpdateMessage,
    Callback.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [Callback.ApplicationCommandAutocompleteResult],
  // Updating a message only when the modal was opened from one (the submit then carries it); no modal on a modal.
  [InteractionType.ModalSubmit]: [
    Callback.ChannelMessageWithSource,
    Callback.DeferredChannelMessageWithSource,
    Callback.DeferredMessageUpdate,
    Callback.UpdateMessage,
  ],
};

/** The message a component interaction, or a modal submit opened from one, came from. */
function carriedMessage(exchange: InteractionExchange): APIMessage | undefined {
  const { payload } = exchange;
  return 'message' in payload ? payload.message : undefined;
}

function refuseCallback(
  ctx: RouteContext,
  request: RecordedRequest,
  message: string,
  type: Callback | undefined,
): RouteResult {
  ctx.violation({ kind: 'interaction', route: CALLBACK_ROUTE, message }, request);
  return invalidFormBody([`type ${type} is not valid for this interaction`]);
}

const isEphemeral = (data: Body | undefined): boolean =>
  typeof data?.flags === 'number' && (data.flags & MessageFlags.Ephemeral) !== 0;

function interactionMetadata(exchange: InteractionExchange): APIMessage['interaction_metadata'] {
  const { payload, opener } = exchange;
  const user = payload.member?.user ?? payload.user;
  return {
    id: payload.id,
    type: payload.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(payload.type === InteractionType.MessageComponent
      ? { interacted_message_id: payload.message.id }
      : {}),
    ...(payload.type === InteractionType.ModalSubmit && opener
      ? { triggering_interaction_metadata: interactionMetadata(opener) }
      : {}),
  } as APIMessage['interaction_metadata'];
}

/** The message an interaction response puts in its channel, with the files the request uploaded. */
function createResponseMessage(
  ctx: RouteContext,
  exchange: InteractionExchange,
  data: Body,
  flags = 0,
  request?: RecordedRequest,
): APIMessage {
  const { payload } = exchange;
  const fromCommand = payload.type === InteractionType.ApplicationCommand;
  const channelId = payload.channel?.id ?? '';
  const ephemeral = isEphemeral(data);
  const attachments = request ? ctx.attach(request, { channelId, body: data, ephemeral }) : [];
  const { message } = ctx.messages.create(channelId, data, apiUser(ctx.world.bot), {
    type: fromCommand ? MessageType.ChatInputCommand : MessageType.Default,
    webhookId: ctx.world.application.id,
    applicationId: ctx.world.application.id,
    interactionMetadata: interactionMetadata(exchange),
    flags,
    ephemeral,
    attachments,
  });
  return message;
}

function answerCallback(
  ctx: RouteContext,
  exchange: InteractionExchange,
  request: RecordedRequest,
): RouteResult {
  const body = (request.body ?? {}) as { type?: Callback; data?: Body };
  const allowed = ALLOWED_CALLBACKS[exchange.payload.type] ?? [];
  if (body.type === undefined || !allowed.includes(body.type)) {
    const what = `callback type ${body.type} cannot answer interaction type ${exchange.payload.type}`;
    return refuseCallback(ctx, request, `${exchange.label}: ${what}`, body.type);
  }
  const updates = body.type === Callback.UpdateMessage || body.type === Callback.DeferredMessageUpdate;
  if (updates && !carriedMessage(exchange)) {
    const what = `callback type ${body.type} updates a message, but the modal was not opened from one`;
    return refuseCallback(ctx, request, `${exchange.label}: ${what}`, body.type);
  }
  const data = body.data;
  const creates = body.type === Callback.ChannelMessageWithSource;
  const updated = body.type === Callback.UpdateMessage ? carriedMessage(exchange)?.id : undefined;
  const updatedMessage = updated ? ctx.messages.get(updated) : undefined;
  const problems = ctx.check(request, CALLBACK_ROUTE, {
    schema: 'interaction-callback',
    limits: creates || body.type === Callback.UpdateMessage ? (data ?? {}) : undefined,
    notEmpty: creates ? (data ?? {}) : undefined,
    mentions: creates ? (data ?? {}) : undefined,
    autocomplete: body.type === Callback.ApplicationCommandAutocompleteResult ? data : undefined,
    modal: body.type === Callback.Modal ? data : undefined,
    uploads:
      creates || updated ? { body: data ?? {}, existing: updatedMessage?.attachments ?? [] } : undefined,
  });
  if (problems.length > 0) return invalidFormBody(problems);

  let message: APIMessage | undefined;
  switch (body.type) {
    case Callback.ChannelMessageWithSource:
      message = createResponseMessage(ctx, exchange, data ?? {}, 0, request);
      break;
    case Callback.DeferredChannelMessageWithSource:
      message = createResponseMessage(ctx, exchange, { flags: data?.flags ?? 0 }, MessageFlags.Loading);
      break;
    case Callback.UpdateMessage:
    case Callback.DeferredMessageUpdate: {
      const clicked = carriedMessage(exchange)?.id ?? '';
      message =
        body.type === Callback.UpdateMessage
          ? ctx.messages.edit(clicked, data ?? {}, editedAttachments(ctx, request, clicked, data ?? {}))
          : ctx.messages.get(clicked);
      break;
    }
  }
  exchange.callbackBody = { type: body.type, ...(data !== undefined ? { data } : {}) };
  exchange.originalMessageId = message?.id;
  exchange.notify();
  if (request.query.with_response !== 'true') return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: exchange.id,
        type: exchange.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: body.type === Callback.DeferredChannelMessageWithSource,
              response_message_ephemeral: isEphemeral(data),
            }
          : {}),
      },
      resource: { type: body.type, ...(message ? { message } : {}) },
    },
  };
}

/** The interaction behind a webhook token, once it has been answered; else Discord's Unknown Webhook. */
function answeredExchange(
  ctx: RouteContext,
  params: Record<string, string>,
  request: RecordedRequest,
  route: string,
): InteractionExchange | RouteResult {
  const exchange = ctx.interactions.byToken(params.webhook_id ?? '', params.webhook_token ?? '');
  if (!exchange) return discordError(404, 10015, 'Unknown Webhook');
  if (!exchange.callbackBody) {
    ctx.violation(
      {
        kind: 'interaction',
        route,
        message: `${exchange.label}: webhook used before the interaction was answered`,
      },
      request,
    );
    return discordError(404, 10015, 'Unknown Webhook');
  }
  return exchange;
}

/** A message's attachments after an edit: the ones the body keeps, and the files it uploads. */
function editedAttachments(ctx: RouteContext, request: RecordedRequest, messageId: string, body: Body) {
  const message = ctx.messages.get(messageId);
  if (!message) return undefined;
  return ctx.attach(request, {
    channelId: message.channel_id,
    body,
    existing: message.attachments,
    ephemeral: ctx.messages.isEphemeral(messageId),
  });
}

const isExchange = (value: InteractionExchange | RouteResult): value is InteractionExchange =>
  'token' in value;

/** `@original`, or the id of one of this interaction's own follow-ups. */
function targetMessage(
  ctx: RouteContext,
  exchange: InteractionExchange,
  messageId: string,
): APIMessage | undefined {
  const id = messageId === '@original' ? exchange.originalMessageId : messageId;
  const message = id ? ctx.messages.get(id) : undefined;
  return message?.interaction_metadata?.id === exchange.id || id === exchange.originalMessageId
    ? message
    : undefined;
}

const WEBHOOK_MESSAGE = '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}';

export const interactionRoutes: readonly RouteDefinition[] = [
  {
    method: 'POST',
    route: '/interactions/{interaction_id}/{interaction_token}/callback',
    auth: false,
    handle(ctx, params, request) {
      const exchange = ctx.interactions.get(params.interaction_id ?? '');
      if (!exchange || exchange.token !== params.interaction_token)
        return discordError(404, 10062, 'Unknown interaction');
      if (exchange.callbackBody) {
        exchange.refusedCallbacks += 1;
        exchange.notify();
        // Every session that got the interaction may try once (instances of one shard race to answer); a bot
        // that answers twice tries more often than that.
        if (1 + exchange.refusedCallbacks > Math.max(1, exchange.deliveredTo.length)) {
          ctx.violation(
            { kind: 'interaction', route: CALLBACK_ROUTE, message: `${exchange.label}: answered twice` },
            request,
          );
        }
        return discordError(400, 40060, 'Interaction has already been acknowledged.');
      }
      const late = Date.now() - exchange.sentAt;
      if (late > ctx.interactionDeadlineMs) {
        ctx.violation(
          {
            kind: 'interaction',
            route: CALLBACK_ROUTE,
            message: `${exchange.label}: answered after ${late} ms (limit ${ctx.interactionDeadlineMs} ms)`,
          },
          request,
        );
        return discordError(404, 10062, 'Unknown interaction');
      }
      return answerCallback(ctx, exchange, request);
    },
  },
  {
    method: 'POST',
    route: '/webhooks/{webhook_id}/{webhook_token}',
    auth: false,
    handle(ctx, params, request) {
      const route = 'POST /webhooks/{webhook_id}/{webhook_token}';
      const exchange = answeredExchange(ctx, params, request, route);
      if (!isExchange(exchange)) return exchange;
      const body = (request.body ?? {}) as Body;
      const problems = ctx.check(request, route, {
        schema: 'webhook-execute',
        limits: true,
        notEmpty: true,
        mentions: true,
        uploads: { body },
      });
      if (problems.length > 0) return invalidFormBody(problems);
      const message = createResponseMessage(ctx, exchange, body, 0, request);
      exchange.followUps.push(body);
      exchange.followUpMessageIds.push(message.id);
      exchange.notify();
      return request.query.wait === 'false' ? { status: 204 } : { status: 200, body: message };
    },
  },
  {
    method: 'GET',
    route: WEBHOOK_MESSAGE,
    auth: false,
    handle(ctx, params, request) {
      const exchange = answeredExchange(ctx, params, request, `GET ${WEBHOOK_MESSAGE}`);
      if (!isExchange(exchange)) return exchange;
      const message = targetMessage(ctx, exchange, params.message_id ?? '');
      return message ? { status: 200, body: message } : discordError(404, 10008, 'Unknown Message');
    },
  },
  {
    method: 'PATCH',
    route: WEBHOOK_MESSAGE,
    auth: false,
    handle(ctx, params, request) {
      const route = `PATCH ${WEBHOOK_MESSAGE}`;
      const exchange = answeredExchange(ctx, params, request, route);
      if (!isExchange(exchange)) return exchange;
      const message = targetMessage(ctx, exchange, params.message_id ?? '');
      if (!message) return discordError(404, 10008, 'Unknown Message');
      // Finishing a deferred reply is what posts it, so it must not ping anyone either.
      const finishesDefer = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
      const body = (request.body ?? {}) as Body;
      const problems = ctx.check(request, route, {
        schema: 'webhook-edit',
        limits: true,
        mentions: finishesDefer,
        uploads: { body, existing: message.attachments },
      });
      if (problems.length > 0) return invalidFormBody(problems);
      const edited = ctx.messages.edit(message.id, body, editedAttachments(ctx, request, message.id, body));
      if (message.id === exchange.originalMessageId) exchange.edits.push(body);
      exchange.notify();
      return { status: 200, body: edited };
    },
  },
  {
    method: 'DELETE',
    route: WEBHOOK_MESSAGE,
    auth: false,
    handle(ctx, params, request) {
      const exchange = answeredExchange(ctx, params, request, `DELETE ${WEBHOOK_MESSAGE}`);
      if (!isExchange(exchange)) return exchange;
      const message = targetMessage(ctx, exchange, params.message_id ?? '');
      if (!message) return discordError(404, 10008, 'Unknown Message');
      ctx.messages.delete(message.id);
      exchange.notify();
      return { status: 204 };
    },
  },
];
