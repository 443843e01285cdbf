/**
 * The digest store in Postgres, shared by several instances: subscriptions, the delivery ledger and what each
 * channel has received, as the SQLite store keeps them. What SQLite writes in one transaction is one transaction
 * here too, on one pooled connection; claims are single statements that skip rows another instance is taking.
 */
import type pg from 'pg';
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
import { type DatabaseIdentity, identityLoss } from './identity.js';
import { inTransaction } from './transaction.js';

/** A row with its messages' ids in order, as the SQLite store reads it (`d` is the deliveries row). */
const DELIVERY_COLUMNS = `d.*, COALESCE((SELECT json_agg(p.message_id ORDER BY p.part) FROM delivery_parts p
  WHERE p.delivery_id = d.id), '[]') AS message_ids`;

export interface PostgresDigestStoreOptions {
  pool: pg.Pool;
  location: string;
  created: boolean;
  /** Which database was opened, to tell later whether it is still the one answering. */
  identity: DatabaseIdentity;
  /** Called once by close(): the pool is shared with the follow store. */
  release: () => Promise<void>;
}

export class PostgresDigestStore implements DigestStore {
  readonly location: string;
  readonly created: boolean;
  private readonly pool: pg.Pool;
  private readonly identity: DatabaseIdentity;
  private readonly release: () => Promise<void>;
  private closed = false;

  constructor(options: PostgresDigestStoreOptions) {
    this.pool = options.pool;
    this.location = options.location;
    this.created = options.created;
    this.identity = options.identity;
    this.release = options.release;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }

  /** Null while the database that was opened still answers at the URL; deleted or replaced otherwise. */
  async loss(): Promise<StoreLoss | null> {
    return identityLoss(this.pool, this.identity, this.location);
  }

  // Subscriptions

