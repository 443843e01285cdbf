/**
 * The digest store in a SQLite file (the default): subscriptions, the delivery ledger and what each channel has
 * received. better-sqlite3 is synchronous; the interface is not, so each call resolves at once.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { DeliveryRecord, DeliveryStatus, Subscription } from '../../digest/model.js';
import { type DeliveryReason, storeReason } from '../../digest/reasons.js';
import type {
  Claim,
  DeliveryPart,
  DigestStore,
  NewDelivery,
  SentPart,
  StoreLoss,
} from '../../digest/store.js';
import {
  type DeliveryRow,
  type PartRow,
  type SubscriptionRow,
  toDeliveryPart,
  toDeliveryRecord,
  toSubscription,
} from '../digest-rows.js';
import { type OpenedDatabase, openDatabase } from './open-database.js';

const DELIVERY_COLUMNS = `d.*, (SELECT json_group_array(p.message_id) FROM
  (SELECT message_id FROM delivery_parts WHERE delivery_id = d.id ORDER BY part) p) AS message_ids`;

function prepareStatements(db: Database.Database) {
  return {
    getSubscription: db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE channel_id = ?',
    ),
    guildSubscriptions: db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY time, channel_name, channel_id',
    ),
    allSubscriptions: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY channel_id'),
    upsertSubscription: db.prepare<SubscriptionRow>(`
      INSERT INTO subscriptions (channel_id, guild_id, channel_name, time, timezone, party, tag, post_when_empty,
        publish, mention_role_id, posts_as_threads, paused, pause_reason, created_by, created_at, updated_at,
        active_from)
      VALUES (@channel_id, @guild_id, @channel_name, @time, @timezone, @party, @tag, @post_when_empty,
        @publish, @mention_role_id, @posts_as_threads, @paused, @pause_reason, @created_by, @created_at,
        @updated_at, @active_from)
      ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, channel_name = excluded.channel_name,
        time = excluded.time, timezone = excluded.timezone, party = excluded.party, tag = excluded.tag,
        post_when_empty = excluded.post_when_empty, publish = excluded.publish,
        mention_role_id = excluded.mention_role_id,
        posts_as_threads = coalesce(excluded.posts_as_threads, subscriptions.posts_as_threads),
        paused = excluded.paused, pause_reason = excluded.pause_reason, updated_at = excluded.updated_at,
        active_from = excluded.active_from`),
    deleteSubscription: db.prepare<[string]>('DELETE FROM subscriptions WHERE channel_id = ?'),
    insertDelivery: db.prepare(`
      INSERT INTO deliveries (guild_id, channel_id, kind, local_date, fire_at, status, reason, briefing_ids,
        created_at, updated_at, claimed_by, claimed_until)
      VALUES (@guildId, @channelId, @kind, @localDate, @fireAt, @status, @reason, @briefingIds, @at, @at,
        @claimedBy, @claimedUntil)
      ON CONFLICT DO NOTHING`),
    insertPart: db.prepare<[number, number, string, string]>(
      'INSERT INTO delivery_parts (delivery_id, part, nonce, payload) VALUES (?, ?, ?, ?)',
    ),
    scheduledOn: db.prepare<[string, string], { id: number }>(
      "SELECT id FROM deliveries WHERE channel_id = ? AND local_date = ? AND kind = 'scheduled'",
    ),
    getDelivery: db.prepare<[number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.id = ?`,
    ),
    deliveryByNonce: db.prepare<[string], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN delivery_parts p ON p.delivery_id = d.id WHERE p.nonce = ?`,
    ),
    pendingDeliveries: db.prepare<[], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.status = 'pending' ORDER BY d.id`,
    ),
    pendingBriefingIds: db.prepare<[string], { briefing_ids: string }>(
      "SELECT briefing_ids FROM deliveries WHERE channel_id = ? AND status = 'pending'",
    ),
    guildDeliveries: db.prepare<[string, number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.guild_id = ? ORDER BY d.id DESC LIMIT ?`,
    ),
    channelDeliveries: db.prepare<[string, string, number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.guild_id = ? AND d.channel_id = ? ORDER BY d.id DESC LIMIT ?`,
    ),
    parts: db.prepare<[number], PartRow>(
      'SELECT part, nonce, payload, message_id FROM delivery_parts WHERE delivery_id = ? ORDER BY part',
    ),
    markPartSent: db.prepare<[string, string, number, number]>(
      'UPDATE delivery_parts SET message_id = ?, sent_at = ? WHERE delivery_id = ? AND part = ? AND message_id IS NULL',
    ),
    // An ended row is held by no one: its claim goes with it, so status views show only live holds.
    finishDelivery: db.prepare<[DeliveryStatus, string | null, string, number]>(`
      UPDATE deliveries SET status = ?, reason = ?, updated_at = ?, retry_at = NULL, claimed_by = NULL,
        claimed_until = NULL
      WHERE id = ? AND status = 'pending'`),
    recordFailure: db.prepare<[string, string | null, string, number]>(
      "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, retry_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
    ),
    setReason: db.prepare<[string | null, string, number]>(
      'UPDATE deliveries SET reason = ?, updated_at = ? WHERE id = ?',
    ),
    deliveredIds: db.prepare<[string], { briefing_id: string }>(
      'SELECT briefing_id FROM delivered_briefings WHERE channel_id = ?',
    ),
    recordDelivered: db.prepare<[string, string, number, string]>(
      'INSERT OR IGNORE INTO delivered_briefings (channel_id, briefing_id, delivery_id, delivered_at) VALUES (?, ?, ?, ?)',
    ),
    claimPending: db.prepare<[string, string, string, string, string, number], { id: number }>(`
      UPDATE deliveries SET claimed_by = ?, claimed_until = ?
      WHERE id IN (
        SELECT id FROM deliveries
        WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)
          AND (retry_at IS NULL OR retry_at <= ?)
        ORDER BY id LIMIT ?)
      RETURNING id`),
    renewClaims: db.prepare<[string, string]>(
      "UPDATE deliveries SET claimed_until = ? WHERE status = 'pending' AND claimed_by = ?",
    ),
    holdClaim: db.prepare<[string, number, string]>(
      "UPDATE deliveries SET claimed_until = ? WHERE id = ? AND status = 'pending' AND claimed_by = ?",
    ),
    releaseOwnClaims: db.prepare<[string]>(
      "UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' AND claimed_by = ?",
    ),
    releaseAllClaims: db.prepare<[]>(
      "UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' AND claimed_by IS NOT NULL",
    ),
  };
}

/** The file as it was opened: a different file (or none) at the path later means the database was replaced. */
interface FileIdentity {
  dev: number;
  ino: number;
}

