/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of a real discord.js client: REST under /api/v10, the
 * gateway at /gateway and a CDN for attachments under /cdn on one random port. It describes a world (guilds,
 * channels, roles, overwrites), sends interactions as Discord would (and modal submits, and attached files), answers
 * the routes a bot uses, and records every request, every schema or limit violation, and every rate-limit hit.
 *
 *   const fake = await startFakeDiscord();
 *   const bot = await startPongBot(fake.apiUrl, fake.token);
 *   const exchange = await fake.command('ping');
 *   expect(exchange.callback).toMatchObject({ type: 4, data: { content: 'pong' } });
 *   expect(fake.violations).toEqual([]);
 *   await bot.stop();
 *   await fake.close();
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommand,
  type APIMessage,
  type APIThreadChannel,
  OverwriteType,
} from 'discord-api-types/v10';
import { apiChannel, apiRole, apiUser, guildCreate } from './api-objects.js';
import { createBodyChecker } from './body-checks.js';
import { Cdn, type CdnRequest } from './cdn.js';
import { CommandStore } from './commands-store.js';
import { DirectMessageChannels } from './dms.js';
import { Faults, type RouteHold } from './faults.js';
import { FakeGateway, type GatewayConnectionInfo, type GatewaySession } from './gateway.js';
import { type FakeStats, handleRest } from './http-server.js';
import {
  autocompletePayload,
  buttonPayload,
  chatInputPayload,
  type InvokeOptions,
  modalSubmitPayload,
  type OptionInput,
  type PayloadSources,
} from './interaction-payloads.js';
import { type ExchangeHost, InteractionExchange, InteractionRegistry } from './interactions.js';
import { type Mentions, pingsOf } from './mentions.js';
import { attachUploads, filesOf, type MessageFile } from './message-files.js';
import { MessageStore } from './messages.js';
import { modalSubmission } from './modals.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { type RecordedRequest, RequestLog, type RequestMatcher } from './request-log.js';
import type { RouteContext } from './route-kit.js';
import { type RequestValidator, requestValidator, type SchemaSource } from './schema.js';
import { type ShardPair, shardHolds, shardOf } from './shards.js';
import { apiThread, ThreadStore } from './threads.js';
import { UPLOAD_LIMITS } from './upload-rules.js';
import { type Violation, ViolationLog } from './violations.js';
import {
  defaultWorld,
  findChannel,
  findGuild,
  findUser,
  type GuildSpec,
  type OverwriteSpec,
  type PermissionName,
  permissions,
  type WorldSpec,
} from './world.js';
import { addGuilds, type GuildBatch } from './world-builder.js';

export type { AttachmentInput, CdnRequest, ResolvedAttachment } from './cdn.js';
export type { RouteHold } from './faults.js';
export type { GatewaySession } from './gateway.js';
export type { FakeStats } from './http-server.js';
export type { InvokeOptions, OptionInput, PermissionsInput } from './interaction-payloads.js';
export type { Body, CallbackBody, Choice, InteractionExchange } from './interactions.js';
export {
  checkAllowedMentions,
  checkAutocompleteLimits,
  checkForumPostLimits,
  checkMessageLimits,
  checkModalLimits,
  checkNotEmpty,
  FORUM_POST_LIMITS,
  MESSAGE_LIMITS,
  MODAL_LIMITS,
} from './limits.js';
export { checkRoleAlertMentions, type Mentions, mentionsIn, pingsOf } from './mentions.js';
export type { MessageFile } from './message-files.js';
export type { UploadedPart } from './multipart.js';
export { pngSize } from './png.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { RecordedRequest, RequestMatcher } from './request-log.js';
export { eventGuildId, type ShardPair, shardOf } from './shards.js';
export { checkUploads, storedFilename, UPLOAD_LIMITS } from './upload-rules.js';
export type { Violation, ViolationKind } from './violations.js';
export type {
  ChannelSpec,
  ForumTagSpec,
  GuildSpec,
  MemberSpec,
  OverwriteSpec,
  PermissionName,
  RoleSpec,
  UserSpec,
  WorldSpec,
} from './world.js';
export { DEFAULT_IDS, defaultWorld, permissions } from './world.js';
export { addGuilds, addShardedGuilds, type GuildBatch, textChannelsOf } from './world-builder.js';

