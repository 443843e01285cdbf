/** What every REST route is made of: its context, its result, and Discord's error bodies. */
import type { APIAttachment } from 'discord-api-types/v10';
import type { CommandStore } from './commands-store.js';
import type { DirectMessageChannels } from './dms.js';
import type { InteractionRegistry } from './interactions.js';
import type { AttachInput } from './message-files.js';
import type { MessageStore } from './messages.js';
import type { RecordedRequest } from './request-log.js';
import type { BodyKind } from './schema.js';
import type { ThreadStore } from './threads.js';
import type { Violation } from './violations.js';
import type { WorldSpec } from './world.js';

export interface BodyChecks {
  /** The OpenAPI request schema to hold the body against. */
  schema?: BodyKind;
  /** Message limits (content, embeds, components); `true` checks the body, a value checks that instead. */
  limits?: boolean | unknown;
  /** A new message must show something. */
  notEmpty?: boolean | unknown;
  /** The body creates a message and so must carry `allowed_mentions: {parse: []}`. */
  mentions?: boolean | unknown;
  /** A channel message, which may ping exactly one role it mentions and names in `allowed_mentions.roles`. */
  roleAlert?: boolean;
  /** Autocomplete choice limits, on the callback data. */
  autocomplete?: unknown;
  /** Modal limits (title, text inputs), on the callback data. */
  modal?: unknown;
  /** A forum post's name and tags, against the tags its channel offers. */
  forumPost?: { body: unknown; availableTagIds: readonly string[] };
  /** The request's files against the JSON that names them (and, on an edit, the message's attachments). */
  uploads?: { body: unknown; existing?: readonly APIAttachment[] };
}

export interface RouteContext {
  world: WorldSpec;
  messages: MessageStore;
  /** The bot's direct-message channels with users. */
  dms: DirectMessageChannels;
  /** Posts in forum and media channels. */
  threads: ThreadStore;
  commands: CommandStore;
  interactions: InteractionRegistry;
  /** Discord's three seconds for the first interaction response. */
  interactionDeadlineMs: number;
  /** What GET /gateway/bot says: the recommended shard count, and how many shards may identify at once. */
  gatewayBot: { shards: number; maxConcurrency: number };
  gatewayUrl: string;
  /**
   * Validates the request body, records every problem as a violation, and returns the ones Discord would refuse
   * the request for (an absent allowed_mentions is recorded but not refused: Discord accepts it).
   */
  check(request: RecordedRequest, route: string, checks: BodyChecks): string[];
  violation(violation: Omit<Violation, 'requestSeq'>, request?: RecordedRequest): void;
  /** Stores the request's files on the CDN and returns the message's attachments after it (kept ones first). */
  attach(request: RecordedRequest, input: Omit<AttachInput, 'uploads'>): APIAttachment[];
  /** Sends a gateway dispatch to the sessions on its guild's shard (THREAD_CREATE, ...). */
  dispatch(t: string, d: unknown): void;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type Params = Record<string, string>;

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path with named parameters, as Discord's docs and the OpenAPI file write it. */
  route: string;
  /** Needs `Authorization: Bot <token>`; interaction and webhook-token routes do not. */
  auth: boolean;
  handle(ctx: RouteContext, params: Params, request: RecordedRequest): RouteResult;
}

export function discordError(status: number, code: number, message: string, errors?: unknown): RouteResult {
  return { status, body: { message, code, ...(errors ? { errors } : {}) } };
}

/** Discord's answer to a body it cannot accept. */
export function invalidFormBody(problems: readonly string[]): RouteResult {
  return discordError(400, 50035, 'Invalid Form Body', {
    _errors: problems.map((message) => ({ code: 'BASE_TYPE_INVALID', message })),
  });
}
