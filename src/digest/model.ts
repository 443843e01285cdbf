import type { DeliveryReason, PauseReason } from './reasons.js';

/** The schedule's records: subscriptions and the delivery ledger, as the service hands them out. */

/** One channel's daily digest. One per channel; a server may have many. */
export interface Subscription {
  guildId: string;
  channelId: string;
  /** For messages ("#briefings"); null when it was not known at subscribe time. */
  channelName: string | null;
  /** Local time of day, HH:MM (24 h). */
  time: string;
  /** IANA zone the time is read in. */
  timezone: string;
  /** Only briefings that mention this party (as typed by the subscriber). */
  party: string | null;
  /** Only briefings carrying this tag (compared case-insensitively). */
  tag: string | null;
  /** Post a short "no new briefings" message instead of skipping a day quietly. */
  postWhenEmpty: boolean;
  /** Crosspost each digest (announcement channels). */
  publish: boolean;
  /**
   * A role that opted in to be mentioned when a digest of this channel carries briefings (about `party`): the one
   * mention the bot ever makes in a channel, allowed for that role alone. Absent or null: no mention.
   */
  mentionRoleId?: string | null;
  /**
   * The channel takes digests as posts (a forum or media channel), as the bot saw it when the channel was
   * subscribed: a channel's kind in that sense never changes, so delivery need not ask Discord. Absent or null for
   * subscriptions made before it was kept: delivery then asks the sink.
   */
  postsAsThreads?: boolean | null;
  paused: boolean;
  /** Why it is paused: by a manager, or what Discord refused (a permission, a channel gone). */
  pauseReason: PauseReason | null;
  createdBy: string | null;
  /** ISO instants (UTC). */
  createdAt: string;
  updatedAt: string;
  /** Fires scheduled before this instant are not owed (new subscription, changed time, resumed). */
  activeFrom: string;
}

export interface SubscribeInput {
  guildId: string;
  channelId: string;
  channelName?: string | null;
  /** HH:MM or H:MM, 00:00 to 23:59. */
  time: string;
  /** IANA zone; UTC when absent. */
  timezone?: string;
  party?: string | null;
  tag?: string | null;
  postWhenEmpty?: boolean;
  publish?: boolean;
  /** A role to mention when a digest carries briefings; only with `party`. */
  mentionRoleId?: string | null;
  /** A forum or media channel (a digest there is a post); unknown when absent, and then kept as it was. */
  postsAsThreads?: boolean | null;
  createdBy?: string | null;
}

/**
 * `unconfirmed`: a digest that may or may not be in the channel (an old send the bot could not check for, as the
 * channel's history could not be read): not sent again, since a second copy is worse than a question.
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sent',
  'nothing-new',
  'missed',
  'paused',
  'failed',
  'unconfirmed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `scheduled`: the day's fire, at most one per channel and local day. `manual`: send-now. */
export type DeliveryKind = 'scheduled' | 'manual';

/** One row of the ledger: what happened (or is happening) to one digest. */
export interface DeliveryRecord {
  id: number;
  guildId: string;
  channelId: string;
  kind: DeliveryKind;
  /** The subscription's local day the digest belongs to, YYYY-MM-DD. */
  localDate: string;
  /** When it was due (scheduled) or asked for (manual), ISO instant. */
  fireAt: string;
  status: DeliveryStatus;
  /** Why it ended as it did (skips, failures, late sends), for `/digest status`. */
  reason: DeliveryReason | null;
  briefingIds: string[];
  /** Ids of the messages posted so far, in order. */
  messageIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Failed attempts so far; a pending row with attempts is being retried. */
  attempts: number;
  /** When a pending row is next tried (ISO instant); null when it is not waiting for a retry. */
  retryAt: string | null;
  /** What the last failed attempt said. */
  lastError: string | null;
  /** The instance sending a pending row, while its hold lasts (null: nobody holds it). */
  claimedBy: string | null;
  /** Until when the hold lasts unless its instance renews it (ISO instant); after it, another instance may resume. */
  claimedUntil: string | null;
}

/** What one delivery came to, as returned by sendNow. */
export interface DeliveryOutcome {
  deliveryId: number;
  status: DeliveryStatus;
  reason: DeliveryReason | null;
  briefingIds: string[];
  messageIds: string[];
  /** Set while a failed send waits to be tried again (ISO instant). */
  retryAt: string | null;
}