function identityOf(file: string): FileIdentity | undefined {
  try {
    const { dev, ino } = statSync(file);
    return { dev, ino };
  } catch {
    return undefined;
  }
}

export class SqliteDigestStore implements DigestStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly insertDeliveryWithParts: (delivery: NewDelivery) => number | undefined;
  private readonly completeDelivery: (
    id: number,
    reason: string | null,
    at: string,
    lastPart: SentPart | undefined,
  ) => boolean;
  private readonly claimDue: (claim: Claim, at: Date, limit: number) => DeliveryRecord[];
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly identity: FileIdentity | undefined;
  /** This start made the database: there was no file at the path. */
  readonly created: boolean;

  private constructor(
    opened: OpenedDatabase,
    readonly location: string,
  ) {
    const db = opened.db;
    this.db = db;
    this.created = opened.created;
    this.file = resolve(location);
    this.identity = identityOf(this.file);
    const s = prepareStatements(db);
    this.statements = s;
    this.insertDeliveryWithParts = db.transaction((delivery: NewDelivery) => {
      const result = s.insertDelivery.run({
        guildId: delivery.guildId,
        channelId: delivery.channelId,
        kind: delivery.kind,
        localDate: delivery.localDate,
        fireAt: delivery.fireAt.toISOString(),
        status: delivery.status,
        reason: storeReason(delivery.reason),
        briefingIds: JSON.stringify(delivery.briefingIds),
        at: delivery.at.toISOString(),
        claimedBy: delivery.claim?.owner ?? null,
        claimedUntil: delivery.claim?.until.toISOString() ?? null,
      });
      if (result.changes === 0) return undefined;
      const id = Number(result.lastInsertRowid);
      delivery.parts.forEach((part, index) => {
        s.insertPart.run(id, index, part.nonce, JSON.stringify(part.payload));
      });
      return id;
    });
    this.completeDelivery = db.transaction(
      (id: number, reason: string | null, at: string, last?: SentPart) => {
        if (last) s.markPartSent.run(last.messageId, at, id, last.part);
        const row = s.getDelivery.get(id);
        if (!row || s.finishDelivery.run('sent', reason, at, id).changes === 0) return false;
        for (const briefingId of JSON.parse(row.briefing_ids) as string[]) {
          s.recordDelivered.run(row.channel_id, briefingId, id, at);
        }
        return true;
      },
    );
    this.claimDue = db.transaction((claim: Claim, at: Date, limit: number) => {
      const now = at.toISOString();
      const ids = s.claimPending
        .all(claim.owner, claim.until.toISOString(), claim.owner, now, now, limit)
        .map((row) => row.id)
        .sort((a, b) => a - b);
      return ids.flatMap((id) => {
        const row = s.getDelivery.get(id);
        return row ? [toDeliveryRecord(row)] : [];
      });
    });
  }

  /** Opens (creating if needed) the database at `path`; throws an Error naming the path when it cannot. */
  static open(path: string): SqliteDigestStore {
    return new SqliteDigestStore(openDatabase(path), resolve(path));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Null while the file the store opened is still the one at its path. Otherwise what happened to it: an open
   * SQLite handle keeps writing into a deleted file, so without this check the ledger would go on in a file no
   * one will ever open again, and the next start would find no ledger at all.
   */
  async loss(): Promise<StoreLoss | null> {
    const now = identityOf(this.file);
    if (!now) return { code: 'deleted', location: this.file };
    if (this.identity && (now.dev !== this.identity.dev || now.ino !== this.identity.ino))
      return { code: 'replaced', location: this.file };
    return null;
  }

  // Subscriptions

  async getSubscription(channelId: string): Promise<Subscription | undefined> {
    const row = this.statements.getSubscription.get(channelId);
    return row ? toSubscription(row) : undefined;
  }

  async guildSubscriptions(guildId: string): Promise<Subscription[]> {
    return this.statements.guildSubscriptions.all(guildId).map(toSubscription);
  }

  async allSubscriptions(): Promise<Subscription[]> {
    return this.statements.allSubscriptions.all().map(toSubscription);
  }

  /**
   * Inserts or replaces by channel; created_by and created_at of an existing row are kept, and so is whether the
   * channel takes posts once known (it never changes): a save that does not know it leaves it as it was.
   */
  async saveSubscription(sub: Subscription): Promise<void> {
    this.statements.upsertSubscription.run({
      channel_id: sub.channelId,
      guild_id: sub.guildId,
      channel_name: sub.channelName,
      time: sub.time,
      timezone: sub.timezone,
      party: sub.party,
      tag: sub.tag,
      post_when_empty: sub.postWhenEmpty ? 1 : 0,
      publish: sub.publish ? 1 : 0,
      mention_role_id: sub.mentionRoleId ?? null,
      posts_as_threads: sub.postsAsThreads == null ? null : sub.postsAsThreads ? 1 : 0,
      paused: sub.paused ? 1 : 0,
      pause_reason: storeReason(sub.pauseReason),
      created_by: sub.createdBy,
      created_at: sub.createdAt,
      updated_at: sub.updatedAt,
      active_from: sub.activeFrom,
    });
  }

  async deleteSubscription(channelId: string): Promise<boolean> {
    return this.statements.deleteSubscription.run(channelId).changes > 0;
  }

  // Ledger

  /**
   * Writes a ledger row (and its messages, each with its nonce) in one transaction. Returns its id, or
   * undefined when a scheduled row for that channel and local day already exists: the day is taken.
   */
  async addDelivery(delivery: NewDelivery): Promise<number | undefined> {
    return this.insertDeliveryWithParts(delivery);
  }

  async hasScheduled(channelId: string, localDate: string): Promise<boolean> {
    return this.statements.scheduledOn.get(channelId, localDate) !== undefined;
  }

  async getDelivery(id: number): Promise<DeliveryRecord | undefined> {
    const row = this.statements.getDelivery.get(id);
    return row ? toDeliveryRecord(row) : undefined;
  }

  /** The delivery one of whose messages carries this nonce. */
  async deliveryByNonce(nonce: string): Promise<DeliveryRecord | undefined> {
    const row = this.statements.deliveryByNonce.get(nonce);
    return row ? toDeliveryRecord(row) : undefined;
  }

  async pendingDeliveries(): Promise<DeliveryRecord[]> {
    return this.statements.pendingDeliveries.all().map(toDeliveryRecord);
  }

  /** Newest first. */
  async recentDeliveries(
    guildId: string,
    channelId: string | undefined,
    limit: number,
  ): Promise<DeliveryRecord[]> {
    const rows =
      channelId === undefined
        ? this.statements.guildDeliveries.all(guildId, limit)
        : this.statements.channelDeliveries.all(guildId, channelId, limit);
    return rows.map(toDeliveryRecord);
  }

  async parts(deliveryId: number): Promise<DeliveryPart[]> {
    return this.statements.parts.all(deliveryId).map(toDeliveryPart);
  }

  async markPartSent(deliveryId: number, part: number, messageId: string, at: Date): Promise<void> {
    this.statements.markPartSent.run(messageId, at.toISOString(), deliveryId, part);
  }

  /** pending -> sent, and its briefings recorded as received by the channel, together or not at all. */
  async markSent(
    deliveryId: number,
    reason: DeliveryReason | null,
    at: Date,
    lastPart?: SentPart,
  ): Promise<boolean> {
    return this.completeDelivery(deliveryId, storeReason(reason), at.toISOString(), lastPart);
  }

  /** A failed attempt of a pending row: counted, its error kept, and when to try again (null: not on a timer). */
  async recordFailure(deliveryId: number, error: string, retryAt: Date | null, at: Date): Promise<void> {
    this.statements.recordFailure.run(error, retryAt?.toISOString() ?? null, at.toISOString(), deliveryId);
  }

  /** pending -> a final status other than sent (failed, paused, unconfirmed); nothing is recorded as received. */
  async markEnded(
    deliveryId: number,
    status: Exclude<DeliveryStatus, 'pending' | 'sent'>,
    reason: DeliveryReason,
    at: Date,
  ): Promise<boolean> {
    return (
      this.statements.finishDelivery.run(status, storeReason(reason), at.toISOString(), deliveryId).changes >
      0
    );
  }

  /** Adds a note to a finished row (a crosspost that failed after the message went out). */
  async setReason(deliveryId: number, reason: DeliveryReason | null, at: Date): Promise<void> {
    this.statements.setReason.run(storeReason(reason), at.toISOString(), deliveryId);
  }

  /** Briefings the channel has received, or that a pending digest is about to bring it. */
  async receivedOrPending(channelId: string): Promise<Set<string>> {
    const ids = new Set(this.statements.deliveredIds.all(channelId).map((row) => row.briefing_id));
    for (const row of this.statements.pendingBriefingIds.all(channelId)) {
      for (const id of JSON.parse(row.briefing_ids) as string[]) ids.add(id);
    }
    return ids;
  }

  // Claims. A SQLite write holds the whole file, so each statement here is atomic as it stands.

  async claimPending(claim: Claim, at: Date, limit: number): Promise<DeliveryRecord[]> {
    return this.claimDue(claim, at, limit);
  }

  async renewClaims(claim: Claim): Promise<number> {
    return this.statements.renewClaims.run(claim.until.toISOString(), claim.owner).changes;
  }

  async holdClaim(deliveryId: number, claim: Claim): Promise<boolean> {
    return this.statements.holdClaim.run(claim.until.toISOString(), deliveryId, claim.owner).changes === 1;
  }

  async releaseClaims(owner: string | null): Promise<number> {
    return owner === null
      ? this.statements.releaseAllClaims.run().changes
      : this.statements.releaseOwnClaims.run(owner).changes;
  }
}