/** A token shaped like Discord's: base64 of the bot id, a timestamp part, an HMAC part. */
export const FAKE_TOKEN = 'MTE5MDAwMDAwMDAwMDAwMDAwMQ.ZfAkEd.fake-token-for-local-tests-only';

export interface FakeDiscordOptions {
  /** The bot token IDENTIFY and `Authorization: Bot ...` must carry. Default FAKE_TOKEN. */
  token?: string;
  /** The world, or a function that adjusts the default world in place. */
  world?: WorldSpec | ((world: WorldSpec) => void);
  /** Enforce Discord-like rate limits (headers are always sent). */
  rateLimit?: RateLimitOptions;
  /** Discord allows 3 s for the first interaction response; later answers get 10062 and a violation. */
  interactionDeadlineMs?: number;
  /** How long a nonce-enforced message create is remembered; default 5 minutes. */
  nonceWindowMs?: number;
  /** HELLO's heartbeat_interval; default 41250 ms as Discord sends. */
  heartbeatIntervalMs?: number;
  /** Refuse invalid bodies with 400 (50035) as Discord would; default true. Violations are recorded either way. */
  rejectInvalid?: boolean;
  /** Which schema to validate with; default openapi.json when present, else the package's zod schemas. */
  schema?: 'auto' | 'openapi' | 'zod';
  /**
   * The most the files of one request may weigh together; more is answered 413 (40005) with an `attachment`
   * violation. Default UPLOAD_LIMITS.totalBytes, 10 MiB (Discord's limit without server boosts).
   */
  uploadLimitBytes?: number;
  /** Privileged intents the application is allowed (others close the gateway with 4014). Default none. */
  allowedPrivilegedIntents?: number;
  /** The shard count GET /gateway/bot recommends (`shards`). Default 1. */
  recommendedShards?: number;
  /**
   * GET /gateway/bot's `session_start_limit.max_concurrency`: how many shards discord.js identifies at once
   * (shards in one bucket wait 5 s apart). Default 1, as most bots get.
   */
  maxConcurrency?: number;
}

export interface AutocompleteOptions extends InvokeOptions {
  /** The option being typed in; default: the last option given. */
  focused?: string;
}

export interface ButtonOptions extends InvokeOptions {
  /** The message carrying the button: a message object (e.g. `exchange.original`) or a stored message's id. */
  message: APIMessage | string;
}

function buildWorld(option: FakeDiscordOptions['world']): WorldSpec {
  if (option && typeof option === 'object') return structuredClone(option);
  const world = defaultWorld();
  option?.(world);
  return world;
}

export class FakeDiscord {
  readonly world: WorldSpec;
  readonly token: string;
  /** Request count, 429s and injected failures so far. */
  readonly stats: FakeStats = { requests: 0, rateLimited: 0, injectedFailures: 0 };
  readonly gateway: FakeGateway;
  private readonly log = new RequestLog();
  private readonly violationLog = new ViolationLog();
  private readonly faults = new Faults();
  private readonly messageStore: MessageStore;
  private readonly dmChannels: DirectMessageChannels;
  private readonly threadStore = new ThreadStore();
  private readonly commandStore: CommandStore;
  private readonly interactions = new InteractionRegistry();
  private readonly cdn = new Cdn(() => `http://127.0.0.1:${this.port}`);
  private readonly exchangeHost: ExchangeHost;
  private readonly deadlineMs: number;
  private readonly server: Server;
  private port = 0;

