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

/**
 * A hold on pending rows: which instance is sending them, and until when unless it renews the hold. Several
 * instances share one database; a row whose hold lapsed (its instance died mid-send) is free for another to resume,
 * with the nonces the row already carries.
 */
export interface Claim {
  owner: string;
  until: Date;
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
  /** A pending row is held by the instance that writes it, from the moment it exists. */
  claim?: Claim;
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

  // Claims: which instance sends a pending row. Atomic in the database, so two instances never take the same row.
  /**
   * Takes the pending rows that are free at `at` (never held, a lapsed hold, or already this owner's) and due (no
   * retry time, or one that has come), at most `limit`, oldest first: each is now held by `claim`. Rows another
   * instance is taking at the same moment are skipped, not waited for.
   */
  claimPending(claim: Claim, at: Date, limit: number): Promise<DeliveryRecord[]>;
  /** Extends the owner's hold on all its pending rows (its heartbeat); how many it holds. */
  renewClaims(claim: Claim): Promise<number>;
  /**
   * True, and the hold extended, while the owner still holds the pending row; false once it lapsed and another
   * instance took it, or the row ended. Asked before each message, so an instance that stalled past its hold
   * stops instead of racing the one that resumed the row.
   */
  holdClaim(deliveryId: number, claim: Claim): Promise<boolean>;
  /** Lets go of the owner's pending rows (a clean stop), or of every row (null: a sole instance starting). */
  releaseClaims(owner: string | null): Promise<number>;
}
