/** Messages the bot created, per channel, as Discord stores and returns them; nonce-enforced creates are deduped. */
import {
  type APIAttachment,
  type APIMessage,
  type APIUser,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

type Body = Record<string, unknown>;

export interface MessageOrigin {
  /** The id to give it (a forum post's starter message has its thread's id); a new snowflake otherwise. */
  id?: string;
  type?: MessageType;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessage['interaction_metadata'];
  /** Extra flags Discord sets itself (loading, crossposted). */
  flags?: number;
  /** Ephemeral messages are known by id but never listed in the channel. */
  ephemeral?: boolean;
  /** The files the create request uploaded, as attachment objects. */
  attachments?: APIAttachment[];
}

interface NonceEntry {
  messageId: string;
  at: number;
}

function normaliseEmbeds(embeds: unknown): APIMessage['embeds'] {
  if (!Array.isArray(embeds)) return [];
  return embeds.map((embed) => ({ type: 'rich', ...(embed as object) })) as APIMessage['embeds'];
}

export class MessageStore {
  private readonly byId = new Map<string, APIMessage>();
  private readonly byChannel = new Map<string, string[]>();
  private readonly ephemeral = new Set<string>();
  private readonly nonces = new Map<string, NonceEntry>();

  constructor(private readonly nonceWindowMs: number) {}

  /** Creates a message, or returns the earlier one when `enforce_nonce` repeats a nonce in the same channel. */
  create(
    channelId: string,
    body: Body,
    author: APIUser,
    origin: MessageOrigin = {},
  ): { message: APIMessage; duplicate: boolean } {
    const nonce =
      typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
    const nonceKey = nonce !== undefined && body.enforce_nonce === true ? `${channelId}:${nonce}` : undefined;
    if (nonceKey) {
      const earlier = this.nonces.get(nonceKey);
      const message =
        earlier && Date.now() - earlier.at < this.nonceWindowMs
          ? this.byId.get(earlier.messageId)
          : undefined;
      if (message) return { message, duplicate: true };
    }
    const flags = (typeof body.flags === 'number' ? body.flags : 0) | (origin.flags ?? 0);
    const message: APIMessage = {
      id: origin.id ?? snowflake(),
      channel_id: channelId,
      author,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: origin.attachments ?? [],
      embeds: normaliseEmbeds(body.embeds),
      ...(Array.isArray(body.components) ? { components: body.components as APIMessage['components'] } : {}),
      pinned: false,
      type: origin.type ?? MessageType.Default,
      flags,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(origin.webhookId ? { webhook_id: origin.webhookId } : {}),
      ...(origin.applicationId ? { application_id: origin.applicationId } : {}),
      ...(origin.interactionMetadata ? { interaction_metadata: origin.interactionMetadata } : {}),
    };
    this.byId.set(message.id, message);
    if (origin.ephemeral) this.ephemeral.add(message.id);
    else this.listOf(channelId).push(message.id);
    if (nonceKey) this.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
    return { message, duplicate: false };
  }

  /** Discord's nonce memory runs out (it keeps nonces for minutes): a repeated nonce now creates a new message. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** Takes in a message a test made up (say, for a button click), so later edits of it have something to edit. */
  adopt(message: APIMessage): APIMessage {
    const known = this.byId.get(message.id);
    if (known) return known;
    const copy = structuredClone(message);
    this.byId.set(copy.id, copy);
    if (((copy.flags ?? 0) & MessageFlags.Ephemeral) !== 0) this.ephemeral.add(copy.id);
    else this.listOf(copy.channel_id).push(copy.id);
    return copy;
  }

  get(id: string): APIMessage | undefined {
    return this.byId.get(id);
  }

  /** Oldest first; ephemeral messages are not part of any channel's history. */
  inChannel(channelId: string): APIMessage[] {
    return (this.byChannel.get(channelId) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  /**
   * Applies a PATCH body: the fields it names replace the old ones; finishing a deferred reply clears loading. An
   * edit may make a message Components V2 (its content and embeds then go), never the other way. `attachments`
   * (what the request's files and `attachments` array leave) replace the old ones when given.
   */
  edit(id: string, body: Body, attachments?: APIAttachment[]): APIMessage | undefined {
    const message = this.byId.get(id);
    if (!message) return undefined;
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = normaliseEmbeds(body.embeds);
    if (attachments) message.attachments = attachments;
    if ('components' in body) message.components = (body.components ?? []) as APIMessage['components'];
    const flags = typeof body.flags === 'number' ? body.flags : 0;
    if ((flags & MessageFlags.IsComponentsV2) !== 0) {
      message.flags = (message.flags ?? 0) | MessageFlags.IsComponentsV2;
      message.content = '';
      message.embeds = [];
    }
    message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    if (!wasLoading) message.edited_timestamp = new Date().toISOString();
    return message;
  }

  delete(id: string): boolean {
    const message = this.byId.get(id);
    if (!message) return false;
    this.byId.delete(id);
    this.ephemeral.delete(id);
    const ids = this.byChannel.get(message.channel_id);
    if (ids)
      this.byChannel.set(
        message.channel_id,
        ids.filter((other) => other !== id),
      );
    return true;
  }

  private listOf(channelId: string): string[] {
    let ids = this.byChannel.get(channelId);
    if (!ids) {
      ids = [];
      this.byChannel.set(channelId, ids);
    }
    return ids;
  }

  isEphemeral(id: string): boolean {
    return this.ephemeral.has(id);
  }
}
