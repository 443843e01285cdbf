/**
 * Where subscriptions and the delivery ledger are kept. One interface, so another database is one more file
 * beside sqlite-store.ts; every call is asynchronous because a database on the network is.
 */
import type { MessagePayload } from '../message/payload.js';
import type { DeliveryKind, DeliveryRecord, DeliveryStatus, Subscription } from './model.js';
import type { DeliveryReason } from './reasons.js';

/** One message of a digest as the ledger holds it. */
export interface DeliveryPart {
  part: number;
  nonce: string;
  payload: MessagePayload;
  messageId: string | null;
}

/** A message of a digest that Discord took: which part, and the id Discord gave it. */
export interface SentPart {
  part: number;
  messageId: string;
}

export interface NewDelivery {
  guildId: string;
  channelId: string;
  kind: DeliveryKind;
  localDate: string;
  fireAt: Date;
  status: DeliveryStatus;
  reason: DeliveryReason | null;
  briefingIds: readonly string[];
  /** Messages to send (status `pending`); none for rows that only record a skip. */
  parts: readonly { nonce: string; payload: MessagePayload }[];
  at: Date;
}

/** The database the store opened is no longer there: deleted, or replaced by another. */
export interface StoreLoss {
  code: 'deleted' | 'replaced';
  /** What an operator would look for: the file, or the database's name. */
  location: string;
}

export interface DigestStore {
  /** What it is kept in, for messages (a path, a database name). */
  readonly location: string;
  /** This start made the store: there was nothing at its location. */
  readonly created: boolean;
  /** Null while the store is still the one opened; what happened to it otherwise. */
  loss(): Promise<StoreLoss | null>;
  close(): Promise<void>;

  getSubscription(channelId: string): Promise<Subscription | undefined>;
  /** A server's subscriptions, by time of day. */
  guildSubscriptions(guildId: string): Promise<Subscription[]>;
  allSubscriptions(): Promise<Subscription[]>;
  /** Inserts or replaces by channel; created_by and created_at of an existing row are kept. */
  saveSubscription(sub: Subscription): Promise<void>;
  deleteSubscription(channelId: string): Promise<boolean>;

  /**
   * Writes a ledger row (and its messages, each with its nonce) at once. Returns its id, or undefined when a
   * scheduled row for that channel and local day already exists: the day is taken.
   */
  addDelivery(delivery: NewDelivery): Promise<number | undefined>;
  hasScheduled(channelId: string, localDate: string): Promise<boolean>;
  getDelivery(id: number): Promise<DeliveryRecord | undefined>;
  /** The delivery one of whose messages carries this nonce. */
  deliveryByNonce(nonce: string): Promise<DeliveryRecord | undefined>;
  pendingDeliveries(): Promise<DeliveryRecord[]>;
  /** Newest first. */
  recentDeliveries(guildId: string, channelId: string | undefined, limit: number): Promise<DeliveryRecord[]>;
  parts(deliveryId: number): Promise<DeliveryPart[]>;
  markPartSent(deliveryId: number, part: number, messageId: string, at: Date): Promise<void>;
  /**
   * pending -> sent, and its briefings recorded as received by the channel, together or not at all; with the
   * last message's id in the same write (one commit, one sync to disk, for the usual one-message digest).
   */
  markSent(
    deliveryId: number,
    reason: DeliveryReason | null,
    at: Date,
    lastPart?: SentPart,
  ): Promise<boolean>;
  /** A failed attempt of a pending row: counted, its error kept, and when to try again (null: not on a timer). */
  recordFailure(deliveryId: number, error: string, retryAt: Date | null, at: Date): Promise<void>;
  /** pending -> a final status other than sent; nothing is recorded as received. */
  markEnded(
    deliveryId: number,
    status: Exclude<DeliveryStatus, 'pending' | 'sent'>,
    reason: DeliveryReason,
    at: Date,
  ): Promise<boolean>;
  /** A note on a finished row (a crosspost that failed after the message went out). */
  setReason(deliveryId: number, reason: DeliveryReason | null, at: Date): Promise<void>;
  /** Briefings the channel has received, or that a pending digest is about to bring it. */
  receivedOrPending(channelId: string): Promise<Set<string>>;
}