  async getSubscription(channelId: string): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE channel_id = $1',
      [channelId],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async guildSubscriptions(guildId: string): Promise<Subscription[]> {
    // NULLS FIRST: where SQLite sorts a subscription with no channel name.
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE guild_id = $1 ORDER BY time, channel_name NULLS FIRST, channel_id',
      [guildId],
    );
    return rows.map(toSubscription);
  }

  async allSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY channel_id',
    );
    return rows.map(toSubscription);
  }

  /**
   * Inserts or replaces by channel; created_by and created_at of an existing row are kept, and so is whether the
   * channel takes posts once known (it never changes): a save that does not know it leaves it as it was.
   */
  async saveSubscription(sub: Subscription): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscriptions (channel_id, guild_id, channel_name, time, timezone, party, tag, post_when_empty,
        publish, mention_role_id, paused, pause_reason, created_by, created_at, updated_at, active_from,
        posts_as_threads)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
      ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, channel_name = excluded.channel_name,
        time = excluded.time, timezone = excluded.timezone, party = excluded.party, tag = excluded.tag,
        post_when_empty = excluded.post_when_empty, publish = excluded.publish,
        mention_role_id = excluded.mention_role_id, paused = excluded.paused,
        pause_reason = excluded.pause_reason, updated_at = excluded.updated_at, active_from = excluded.active_from,
        posts_as_threads = coalesce(excluded.posts_as_threads, subscriptions.posts_as_threads)`,
      [
        sub.channelId,
        sub.guildId,
        sub.channelName,
        sub.time,
        sub.timezone,
        sub.party,
        sub.tag,
        sub.postWhenEmpty,
        sub.publish,
        sub.mentionRoleId ?? null,
        sub.paused,
        storeReason(sub.pauseReason),
        sub.createdBy,
        sub.createdAt,
        sub.updatedAt,
        sub.activeFrom,
        sub.postsAsThreads ?? null,
      ],
    );
  }

  async deleteSubscription(channelId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM subscriptions WHERE channel_id = $1', [channelId]);
    return (result.rowCount ?? 0) > 0;
  }

  // Ledger

  /**
   * Writes a ledger row (and its messages, each with its nonce) in one transaction. Returns its id, or undefined
   * when a scheduled row for that channel and local day already exists: the day is taken. Two instances writing
   * the same day at once: the second waits for the first to commit, then finds the day taken.
   */
  async addDelivery(delivery: NewDelivery): Promise<number | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO deliveries (guild_id, channel_id, kind, local_date, fire_at, status, reason, briefing_ids,
          created_at, updated_at, claimed_by, claimed_until)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)
        ON CONFLICT DO NOTHING
        RETURNING id`,
        [
          delivery.guildId,
          delivery.channelId,
          delivery.kind,
          delivery.localDate,
          delivery.fireAt.toISOString(),
          delivery.status,
          storeReason(delivery.reason),
          JSON.stringify(delivery.briefingIds),
          delivery.at.toISOString(),
          delivery.claim?.owner ?? null,
          delivery.claim?.until.toISOString() ?? null,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) return undefined;
      if (delivery.parts.length > 0) {
        await client.query(
          `INSERT INTO delivery_parts (delivery_id, part, nonce, payload)
          SELECT $1::bigint, message.ordinality - 1, message.nonce, message.payload::json
          FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS message (nonce, payload, ordinality)`,
          [
            id,
            delivery.parts.map((part) => part.nonce),
            delivery.parts.map((part) => JSON.stringify(part.payload)),
          ],
        );
      }
      return id;
    });
  }

  async hasScheduled(channelId: string, localDate: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "SELECT 1 FROM deliveries WHERE channel_id = $1 AND local_date = $2 AND kind = 'scheduled'",
      [channelId, localDate],
    );
    return (rowCount ?? 0) > 0;
  }

  async getDelivery(id: number): Promise<DeliveryRecord | undefined> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.id = $1`,
      [id],
    );
    return rows[0] && toDeliveryRecord(rows[0]);
  }

  /** The delivery one of whose messages carries this nonce. */
  async deliveryByNonce(nonce: string): Promise<DeliveryRecord | undefined> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN delivery_parts n ON n.delivery_id = d.id
      WHERE n.nonce = $1`,
      [nonce],
    );
    return rows[0] && toDeliveryRecord(rows[0]);
  }

  async pendingDeliveries(): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.status = 'pending' ORDER BY d.id`,
    );
    return rows.map(toDeliveryRecord);
  }

  /** Newest first. */
  async recentDeliveries(
    guildId: string,
    channelId: string | undefined,
    limit: number,
  ): Promise<DeliveryRecord[]> {
    const { rows } =
      channelId === undefined
        ? await this.pool.query<DeliveryRow>(
            `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.guild_id = $1 ORDER BY d.id DESC LIMIT $2`,
            [guildId, limit],
          )
        : await this.pool.query<DeliveryRow>(
            `SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.guild_id = $1 AND d.channel_id = $2
            ORDER BY d.id DESC LIMIT $3`,
            [guildId, channelId, limit],
          );
    return rows.map(toDeliveryRecord);
  }

  async parts(deliveryId: number): Promise<DeliveryPart[]> {
    const { rows } = await this.pool.query<PartRow>(
      'SELECT part, nonce, payload, message_id FROM delivery_parts WHERE delivery_id = $1 ORDER BY part',
      [deliveryId],
    );
    return rows.map(toDeliveryPart);
  }

  async markPartSent(deliveryId: number, part: number, messageId: string, at: Date): Promise<void> {
    await markPart(this.pool, deliveryId, part, messageId, at.toISOString());
  }

  /** pending -> sent, and its briefings recorded as received by the channel, together or not at all. */
  async markSent(
    deliveryId: number,
    reason: DeliveryReason | null,
    at: Date,
    lastPart?: SentPart,
  ): Promise<boolean> {
    const when = at.toISOString();
    return inTransaction(this.pool, async (client) => {
      if (lastPart) await markPart(client, deliveryId, lastPart.part, lastPart.messageId, when);
      const { rows } = await client.query<{ channel_id: string }>(
        `UPDATE deliveries SET status = 'sent', reason = $1, updated_at = $2, retry_at = NULL, claimed_by = NULL,
          claimed_until = NULL
        WHERE id = $3 AND status = 'pending'
        RETURNING channel_id`,
        [storeReason(reason), when, deliveryId],
      );
      if (rows.length === 0) return false;
      await client.query(
        `INSERT INTO delivered_briefings (channel_id, briefing_id, delivery_id, delivered_at)
        SELECT d.channel_id, briefing.id, d.id, $2::timestamptz
        FROM deliveries d, json_array_elements_text(d.briefing_ids) AS briefing (id)
        WHERE d.id = $1
        ON CONFLICT DO NOTHING`,
        [deliveryId, when],
      );
      return true;
    });
  }

  /** A failed attempt of a pending row: counted, its error kept, and when to try again (null: not on a timer). */
  async recordFailure(deliveryId: number, error: string, retryAt: Date | null, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET attempts = attempts + 1, last_error = $1, retry_at = $2, updated_at = $3
      WHERE id = $4 AND status = 'pending'`,
      [error, retryAt?.toISOString() ?? null, at.toISOString(), deliveryId],
    );
  }

  /** pending -> a final status other than sent (failed, paused, unconfirmed); nothing is recorded as received. */
  async markEnded(
    deliveryId: number,
    status: Exclude<DeliveryStatus, 'pending' | 'sent'>,
    reason: DeliveryReason,
    at: Date,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE deliveries SET status = $1, reason = $2, updated_at = $3, retry_at = NULL, claimed_by = NULL,
        claimed_until = NULL
      WHERE id = $4 AND status = 'pending'`,
      [status, storeReason(reason), at.toISOString(), deliveryId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Adds a note to a finished row (a crosspost that failed after the message went out). */
  async setReason(deliveryId: number, reason: DeliveryReason | null, at: Date): Promise<void> {
    await this.pool.query('UPDATE deliveries SET reason = $1, updated_at = $2 WHERE id = $3', [
      storeReason(reason),
      at.toISOString(),
      deliveryId,
    ]);
  }

  /** Briefings the channel has received, or that a pending digest is about to bring it. */
  async receivedOrPending(channelId: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ briefing_id: string }>(
      `SELECT briefing_id FROM delivered_briefings WHERE channel_id = $1
      UNION
      SELECT json_array_elements_text(briefing_ids) FROM deliveries WHERE channel_id = $1 AND status = 'pending'`,
      [channelId],
    );
    return new Set(rows.map((row) => row.briefing_id));
  }

  // Claims: each one statement. FOR UPDATE SKIP LOCKED passes over rows another instance is claiming right now,
  // and a row it has just claimed no longer matches: two instances never take the same row.

  async claimPending(claim: Claim, at: Date, limit: number): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `WITH claimed AS (
        UPDATE deliveries SET claimed_by = $1, claimed_until = $2
        WHERE id IN (
          SELECT id FROM deliveries
          WHERE status = 'pending' AND (claimed_by IS NULL OR claimed_by = $1 OR claimed_until < $3)
            AND (retry_at IS NULL OR retry_at <= $3)
          ORDER BY id LIMIT $4
          FOR UPDATE SKIP LOCKED)
        RETURNING *)
      SELECT ${DELIVERY_COLUMNS} FROM claimed d ORDER BY d.id`,
      [claim.owner, claim.until.toISOString(), at.toISOString(), limit],
    );
    return rows.map(toDeliveryRecord);
  }

  async renewClaims(claim: Claim): Promise<number> {
    const result = await this.pool.query(
      "UPDATE deliveries SET claimed_until = $1 WHERE status = 'pending' AND claimed_by = $2",
      [claim.until.toISOString(), claim.owner],
    );
    return result.rowCount ?? 0;
  }

  async holdClaim(deliveryId: number, claim: Claim): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE deliveries SET claimed_until = $1 WHERE id = $2 AND status = 'pending' AND claimed_by = $3",
      [claim.until.toISOString(), deliveryId, claim.owner],
    );
    return result.rowCount === 1;
  }

  async releaseClaims(owner: string | null): Promise<number> {
    const result = await this.pool.query(
      `UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL
      WHERE status = 'pending' AND claimed_by IS NOT NULL AND ($1::text IS NULL OR claimed_by = $1)`,
      [owner],
    );
    return result.rowCount ?? 0;
  }
}

/** A message's Discord id, recorded once: a later call for the same part changes nothing. */
async function markPart(
  db: pg.Pool | pg.PoolClient,
  deliveryId: number,
  part: number,
  messageId: string,
  at: string,
): Promise<void> {
  await db.query(
    `UPDATE delivery_parts SET message_id = $1, sent_at = $2
    WHERE delivery_id = $3 AND part = $4 AND message_id IS NULL`,
    [messageId, at, deliveryId, part],
  );
}
