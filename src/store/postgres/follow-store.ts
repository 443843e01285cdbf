/**
 * Follows and their alerts in Postgres, beside the digests (the same schema steps make both), as the SQLite store
 * keeps them: what SQLite writes in one transaction is one transaction here too.
 */
import type pg from 'pg';
import type { Claim } from '../../digest/store.js';
import type {
  AlertReason,
  AlertRecord,
  AlertStatus,
  Follow,
  Follower,
  FollowPause,
} from '../../follow/model.js';
import type { FollowStore, NewAlert } from '../../follow/store.js';
import {
  type AlertRow,
  type FollowerRow,
  type FollowRow,
  givesBriefingsBack,
  readPause,
  toAlert,
  toFollow,
  toFollower,
  withPartSent,
} from '../follow-rows.js';
import { inTransaction } from './transaction.js';

/**
 * Held for a transaction that adds or removes one of a reader's follows: whether their last follow is gone (and
 * their state with it) is decided by one writer at a time, even when two instances answer the same reader.
 */
const LOCK_READER = "SELECT pg_advisory_xact_lock(hashtext('briefing-bot follower'), hashtext($1))";

export interface PostgresFollowStoreOptions {
  pool: pg.Pool;
  location: string;
  /** Called once by close(): the pool is shared with the digest store. */
  release: () => Promise<void>;
}

export class PostgresFollowStore implements FollowStore {
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly release: () => Promise<void>;
  private closed = false;

  constructor(options: PostgresFollowStoreOptions) {
    this.pool = options.pool;
    this.location = options.location;
    this.release = options.release;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }

