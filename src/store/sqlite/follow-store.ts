/**
 * Follows and their alerts in the SQLite file the digests use (the same schema steps make both). better-sqlite3
 * is synchronous; the interface is not, so each call resolves at once.
 */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
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
import { openDatabase } from './open-database.js';

function prepareStatements(db: Database.Database) {
  return {
    insertFollower: db.prepare<[string, string]>(
      'INSERT INTO followers (user_id, active_from) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING',
    ),
    insertFollow: db.prepare<[string, string, string]>(
      'INSERT INTO follows (user_id, party, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteFollow: db.prepare<[string, string]>('DELETE FROM follows WHERE user_id = ? AND party = ?'),
    countFollows: db.prepare<[string], { count: number }>(
      'SELECT count(*) AS count FROM follows WHERE user_id = ?',
    ),
    deleteFollower: db.prepare<[string]>('DELETE FROM followers WHERE user_id = ?'),
    deleteSeeded: db.prepare<[string]>('DELETE FROM follow_seen WHERE user_id = ? AND alert_id IS NULL'),
    follows: db.prepare<[string], FollowRow>('SELECT * FROM follows WHERE user_id = ? ORDER BY party'),
    follower: db.prepare<[string], FollowerRow>('SELECT * FROM followers WHERE user_id = ?'),
    dueFollowers: db.prepare<[string], FollowerRow>(`
      SELECT f.* FROM followers f
      WHERE f.paused = 0
        AND EXISTS (SELECT 1 FROM follows WHERE user_id = f.user_id)
        AND NOT EXISTS (SELECT 1 FROM follow_alerts a WHERE a.user_id = f.user_id AND a.local_date = ?)
      ORDER BY f.user_id`),
    seen: db.prepare<[string], { briefing_id: string }>(
      'SELECT briefing_id FROM follow_seen WHERE user_id = ?',
    ),
    markSeen: db.prepare<[string, string, number | null]>(
      'INSERT INTO follow_seen (user_id, briefing_id, alert_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    insertAlert: db.prepare(`
      INSERT INTO follow_alerts (user_id, local_date, status, briefing_ids, parts, created_at, updated_at,
        claimed_by, claimed_until)
      VALUES (@userId, @localDate, 'pending', @briefingIds, @parts, @at, @at, @claimedBy, @claimedUntil)
      ON CONFLICT DO NOTHING`),
    getAlert: db.prepare<[number], AlertRow>('SELECT * FROM follow_alerts WHERE id = ?'),
    pendingAlerts: db.prepare<[], AlertRow>(
      "SELECT * FROM follow_alerts WHERE status = 'pending' ORDER BY id",
    ),
    recentAlerts: db.prepare<[string, number], AlertRow>(
      'SELECT * FROM follow_alerts WHERE user_id = ? ORDER BY id DESC LIMIT ?',
    ),
    setParts: db.prepare<[string, string, number]>(
      'UPDATE follow_alerts SET parts = ?, updated_at = ? WHERE id = ?',
    ),
    // An ended alert is held by no one: its claim goes with it.
    finishAlert: db.prepare<[AlertStatus, string | null, string, number]>(`
      UPDATE follow_alerts SET status = ?, reason = ?, updated_at = ?, claimed_by = NULL, claimed_until = NULL
      WHERE id = ? AND status = 'pending'`),
    recordFailure: db.prepare<[string, string, number]>(
      "UPDATE follow_alerts SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
    ),
    forgetSeen: db.prepare<[number]>('DELETE FROM follow_seen WHERE alert_id = ?'),
    pause: db.prepare<[string, string, string]>(
      'UPDATE followers SET paused = 1, pause_reason = ?, paused_at = ?, told_at = NULL WHERE user_id = ? AND paused = 0',
    ),
    resume: db.prepare<[string, string]>(
      'UPDATE followers SET paused = 0, pause_reason = NULL, paused_at = NULL, told_at = NULL, active_from = ? WHERE user_id = ?',
    ),
    takeNotice: db.prepare<[string, string], { pause_reason: string | null }>(
      'UPDATE followers SET told_at = ? WHERE user_id = ? AND paused = 1 AND told_at IS NULL RETURNING pause_reason',
    ),
    claimPending: db.prepare<[string, string, string, string, number], { id: number }>(`
      UPDATE follow_alerts SET claimed_by = ?, claimed_until = ?
      WHERE id IN (
        SELECT id FROM follow_alerts
        WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)
        ORDER BY id LIMIT ?)
      RETURNING id`),
    renewClaims: db.prepare<[string, string]>(
      "UPDATE follow_alerts SET claimed_until = ? WHERE status = 'pending' AND claimed_by = ?",
    ),
    releaseOwnClaims: db.prepare<[string]>(
      "UPDATE follow_alerts SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' AND claimed_by = ?",
    ),
    releaseAllClaims: db.prepare<[]>(
      "UPDATE follow_alerts SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' AND claimed_by IS NOT NULL",
    ),
  };
}

export class SqliteFollowStore implements FollowStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly addFollowWithSeen: (
    userId: string,
    party: string,
    at: string,
    seen: readonly string[],
  ) => boolean;
  private readonly removeFollowAndState: (userId: string, party: string) => boolean;
  private readonly markSeenAll: (userId: string, ids: readonly string[], alertId: number | null) => void;
  private readonly insertAlertWithSeen: (alert: NewAlert) => number | undefined;
  private readonly updatePart: (id: number, part: number, messageId: string, at: string) => void;
  private readonly finish: (id: number, status: AlertStatus, reason: string | null, at: string) => boolean;
  private readonly claimDue: (claim: Claim, at: Date, limit: number) => AlertRecord[];

  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    const s = prepareStatements(db);
    this.statements = s;
    this.markSeenAll = (userId, ids, alertId) => {
      for (const id of ids) s.markSeen.run(userId, id, alertId);
    };
    this.addFollowWithSeen = db.transaction(
      (userId: string, party: string, at: string, seen: readonly string[]) => {
        s.insertFollower.run(userId, at);
        if (s.insertFollow.run(userId, party, at).changes === 0) return false;
        this.markSeenAll(userId, seen, null);
        return true;
      },
    );
    this.removeFollowAndState = db.transaction((userId: string, party: string) => {
      if (s.deleteFollow.run(userId, party).changes === 0) return false;
      if ((s.countFollows.get(userId)?.count ?? 0) === 0) {
        s.deleteFollower.run(userId);
        s.deleteSeeded.run(userId);
      }
      return true;
    });
    this.insertAlertWithSeen = db.transaction((alert: NewAlert) => {
      const result = s.insertAlert.run({
        userId: alert.userId,
        localDate: alert.localDate,
        briefingIds: JSON.stringify(alert.briefingIds),
        parts: JSON.stringify(alert.parts.map((part) => ({ ...part, messageId: null }))),
        at: alert.at.toISOString(),
        claimedBy: alert.claim?.owner ?? null,
        claimedUntil: alert.claim?.until.toISOString() ?? null,
      });
      if (result.changes === 0) return undefined;
      const id = Number(result.lastInsertRowid);
      this.markSeenAll(alert.userId, alert.briefingIds, id);
      return id;
    });
    this.updatePart = db.transaction((id: number, part: number, messageId: string, at: string) => {
      const row = s.getAlert.get(id);
      const parts = row && withPartSent(row.parts, part, messageId);
      if (parts) s.setParts.run(parts, at, id);
    });
    this.finish = db.transaction((id: number, status: AlertStatus, reason: string | null, at: string) => {
      const row = s.getAlert.get(id);
      if (!row || s.finishAlert.run(status, reason, at, id).changes === 0) return false;
      if (givesBriefingsBack(status, row.parts)) s.forgetSeen.run(id);
      return true;
    });
    this.claimDue = db.transaction((claim: Claim, at: Date, limit: number) => {
      const ids = s.claimPending
        .all(claim.owner, claim.until.toISOString(), claim.owner, at.toISOString(), limit)
        .map((row) => row.id)
        .sort((a, b) => a - b);
      return ids.flatMap((id) => {
        const row = s.getAlert.get(id);
        return row ? [toAlert(row)] : [];
      });
    });
  }

  /** Opens (creating if needed) the database at `path`; throws an Error naming the path when it cannot. */
  static open(path: string): SqliteFollowStore {
    return new SqliteFollowStore(openDatabase(path).db, resolve(path));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async addFollow(userId: string, party: string, at: Date, seen: readonly string[]): Promise<boolean> {
    return this.addFollowWithSeen(userId, party, at.toISOString(), seen);
  }

  async removeFollow(userId: string, party: string): Promise<boolean> {
    return this.removeFollowAndState(userId, party);
  }

  async follows(userId: string): Promise<Follow[]> {
    return this.statements.follows.all(userId).map(toFollow);
  }

  async follower(userId: string): Promise<Follower | undefined> {
    const row = this.statements.follower.get(userId);
    return row ? toFollower(row) : undefined;
  }

  async dueFollowers(localDate: string): Promise<Follower[]> {
    return this.statements.dueFollowers.all(localDate).map(toFollower);
  }

  async seen(userId: string): Promise<Set<string>> {
    return new Set(this.statements.seen.all(userId).map((row) => row.briefing_id));
  }

  async markSeen(userId: string, briefingIds: readonly string[]): Promise<void> {
    this.db.transaction(() => this.markSeenAll(userId, briefingIds, null))();
  }

  async addAlert(alert: NewAlert): Promise<number | undefined> {
    return this.insertAlertWithSeen(alert);
  }

  async getAlert(id: number): Promise<AlertRecord | undefined> {
    const row = this.statements.getAlert.get(id);
    return row ? toAlert(row) : undefined;
  }

  async pendingAlerts(): Promise<AlertRecord[]> {
    return this.statements.pendingAlerts.all().map(toAlert);
  }

  async recentAlerts(userId: string, limit: number): Promise<AlertRecord[]> {
    return this.statements.recentAlerts.all(userId, limit).map(toAlert);
  }

  async markPartSent(id: number, part: number, messageId: string, at: Date): Promise<void> {
    this.updatePart(id, part, messageId, at.toISOString());
  }

  async markAlertSent(id: number, at: Date): Promise<boolean> {
    return this.finish(id, 'sent', null, at.toISOString());
  }

  async recordAlertFailure(id: number, error: string, at: Date): Promise<void> {
    this.statements.recordFailure.run(error, at.toISOString(), id);
  }

  async endAlert(
    id: number,
    status: 'failed' | 'unconfirmed',
    reason: AlertReason,
    at: Date,
  ): Promise<boolean> {
    return this.finish(id, status, JSON.stringify(reason), at.toISOString());
  }

  async pause(userId: string, reason: FollowPause, at: Date): Promise<void> {
    this.statements.pause.run(JSON.stringify(reason), at.toISOString(), userId);
  }

  async claimPendingAlerts(claim: Claim, at: Date, limit: number): Promise<AlertRecord[]> {
    return this.claimDue(claim, at, limit);
  }

  async renewAlertClaims(claim: Claim): Promise<number> {
    return this.statements.renewClaims.run(claim.until.toISOString(), claim.owner).changes;
  }

  async releaseAlertClaims(owner: string | null): Promise<number> {
    return owner === null
      ? this.statements.releaseAllClaims.run().changes
      : this.statements.releaseOwnClaims.run(owner).changes;
  }

  async resume(userId: string, at: Date): Promise<void> {
    this.statements.resume.run(at.toISOString(), userId);
  }

  async takePauseNotice(userId: string, at: Date): Promise<FollowPause | undefined> {
    const row = this.statements.takeNotice.get(at.toISOString(), userId);
    return row ? (readPause(row.pause_reason) ?? { code: 'dms-closed' }) : undefined;
  }
}