  /** Use startFakeDiscord(). */
  constructor(
    options: FakeDiscordOptions,
    private readonly validator: RequestValidator,
  ) {
    this.world = buildWorld(options.world);
    this.token = options.token ?? FAKE_TOKEN;
    this.deadlineMs = options.interactionDeadlineMs ?? 3_000;
    this.messageStore = new MessageStore(options.nonceWindowMs ?? 5 * 60_000);
    this.dmChannels = new DirectMessageChannels(this.world);
    this.commandStore = new CommandStore(this.world.application.id);
    this.gateway = new FakeGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0,
      startSession: (sessionId, shard) => this.sessionStart(sessionId, shard),
      violation: (violation) => this.violationLog.add(violation),
    });
    const gatewayUrl = () => this.gatewayUrl;
    const context: RouteContext = {
      world: this.world,
      messages: this.messageStore,
      dms: this.dmChannels,
      threads: this.threadStore,
      commands: this.commandStore,
      interactions: this.interactions,
      interactionDeadlineMs: this.deadlineMs,
      gatewayBot: {
        shards: options.recommendedShards ?? 1,
        maxConcurrency: options.maxConcurrency ?? 1,
      },
      get gatewayUrl() {
        return gatewayUrl();
      },
      check: createBodyChecker(validator, this.violationLog, options.rejectInvalid ?? true),
      violation: (violation, request) => this.violationLog.add({ ...violation, requestSeq: request?.seq }),
      attach: (request, input) => attachUploads(this.cdn, { ...input, uploads: request.uploads ?? [] }),
      dispatch: (t, d) => {
        this.gateway.dispatch(t, d);
      },
    };
    const pipeline = {
      token: this.token,
      log: this.log,
      limiter: new RateLimiter(options.rateLimit),
      faults: this.faults,
      context,
      violations: this.violationLog,
      stats: this.stats,
      uploadLimitBytes: options.uploadLimitBytes ?? UPLOAD_LIMITS.totalBytes,
    };
    this.exchangeHost = {
      message: (id) => this.messageStore.get(id),
      files: (id) => this.files(id),
      sendModalSubmit: (opener, values, invoke) => this.sendModalSubmit(opener, values, invoke),
      answered: (exchange) => this.answered(exchange),
    };
    this.server = createServer((request, response) => {
      if (this.cdn.owns(request.url)) {
        this.cdn.handle(request, response);
        return;
      }
      handleRest(pipeline, request, response).catch((error: unknown) => {
        this.violationLog.add({
          kind: 'unknown-route',
          route: `${request.method} ${request.url}`,
          message: `fake crashed: ${String(error)}`,
        });
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    this.server.on('upgrade', (request, socket, head) => this.gateway.handleUpgrade(request, socket, head));
  }

  /** @internal */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** REST base to give discord.js: `new Client({ rest: { api: fake.apiUrl } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** The CDN's base (as discord.js's `rest.cdn` option takes it); attachment urls live below it. */
  get cdnUrl(): string {
    return `http://127.0.0.1:${this.port}/cdn`;
  }

  /** Which schema bodies are validated against. */
  get schemaSource(): SchemaSource {
    return this.validator.source;
  }

  /** Every REST request so far, in order of arrival. */
  get requests(): readonly RecordedRequest[] {
    return this.log.requests;
  }

  /** Every request to the CDN (attachment downloads) so far, in order of arrival. */
  get cdnRequests(): readonly CdnRequest[] {
    return this.cdn.requests;
  }

  /**
   * The first CDN request matching (all by default; a string matches the attachment id), answered or held by a
   * hanging attachment, already seen or still to come.
   */
  waitForCdnRequest(
    matcher: string | ((request: CdnRequest) => boolean) = () => true,
    timeoutMs = 5_000,
  ): Promise<CdnRequest> {
    const predicate =
      typeof matcher === 'string' ? (request: CdnRequest) => request.attachmentId === matcher : matcher;
    return this.cdn.waitFor(predicate, timeoutMs);
  }

  /** The bytes the fake keeps for an attachment it sent. */
  attachmentBytes(attachmentId: string): Buffer | undefined {
    return this.cdn.bytes(attachmentId);
  }

  /** Every problem found so far; an end-to-end test ends with `expect(fake.violations).toEqual([])`. */
  get violations(): readonly Violation[] {
    return this.violationLog.list;
  }

  /** The violations as text, one per line: handy in assertion messages. */
  describeViolations(): string {
    return this.violationLog.describe();
  }

  get gatewayConnections(): readonly GatewayConnectionInfo[] {
    return this.gateway.connections;
  }

  // --- gateway ---------------------------------------------------------------------------------------------

  /** READY and the GUILD_CREATEs for a session: the guilds on its shard only, as Discord sends them. */
  private sessionStart(sessionId: string, shard: ShardPair) {
    const { world } = this;
    const guilds = world.guilds.filter((guild) => shardHolds(shard, guild.id));
    return {
      ready: {
        v: 10,
        user_settings: {},
        user: { ...apiUser(world.bot), verified: true, mfa_enabled: false, email: null },
        guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
        guild_join_requests: [],
        presences: [],
        private_channels: [],
        relationships: [],
        session_id: sessionId,
        session_type: 'normal',
        resume_gateway_url: this.gatewayUrl,
        shard,
        application: { id: world.application.id, flags: world.application.flags },
        auth: {},
      },
      guildCreates: guilds.map((guild) => this.guildCreate(guild)),
    };
  }

  private guildCreate(guild: GuildSpec): Record<string, unknown> {
    const active = this.threadStore.list({ guildId: guild.id }).filter((thread) => !thread.archived);
    return guildCreate(this.world, guild, active.map(apiThread)) as unknown as Record<string, unknown>;
  }

  /**
   * Sends a gateway dispatch (`GUILD_DELETE`, `CHANNEL_UPDATE`, ...) to the connected sessions on the shard holding
   * its guild (`d.guild_id`, or `d.id` for GUILD_CREATE/UPDATE/DELETE); one of no guild goes to shard 0. Returns
   * how many sessions got it.
   */
  dispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }

  /** Resolves when a bot has identified and been sent READY and its guilds. */
  waitForSession(timeoutMs = 10_000): Promise<void> {
    return this.gateway.waitForSessions(1, timeoutMs);
  }

  /**
   * Resolves once `count` sessions have identified this shard (of `shardCount`, any count when not given): a second
   * instance of a shard is `waitForShard(0, 2, 2)`.
   */
  waitForShard(shard: number, shardCount?: number, count = 1, timeoutMs = 10_000): Promise<void> {
    return this.gateway.waitForSessions(
      count,
      timeoutMs,
      ([id, total]) => id === shard && (shardCount === undefined || total === shardCount),
    );
  }

  /** Every gateway session started so far, oldest first: its id, its `shard: [id, count]`, whether connected. */
  get sessions(): GatewaySession[] {
    return this.gateway.sessionList;
  }

  /** The shard of `shardCount` holding this guild: Discord's `(guild_id >> 22) % shardCount`. */
  shardOf(guildId: string, shardCount: number): number {
    return shardOf(guildId, shardCount);
  }

  /**
   * The bot joins a guild: it is added to the world and GUILD_CREATE goes to the sessions on its shard. Returns how
   * many sessions were told.
   */
  joinGuild(guild: GuildSpec): number {
    if (findGuild(this.world, guild.id)) throw new Error(`guild ${guild.id} is already in the world`);
    this.world.guilds.push(guild);
    return this.dispatch('GUILD_CREATE', this.guildCreate(guild));
  }

  /** The bot joins new guilds made as addGuilds makes them (`{ count, shard, shardCount, textChannels }`). */
  joinGuilds(batch: GuildBatch): GuildSpec[] {
    const made = addGuilds(structuredClone(this.world), batch).map((guild) => structuredClone(guild));
    for (const guild of made) this.joinGuild(guild);
    return made;
  }

  /** The bot is removed from a guild: it leaves the world and GUILD_DELETE goes to the sessions on its shard. */
  leaveGuild(guildId: string): number {
    const index = this.world.guilds.findIndex((guild) => guild.id === guildId);
    if (index < 0) throw new Error(`no guild ${guildId} in the world`);
    this.world.guilds.splice(index, 1);
    return this.dispatch('GUILD_DELETE', { id: guildId });
  }

  /** Drops the bot's gateway connection with a close code (4000 lets it resume; 1000 makes it reconnect anew). */
  disconnectGateway(code = 4000, options: { forgetSessions?: boolean } = {}): void {
    this.gateway.disconnect(code, options.forgetSessions);
  }

  // --- interactions ----------------------------------------------------------------------------------------

  private get sources(): PayloadSources {
    return { world: this.world, commands: this.commandStore, cdn: this.cdn };
  }

  private send(
    payload: ReturnType<typeof chatInputPayload>,
    label: string,
    opener?: InteractionExchange,
  ): InteractionExchange {
    const exchange = new InteractionExchange(payload, label, this.exchangeHost, opener);
    this.interactions.add(exchange);
    exchange.deliveredTo = this.gateway.deliver('INTERACTION_CREATE', payload);
    if (exchange.deliveredTo.length === 0) {
      const where = payload.guild_id ? `the shard of guild ${payload.guild_id}` : 'shard 0 (a DM)';
      throw new Error(`${label}: no bot is connected to the gateway on ${where}`);
    }
    return exchange;
  }

  private async answered(exchange: InteractionExchange): Promise<InteractionExchange> {
    try {
      await exchange.waitForCallback(this.deadlineMs + 250);
    } catch (error) {
      const violations = this.violationLog.describe();
      throw new Error(
        `${(error as Error).message}${violations ? `\nviolations so far:\n${violations}` : ''}`,
      );
    }
    return exchange;
  }

  /**
   * Sends a chat input command and resolves once the bot answered it (rejects if it does not in time).
   * `name` may hold the subcommand: `fake.command('briefing party', { name: 'Russia' }, { user: DEFAULT_IDS.users.manager })`.
   */
  async command(
    name: string,
    options: Record<string, OptionInput> = {},
    invoke: InvokeOptions = {},
  ): Promise<InteractionExchange> {
    return this.answered(this.startCommand(name, options, invoke));
  }

  /** Like command(), without waiting: for tests that act while the bot is still working. */
  startCommand(
    name: string,
    options: Record<string, OptionInput> = {},
    invoke: InvokeOptions = {},
  ): InteractionExchange {
    const { sources } = this;
    return this.send(chatInputPayload(sources, name, options, invoke), `/${name}`);
  }

  /** Sends an autocomplete interaction; `exchange.choices` holds the answer. */
  async autocomplete(
    name: string,
    options: Record<string, OptionInput>,
    invoke: AutocompleteOptions = {},
  ): Promise<InteractionExchange> {
    const focused = invoke.focused ?? Object.keys(options).at(-1);
    if (!focused) throw new Error(`autocomplete /${name}: give at least the option being typed`);
    const { sources } = this;
    const payload = autocompletePayload(sources, name, options, focused, invoke);
    return this.answered(this.send(payload, `autocomplete /${name} ${focused}`));
  }

  /** Clicks a button on a message the bot sent (or a made-up one) and resolves once the bot answered. */
  async button(customId: string, invoke: ButtonOptions): Promise<InteractionExchange> {
    const message =
      typeof invoke.message === 'string'
        ? this.messageStore.get(invoke.message)
        : this.messageStore.adopt(invoke.message);
    if (!message) throw new Error(`button ${customId}: no message ${String(invoke.message)}`);
    const { sources } = this;
    return this.answered(this.send(buttonPayload(sources, customId, message, invoke), `button ${customId}`));
  }

  /** The MODAL_SUBMIT for the modal the bot answered `opener` with, sent as the same user from the same place. */
  private sendModalSubmit(
    opener: InteractionExchange,
    values: Readonly<Record<string, string>>,
    invoke: InvokeOptions,
  ): InteractionExchange {
    const modal = opener.modal;
    if (!modal) {
      const type = opener.callbackBody?.type;
      throw new Error(
        `${opener.label}: the bot did not answer with a modal (callback ${type ?? 'not received yet'})`,
      );
    }
    const label = `modal ${modal.custom_id}`;
    const data = modalSubmission(modal as unknown as Record<string, unknown>, values, label);
    const { payload } = opener;
    const apiUserOf = payload.member?.user ?? payload.user;
    const user = apiUserOf
      ? (findUser(this.world, apiUserOf.id) ?? {
          id: apiUserOf.id,
          username: apiUserOf.username,
          globalName: apiUserOf.global_name,
        })
      : undefined;
    const elsewhere =
      invoke.user !== undefined || invoke.guildId !== undefined || invoke.channelId !== undefined;
    const defaults: InvokeOptions = {
      user,
      guildId: payload.guild_id ?? null,
      channelId: payload.channel?.id ?? payload.channel_id,
      locale: 'locale' in payload ? payload.locale : undefined,
      // The opener's permissions hold for the same user in the same place (they may have been set by the test).
      ...(elsewhere
        ? {}
        : { permissions: payload.member?.permissions, appPermissions: payload.app_permissions }),
    };
    const carried = 'message' in payload ? payload.message : undefined;
    // As the message stands now, and as a copy: later edits must not rewrite what this submit carried.
    const current = carried ? (this.messageStore.get(carried.id) ?? carried) : undefined;
    const message = current ? structuredClone(current) : undefined;
    const submit = modalSubmitPayload(this.sources, data, message, { ...defaults, ...invoke });
    return this.send(submit, label, opener);
  }

  // --- requests, failures, pauses --------------------------------------------------------------------------

  /** The first answered request matching, already seen or still to come. */
  waitFor(matcher: RequestMatcher, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.log.waitFor(matcher, timeoutMs);
  }

  /** Answers the next `times` matching requests with this status (and Discord-like body) instead of the route. */
  failNext(matcher: RequestMatcher, status: number, body?: unknown, times = 1): void {
    this.faults.failNext(matcher, status, body, times);
  }

  /** Ends the failures failNext injected and that have not happened yet. */
  clearFailures(): void {
    this.faults.clearFailures();
  }

  /**
   * Holds back the responses of matching requests after the route ran (the message exists, the bot does not
   * know yet) until `hold.release()`. `times` limits how many requests are held.
   */
  pauseRoute(matcher: RequestMatcher, options: { times?: number } = {}): RouteHold {
    return this.faults.pause(matcher, options.times);
  }

  // --- the world and what the bot left in it ---------------------------------------------------------------

  /** A member writes in a channel (the bot is not told): history for the bot to page through. */
  postAs(userId: string, channelId: string, content: string): APIMessage {
    const user = this.world.users.find((candidate) => candidate.id === userId);
    if (!user) throw new Error(`postAs: no user ${userId} in the world`);
    return this.messageStore.create(channelId, { content }, apiUser(user)).message;
  }

  /** As if Discord's nonce window had passed: every nonce seen so far is forgotten. */
  forgetNonces(): void {
    this.messageStore.forgetNonces();
  }

  /** Messages in a channel, oldest first (ephemeral ones are never listed). */
  messages(channelId: string): APIMessage[] {
    return this.messageStore.inChannel(channelId);
  }

  message(id: string): APIMessage | undefined {
    return this.messageStore.get(id);
  }

  /**
   * The files a stored message carries (uploaded by the bot with it or an edit), with the bytes the CDN serves at
   * each attachment's url: `{ id, filename, contentType, size, bytes, description, width?, height? }`. [] for an
   * unknown message.
   */
  files(messageId: string): MessageFile[] {
    return filesOf(this.cdn, this.messageStore.get(messageId)?.attachments ?? []);
  }

  /** The bot's direct messages to a user, oldest first ([] when it never opened a channel with them). */
  dms(userId: string): APIMessage[] {
    const channel = this.dmChannels.of(userId);
    return channel ? this.messageStore.inChannel(channel.id) : [];
  }

  /** The id of the bot's direct-message channel with a user, once the bot has opened it. */
  dmChannelId(userId: string): string | undefined {
    return this.dmChannels.of(userId)?.id;
  }

  /**
   * Who the request that created a message pinged: the mentions in its text that its allowed_mentions let
   * through (users, roles, @everyone/@here). Undefined when no create request made that message.
   */
  pings(messageId: string): Mentions | undefined {
    const create = this.log.requests.find(
      (request) =>
        request.method === 'POST' &&
        (request.response as { id?: unknown } | undefined)?.id === messageId &&
        request.body !== undefined,
    );
    if (!create) return undefined;
    // A forum post's starter message is the `message` of the thread it opens.
    const body = create.body as { message?: unknown };
    return pingsOf(body.message && typeof body.message === 'object' ? body.message : body);
  }

  /**
   * Posts (threads) in a forum or media channel, oldest first, archived ones included. A post's starter message
   * has its id: `fake.message(thread.id)`; what came after is in `fake.messages(thread.id)`.
   */
  threads(forumId: string): APIThreadChannel[] {
    return this.threadStore.list({ parentId: forumId }).map((thread) => apiThread(thread) as never);
  }

  /** Archives a post (as Discord does after its inactivity time, or a moderator) and tells the bot (THREAD_UPDATE). */
  archiveThread(threadId: string, options: { locked?: boolean } = {}): void {
    const thread = this.threadStore.get(threadId);
    if (!thread) throw new Error(`no thread ${threadId}`);
    this.threadStore.setArchived(thread, true, options.locked ?? false);
    this.dispatch('THREAD_UPDATE', apiThread(thread));
  }

  /** Deletes a post and its messages, as a moderator would, and tells the bot (THREAD_DELETE). */
  deleteThread(threadId: string): void {
    const thread = this.threadStore.get(threadId);
    if (!thread) throw new Error(`no thread ${threadId}`);
    for (const message of this.messageStore.inChannel(threadId)) this.messageStore.delete(message.id);
    this.messageStore.delete(threadId);
    this.threadStore.delete(threadId);
    this.dispatch('THREAD_DELETE', {
      id: thread.id,
      guild_id: thread.guildId,
      parent_id: thread.parentId,
      type: 11,
    });
  }

  /** Registered commands: global with no argument, else one guild's. */
  commands(guildId: string | null = null): APIApplicationCommand[] {
    return this.commandStore.list(guildId);
  }

  /** Replaces a channel's permission overwrites and tells the bot (CHANNEL_UPDATE). */
  setChannelOverwrites(channelId: string, overwrites: OverwriteSpec[]): void {
    const found = findChannel(this.world, channelId);
    if (!found) throw new Error(`no channel ${channelId}`);
    found.channel.overwrites = overwrites;
    this.dispatch('CHANNEL_UPDATE', apiChannel(found.guild, found.channel));
  }

  /** Denies the bot these permissions in a channel through a member overwrite. */
  denyBot(channelId: string, ...names: PermissionName[]): void {
    this.changeBotOverwrite(channelId, names, 'deny');
  }

  /** Allows the bot these permissions in a channel through a member overwrite. */
  allowBot(channelId: string, ...names: PermissionName[]): void {
    this.changeBotOverwrite(channelId, names, 'allow');
  }

  private changeBotOverwrite(channelId: string, names: PermissionName[], side: 'allow' | 'deny'): void {
    const found = findChannel(this.world, channelId);
    if (!found) throw new Error(`no channel ${channelId}`);
    const botId = this.world.bot.id;
    const current = found.channel.overwrites.find(
      (o) => o.id === botId && o.type === OverwriteType.Member,
    ) ?? {
      id: botId,
      type: OverwriteType.Member,
      allow: '0',
      deny: '0',
    };
    const bits = BigInt(permissions(...names));
    const other = side === 'allow' ? 'deny' : 'allow';
    const next = {
      ...current,
      [side]: (BigInt(current[side]) | bits).toString(),
      [other]: (BigInt(current[other]) & ~bits).toString(),
    };
    this.setChannelOverwrites(channelId, [...found.channel.overwrites.filter((o) => o !== current), next]);
  }

  /** Changes a role's permissions and tells the bot (GUILD_ROLE_UPDATE). */
  setRolePermissions(guildId: string, roleId: string, names: PermissionName[]): void {
    const guild = findGuild(this.world, guildId);
    const role = guild?.roles.find((candidate) => candidate.id === roleId);
    if (!guild || !role) throw new Error(`no role ${roleId} in guild ${guildId}`);
    role.permissions = permissions(...names);
    this.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: apiRole(role) });
  }

  /**
   * Stops everything: held responses are released, held CDN requests dropped, sockets closed. Stop the bot first,
   * or it will try to reconnect.
   */
  async close(): Promise<void> {
    this.faults.releaseAll();
    this.cdn.close();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts a fake Discord on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const validator = await requestValidator(options.schema ?? 'auto');
  const fake = new FakeDiscord(options, validator);
  await fake.listen();
  return fake;
}
