/**
 * The port digests leave through: Discord channels (src/discord) or the terminal (src/console) implement it; the
 * pipeline only knows these calls and the errors they may throw.
 */
import type { MessagePayload } from '../../message/payload.js';
import type { ChannelLoss } from '../reasons.js';

/** What a look through a channel's history found. */
export interface PostedSearch {
  /** Marker (a part's nonce) -> the id of the bot's message carrying it. */
  found: Map<string, string>;
  /** False when more messages came since than the sink may read: a marker not found may still be there. */
  complete: boolean;
}

/** A digest as a new post in a forum or media channel: its title, and the tags it should carry. */
export interface DigestPost {
  /** The post's name (1 to 100 characters). */
  title: string;
  /**
   * Names to tag the post with, most wanted first: the sink applies those the forum has (compared
   * case-insensitively), up to Discord's five.
   */
  tagNames: readonly string[];
}

/**
 * Forum and media channels, where a digest is a new post (a thread) whose starter message is the digest's first
 * message; the others are messages in that thread (sent with `send`, the thread's id as the channel). The post's
 * id is the thread's, and its starter message has the same id.
 */
export interface ForumPosts {
  /** Whether the channel takes digests as posts (a forum or media channel). */
  isForum(channelId: string): Promise<boolean>;
  /**
   * Creates the post. Discord takes no nonce for it: a post whose creation may have happened is looked for with
   * `findPosts` before this is called again.
   */
  createPost(forumId: string, post: DigestPost, message: MessagePayload): Promise<{ threadId: string }>;
  /**
   * The bot's posts in the forum made since `since` whose starter message carries one of the markers: marker ->
   * the post's (thread's) id.
   */
  findPosts(forumId: string, markers: readonly string[], since: Date): Promise<PostedSearch>;
}

/** Where digests go: Discord channels (src/discord) or the terminal (src/console). */
export interface DigestSink {
  /** Sends one message; must pass nonce with enforce_nonce so a retried send is idempotent. */
  send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }>;
  /** The bot's own messages in the channel since `since` that carry one of the markers (nonces). */
  findPosted(channelId: string, markers: readonly string[], since: Date): Promise<PostedSearch>;
  /** Crossposts a message in an announcement channel. */
  publish?(channelId: string, messageId: string): Promise<void>;
  /** Forum and media channels; a sink that has none (the terminal) leaves it out. */
  readonly forums?: ForumPosts;
}

export type DeliveryErrorKind = 'missing-access' | 'unknown-channel' | 'transient';

/**
 * Thrown by sinks. missing-access and unknown-channel pause the subscription (`loss` says why, as a code);
 * transient is retried. The message is for logs.
 */
export class DeliveryError extends Error {
  readonly loss: ChannelLoss | null;

  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    options?: { cause?: unknown; loss?: ChannelLoss },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
    this.loss = options?.loss ?? null;
  }
}

export interface DeliveryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
