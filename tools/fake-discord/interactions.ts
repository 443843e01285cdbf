/**
 * One interaction from the moment the fake sends it: the bot's callback, its follow-ups and its edits of the
 * original response, with promises to wait for each; and, when the bot answered with a modal, the user's submit.
 */
import {
  type APIInteraction,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
} from 'discord-api-types/v10';
import type { GatewaySession } from './gateway.js';
import type { InvokeOptions } from './interaction-payloads.js';
import type { MessageFile } from './message-files.js';

export type Body = Record<string, unknown>;

export interface CallbackBody {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: InteractionResponseType;
  data?: Body;
}

export interface Choice {
  name: string;
  value: string | number;
}

/** What an exchange needs from the fake that sent it. */
export interface ExchangeHost {
  message(id: string): APIMessage | undefined;
  /** The files of a stored message with their bytes. */
  files(messageId: string): MessageFile[];
  /** Sends the MODAL_SUBMIT for the modal `opener` was answered with. */
  sendModalSubmit(
    opener: InteractionExchange,
    values: Readonly<Record<string, string>>,
    invoke: InvokeOptions,
  ): InteractionExchange;
  /** Resolves once the bot answered, rejects at the deadline. */
  answered(exchange: InteractionExchange): Promise<InteractionExchange>;
}

export class InteractionExchange {
  readonly id: string;
  readonly token: string;
  readonly sentAt = Date.now();
  /** The first callback the fake accepted. */
  callbackBody: CallbackBody | undefined;
  /** The message @original names: the reply, the deferred "thinking" message, or the clicked message. */
  originalMessageId: string | undefined;
  /** Bodies of POST /webhooks/{app}/{token}, in order. */
  readonly followUps: Body[] = [];
  /** The messages those follow-ups created, in the same order. */
  readonly followUpMessageIds: string[] = [];
  /** Bodies of PATCH /webhooks/{app}/{token}/messages/@original, in order. */
  readonly edits: Body[] = [];
  /** The gateway sessions INTERACTION_CREATE went to: those on the guild's shard (shard 0 for a DM). */
  deliveredTo: readonly GatewaySession[] = [];
  /**
   * Callbacks refused with 400 40060 because another had answered: a second instance of the shard losing the
   * race (expected, once per extra session), or a bot answering twice (a violation).
   */
  refusedCallbacks = 0;
  private readonly watchers = new Set<() => void>();

  constructor(
    readonly payload: APIInteraction,
    /** Where the bot answered by then: `/briefing latest`, `button next`, ... for error messages. */
    readonly label: string,
    private readonly host: ExchangeHost,
    /** For a modal submit: the interaction whose modal was submitted. */
    readonly opener?: InteractionExchange,
  ) {
    this.id = payload.id;
    this.token = payload.token;
  }

  /** The accepted callback; throws when the bot has not answered (yet). */
  get callback(): CallbackBody {
    if (!this.callbackBody) throw new Error(`${this.label}: the bot has not answered the interaction`);
    return this.callbackBody;
  }

  /** The original response message as it stands now. */
  get original(): APIMessage | undefined {
    return this.originalMessageId ? this.host.message(this.originalMessageId) : undefined;
  }

  /** The files the original response carries now (uploaded with the reply or an edit), with their bytes. */
  files(): MessageFile[] {
    return this.originalMessageId ? this.host.files(this.originalMessageId) : [];
  }

  /** The files of the n-th follow-up (from 0), with their bytes; [] when there is no such follow-up. */
  followUpFiles(index = 0): MessageFile[] {
    const id = this.followUpMessageIds[index];
    return id ? this.host.files(id) : [];
  }

  /** The modal the bot answered with (callback type 9), as it sent it; undefined otherwise. */
  get modal(): APIModalInteractionResponseCallbackData | undefined {
    return this.callbackBody?.type === InteractionResponseType.Modal
      ? (this.callbackBody.data as unknown as APIModalInteractionResponseCallbackData)
      : undefined;
  }

  /**
   * The user fills in this exchange's modal and submits it: `values` by text input custom_id (a field not given
   * keeps its prefilled value, or ''). Resolves with the new exchange once the bot answered the submit. Throws
   * for what Discord's client would not send: unknown fields, an empty required field, a value outside
   * min/max length. Same user, guild and channel as this exchange unless `invoke` says otherwise.
   */
  async submitModal(
    values: Readonly<Record<string, string>> = {},
    invoke: InvokeOptions = {},
  ): Promise<InteractionExchange> {
    return this.host.answered(this.host.sendModalSubmit(this, values, invoke));
  }

  /** Like submitModal(), without waiting for the bot's answer. */
  startSubmitModal(
    values: Readonly<Record<string, string>> = {},
    invoke: InvokeOptions = {},
  ): InteractionExchange {
    return this.host.sendModalSubmit(this, values, invoke);
  }

  /** The choices of an autocomplete answer. */
  get choices(): Choice[] {
    return (this.callback.data?.choices as Choice[] | undefined) ?? [];
  }

  /** Called by the routes whenever something arrives for this interaction. */
  notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  waitForCallback(timeoutMs = 3_000): Promise<CallbackBody> {
    return this.until(() => this.callbackBody, timeoutMs, 'interaction callback');
  }

  waitForFollowUps(count = 1, timeoutMs = 5_000): Promise<Body[]> {
    return this.until(
      () => (this.followUps.length >= count ? this.followUps : undefined),
      timeoutMs,
      `${count} follow-up(s)`,
    );
  }

  waitForEdits(count = 1, timeoutMs = 5_000): Promise<Body[]> {
    return this.until(
      () => (this.edits.length >= count ? this.edits : undefined),
      timeoutMs,
      `${count} edit(s) of @original`,
    );
  }

  /**
   * What the user first sees as the answer: the reply or update data, or, after a defer, the first edit of the
   * original response (waiting for it).
   */
  async answer(timeoutMs = 5_000): Promise<Body> {
    const callback = await this.waitForCallback(timeoutMs);
    if (callback.type === 5 || callback.type === 6) {
      const [first] = await this.waitForEdits(1, timeoutMs);
      return first ?? {};
    }
    return callback.data ?? {};
  }

  private until<T>(get: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = get();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const watcher = () => {
        const value = get();
        if (value === undefined) return;
        this.watchers.delete(watcher);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(new Error(`${this.label}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.watchers.add(watcher);
    });
  }
}

export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionExchange>();
  private readonly byTokenMap = new Map<string, InteractionExchange>();

  add(exchange: InteractionExchange): void {
    this.byId.set(exchange.id, exchange);
    this.byTokenMap.set(exchange.token, exchange);
  }

  get(id: string): InteractionExchange | undefined {
    return this.byId.get(id);
  }

  byToken(applicationId: string, token: string): InteractionExchange | undefined {
    const exchange = this.byTokenMap.get(token);
    return exchange?.payload.application_id === applicationId ? exchange : undefined;
  }
}
