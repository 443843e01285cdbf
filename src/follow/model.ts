/** Readers following parties, and the direct-message alerts that tell them of new briefings about them. */
import type { MessagePayload } from '../message/payload.js';

/** One reader following one party (by its registry name). */
export interface Follow {
  userId: string;
  party: string;
  /** ISO instant. */
  createdAt: string;
}

/** Why a reader's alerts are paused: Discord would not let the bot send them a direct message. */
export type FollowPause = { code: 'dms-closed' };

/** A reader who follows something: since when, and whether their alerts are paused. */
export interface Follower {
  userId: string;
  /** When they began following, or took their alerts up again after a pause (ISO instant). */
  activeFrom: string;
  paused: boolean;
  pauseReason: FollowPause | null;
  pausedAt: string | null;
  /** When they were told of the pause; null while they still are to be. */
  toldAt: string | null;
}

/**
 * `unconfirmed`: an alert cut off (a crash, a stop) and found after Discord forgot its nonces: it may have gone
 * out, so it is not sent again.
 */
export const ALERT_STATUSES = ['pending', 'sent', 'failed', 'unconfirmed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Why an alert ended as it did, as a code. */
export type AlertReason = { code: 'dms-closed' } | { code: 'window-closed'; lastError: string | null };

/** One message of an alert: its nonce, what it says, and Discord's id for it once sent. */
export interface AlertPart {
  nonce: string;
  payload: MessagePayload;
  messageId: string | null;
}

/** A reader's alert of one local day (at most one a day). */
export interface AlertRecord {
  id: number;
  userId: string;
  /** The day in the bot's time zone, YYYY-MM-DD: the once-a-day key. */
  localDate: string;
  status: AlertStatus;
  reason: AlertReason | null;
  briefingIds: string[];
  parts: AlertPart[];
  /** Failed attempts so far. */
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** The instance sending a pending alert, while its hold lasts (null: nobody holds it). */
  claimedBy: string | null;
  /** Until when the hold lasts unless renewed (ISO instant). */
  claimedUntil: string | null;
}
