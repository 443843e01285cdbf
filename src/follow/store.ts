/**
 * Where follows and alerts are kept. One interface, so another database is one more file beside the SQLite one;
 * every call is asynchronous because a database on the network is.
 */
import type { Claim } from '../digest/store.js';
import type { MessagePayload } from '../message/payload.js';
import type { AlertReason, AlertRecord, Follow, Follower, FollowPause } from './model.js';

export interface NewAlert {
  userId: string;
  localDate: string;
  briefingIds: readonly string[];
  parts: readonly { nonce: string; payload: MessagePayload }[];
  at: Date;
  /** Held by the instance that writes it, from the moment it exists. */
  claim?: Claim;
}

export interface FollowStore {
  /** What it is kept in, for messages (a path, a database name). */
  readonly location: string;
  close(): Promise<void>;

  /**
   * Adds the follow (and the follower, active from `at`, when new) together with briefings never to be alerted
   * to (those already out); false, and nothing written, when the reader already follows that party.
   */
  addFollow(userId: string, party: string, at: Date, seen: readonly string[]): Promise<boolean>;
  /** False when the reader did not follow it. With their last follow gone, the reader's state goes too. */
  removeFollow(userId: string, party: string): Promise<boolean>;
  /** A reader's follows, by party name. */
  follows(userId: string): Promise<Follow[]>;
  follower(userId: string): Promise<Follower | undefined>;
  /** Readers who follow something, are not paused and have no alert on that local day. */
  dueFollowers(localDate: string): Promise<Follower[]>;

  /** Briefings the reader is not to be alerted to: sent, being sent, or out before they followed. */
  seen(userId: string): Promise<Set<string>>;
  markSeen(userId: string, briefingIds: readonly string[]): Promise<void>;

  /**
   * Writes the day's alert (its messages with their nonces, its briefings as seen) at once. Returns its id, or
   * undefined when the reader already has an alert on that day: the day is taken.
   */
  addAlert(alert: NewAlert): Promise<number | undefined>;
  getAlert(id: number): Promise<AlertRecord | undefined>;
  pendingAlerts(): Promise<AlertRecord[]>;
  /** Newest first. */
  recentAlerts(userId: string, limit: number): Promise<AlertRecord[]>;
  markPartSent(id: number, part: number, messageId: string, at: Date): Promise<void>;
  /** pending -> sent. */
  markAlertSent(id: number, at: Date): Promise<boolean>;
  /** A failed attempt of a pending alert: counted, its error kept. */
  recordAlertFailure(id: number, error: string, at: Date): Promise<void>;
  /**
   * pending -> failed or unconfirmed. A failed alert none of whose messages went out gives its briefings back
   * (a later alert may carry them); an unconfirmed one may have gone out, so they stay seen.
   */
  endAlert(id: number, status: 'failed' | 'unconfirmed', reason: AlertReason, at: Date): Promise<boolean>;

  /** Stops the reader's alerts (they will be told once). */
  pause(userId: string, reason: FollowPause, at: Date): Promise<void>;
  /** As DigestStore.claimPending, for alerts: the free pending alerts, now held by `claim`. */
  claimPendingAlerts(claim: Claim, at: Date, limit: number): Promise<AlertRecord[]>;
  /** Extends the owner's hold on all its pending alerts. */
  renewAlertClaims(claim: Claim): Promise<number>;
  /** Lets go of the owner's pending alerts, or of every one (null). */
  releaseAlertClaims(owner: string | null): Promise<number>;

  /** Takes a paused reader's alerts up again, from `at`. */
  resume(userId: string, at: Date): Promise<void>;
  /** The pause the reader has not been told of, marked as told in the same write: each pause is told once. */
  takePauseNotice(userId: string, at: Date): Promise<FollowPause | undefined>;
}