  async addFollow(userId: string, party: string, at: Date, seen: readonly string[]): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query(LOCK_READER, [userId]);
      await client.query(
        'INSERT INTO followers (user_id, active_from) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
        [userId, at.toISOString()],
      );
      const added = await client.query(
        'INSERT INTO follows (user_id, party, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [userId, party, at.toISOString()],
      );
      if (added.rowCount === 0) return false;
      await markSeenAll(client, userId, seen, null);
      return true;
    });
  }

  async removeFollow(userId: string, party: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query(LOCK_READER, [userId]);
      const removed = await client.query('DELETE FROM follows WHERE user_id = $1 AND party = $2', [
        userId,
        party,
      ]);
      if (removed.rowCount === 0) return false;
      const { rowCount: left } = await client.query('SELECT 1 FROM follows WHERE user_id = $1 LIMIT 1', [
        userId,
      ]);
      if (left === 0) {
        await client.query('DELETE FROM followers WHERE user_id = $1', [userId]);
        await client.query('DELETE FROM follow_seen WHERE user_id = $1 AND alert_id IS NULL', [userId]);
      }
      return true;
    });
  }

  async follows(userId: string): Promise<Follow[]> {
    const { rows } = await this.pool.query<FollowRow>(
      'SELECT * FROM follows WHERE user_id = $1 ORDER BY party',
      [userId],
    );
    return rows.map(toFollow);
  }

  async follower(userId: string): Promise<Follower | undefined> {
    const { rows } = await this.pool.query<FollowerRow>('SELECT * FROM followers WHERE user_id = $1', [
      userId,
    ]);
    return rows[0] && toFollower(rows[0]);
  }

  async dueFollowers(localDate: string): Promise<Follower[]> {
    const { rows } = await this.pool.query<FollowerRow>(
      `SELECT f.* FROM followers f
      WHERE NOT f.paused
        AND EXISTS (SELECT 1 FROM follows WHERE user_id = f.user_id)
        AND NOT EXISTS (SELECT 1 FROM follow_alerts a WHERE a.user_id = f.user_id AND a.local_date = $1)
      ORDER BY f.user_id`,
      [localDate],
    );
    return rows.map(toFollower);
  }

  async seen(userId: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ briefing_id: string }>(
      'SELECT briefing_id FROM follow_seen WHERE user_id = $1',
      [userId],
    );
    return new Set(rows.map((row) => row.briefing_id));
  }

  async markSeen(userId: string, briefingIds: readonly string[]): Promise<void> {
    await markSeenAll(this.pool, userId, briefingIds, null);
  }

  async addAlert(alert: NewAlert): Promise<number | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO follow_alerts (user_id, local_date, status, briefing_ids, parts, created_at, updated_at,
          claimed_by, claimed_until)
        VALUES ($1, $2, 'pending', $3, $4, $5, $5, $6, $7)
        ON CONFLICT DO NOTHING
        RETURNING id`,
        [
          alert.userId,
          alert.localDate,
          JSON.stringify(alert.briefingIds),
          JSON.stringify(alert.parts.map((part) => ({ ...part, messageId: null }))),
          alert.at.toISOString(),
          alert.claim?.owner ?? null,
          alert.claim?.until.toISOString() ?? null,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) return undefined;
      await markSeenAll(client, alert.userId, alert.briefingIds, id);
      return id;
    });
  }

  async getAlert(id: number): Promise<AlertRecord | undefined> {
    const { rows } = await this.pool.query<AlertRow>('SELECT * FROM follow_alerts WHERE id = $1', [id]);
    return rows[0] && toAlert(rows[0]);
  }

  async pendingAlerts(): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query<AlertRow>(
      "SELECT * FROM follow_alerts WHERE status = 'pending' ORDER BY id",
    );
    return rows.map(toAlert);
  }

  async recentAlerts(userId: string, limit: number): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query<AlertRow>(
      'SELECT * FROM follow_alerts WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
      [userId, limit],
    );
    return rows.map(toAlert);
  }

  async markPartSent(id: number, part: number, messageId: string, at: Date): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ parts: string }>(
        'SELECT parts FROM follow_alerts WHERE id = $1 FOR UPDATE',
        [id],
      );
      const parts = rows[0] && withPartSent(rows[0].parts, part, messageId);
      if (!parts) return;
      await client.query('UPDATE follow_alerts SET parts = $1, updated_at = $2 WHERE id = $3', [
        parts,
        at.toISOString(),
        id,
      ]);
    });
  }

  async markAlertSent(id: number, at: Date): Promise<boolean> {
    return this.finish(id, 'sent', null, at);
  }

  async recordAlertFailure(id: number, error: string, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE follow_alerts SET attempts = attempts + 1, last_error = $1, updated_at = $2
      WHERE id = $3 AND status = 'pending'`,
      [error, at.toISOString(), id],
    );
  }

  async endAlert(
    id: number,
    status: 'failed' | 'unconfirmed',
    reason: AlertReason,
    at: Date,
  ): Promise<boolean> {
    return this.finish(id, status, JSON.stringify(reason), at);
  }

  async pause(userId: string, reason: FollowPause, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE followers SET paused = true, pause_reason = $1, paused_at = $2, told_at = NULL
      WHERE user_id = $3 AND NOT paused`,
      [JSON.stringify(reason), at.toISOString(), userId],
    );
  }

  async resume(userId: string, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE followers SET paused = false, pause_reason = NULL, paused_at = NULL, told_at = NULL, active_from = $1
      WHERE user_id = $2`,
      [at.toISOString(), userId],
    );
  }

  async takePauseNotice(userId: string, at: Date): Promise<FollowPause | undefined> {
    const { rows } = await this.pool.query<{ pause_reason: string | null }>(
      `UPDATE followers SET told_at = $1 WHERE user_id = $2 AND paused AND told_at IS NULL
      RETURNING pause_reason`,
      [at.toISOString(), userId],
    );
    return rows[0] ? (readPause(rows[0].pause_reason) ?? { code: 'dms-closed' }) : undefined;
  }

  // Claims, as the digest store's: one statement each, skipping alerts another instance is taking.

  async claimPendingAlerts(claim: Claim, at: Date, limit: number): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query<AlertRow>(
      `WITH claimed AS (
        UPDATE follow_alerts SET claimed_by = $1, claimed_until = $2
        WHERE id IN (
          SELECT id FROM follow_alerts
          WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = $1 OR claimed_until < $3)
          ORDER BY id LIMIT $4
          FOR UPDATE SKIP LOCKED)
        RETURNING *)
      SELECT * FROM claimed ORDER BY id`,
      [claim.owner, claim.until.toISOString(), at.toISOString(), limit],
    );
    return rows.map(toAlert);
  }

  async renewAlertClaims(claim: Claim): Promise<number> {
    const result = await this.pool.query(
      "UPDATE follow_alerts SET claimed_until = $1 WHERE status = 'pending' AND claimed_by = $2",
      [claim.until.toISOString(), claim.owner],
    );
    return result.rowCount ?? 0;
  }

  async releaseAlertClaims(owner: string | null): Promise<number> {
    const result = await this.pool.query(
      `UPDATE follow_alerts SET claimed_by = NULL, claimed_until = NULL
      WHERE status = 'pending' AND claimed_by IS NOT NULL AND ($1::text IS NULL OR claimed_by = $1)`,
      [owner],
    );
    return result.rowCount ?? 0;
  }

  /** pending -> a final status, its claim let go; a failed alert that sent nothing gives its briefings back. */
  private async finish(id: number, status: AlertStatus, reason: string | null, at: Date): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ parts: string }>(
        `UPDATE follow_alerts SET status = $1, reason = $2, updated_at = $3, claimed_by = NULL, claimed_until = NULL
        WHERE id = $4 AND status = 'pending'
        RETURNING parts`,
        [status, reason, at.toISOString(), id],
      );
      const ended = rows[0];
      if (!ended) return false;
      if (givesBriefingsBack(status, ended.parts))
        await client.query('DELETE FROM follow_seen WHERE alert_id = $1', [id]);
      return true;
    });
  }
}

/** Briefings the reader is not to be alerted to (by this alert, or null: out before they followed). */
async function markSeenAll(
  db: pg.Pool | pg.PoolClient,
  userId: string,
  briefingIds: readonly string[],
  alertId: number | null,
): Promise<void> {
  if (briefingIds.length === 0) return;
  await db.query(
    `INSERT INTO follow_seen (user_id, briefing_id, alert_id)
    SELECT $1::text, briefing_id, $3::bigint FROM unnest($2::text[]) AS briefing_id
    ON CONFLICT DO NOTHING`,
    [userId, [...briefingIds], alertId],
  );
}
