/**
 * The follow tables' rows as both stores read them, and the records made from them: one mapper for SQLite and
 * Postgres, so a record reads the same whichever database holds it.
 */
import type {
  AlertPart,
  AlertReason,
  AlertRecord,
  AlertStatus,
  Follow,
  Follower,
  FollowPause,
} from '../follow/model.js';

export interface FollowRow {
  user_id: string;
  party: string;
  created_at: string;
}

export interface FollowerRow {
  user_id: string;
  active_from: string;
  /** 0/1 in SQLite, a boolean in Postgres. */
  paused: number | boolean;
  pause_reason: string | null;
  paused_at: string | null;
  told_at: string | null;
}

export interface AlertRow {
  id: number;
  user_id: string;
  local_date: string;
  status: AlertStatus;
  reason: string | null;
  briefing_ids: string;
  parts: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
}

export const toFollow = (row: FollowRow): Follow => ({
  userId: row.user_id,
  party: row.party,
  createdAt: row.created_at,
});

/** A stored code read back; anything else (a newer version's code) still reads as closed direct messages. */
export function readPause(stored: string | null): FollowPause | null {
  return stored === null ? null : { code: 'dms-closed' };
}

export function toFollower(row: FollowerRow): Follower {
  const paused = Boolean(row.paused);
  return {
    userId: row.user_id,
    activeFrom: row.active_from,
    paused,
    pauseReason: paused ? (readPause(row.pause_reason) ?? { code: 'dms-closed' }) : null,
    pausedAt: row.paused_at,
    toldAt: row.told_at,
  };
}

export function toAlert(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    userId: row.user_id,
    localDate: row.local_date,
    status: row.status,
    reason: row.reason === null ? null : (JSON.parse(row.reason) as AlertReason),
    briefingIds: JSON.parse(row.briefing_ids) as string[],
    parts: JSON.parse(row.parts) as AlertPart[],
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
  };
}

/** The alert's messages with the one at `part` marked as sent; undefined when it is unknown or already sent. */
export function withPartSent(stored: string, part: number, messageId: string): string | undefined {
  const parts = JSON.parse(stored) as AlertPart[];
  const target = parts[part];
  if (!target || target.messageId) return undefined;
  target.messageId = messageId;
  return JSON.stringify(parts);
}

/** A failed alert none of whose messages went out gives its briefings back: a later one may carry them. */
export function givesBriefingsBack(status: AlertStatus, storedParts: string): boolean {
  return status === 'failed' && !(JSON.parse(storedParts) as AlertPart[]).some((part) => part.messageId);
}
