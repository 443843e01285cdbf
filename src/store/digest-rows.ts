/**
 * The digest tables' rows as both stores read them, and the records made from them. One mapper for SQLite and
 * Postgres, so a record reads the same whichever database holds it: instants as ISO strings, JSON as its text.
 */
import type { DeliveryKind, DeliveryRecord, DeliveryStatus, Subscription } from '../digest/model.js';
import { readPauseReason, readReason } from '../digest/reasons.js';
import type { DeliveryPart } from '../digest/store.js';
import { currentZoneName } from '../digest/subscriptions/timezones.js';
import type { MessagePayload } from '../message/payload.js';

/** A flag as stored: 0/1 in SQLite, a boolean in Postgres. */
type Flag = number | boolean;

export interface SubscriptionRow {
  channel_id: string;
  guild_id: string;
  channel_name: string | null;
  time: string;
  timezone: string;
  party: string | null;
  tag: string | null;
  post_when_empty: Flag;
  publish: Flag;
  mention_role_id: string | null;
  /** Null for rows written before it was kept. */
  posts_as_threads: Flag | null;
  paused: Flag;
  pause_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  active_from: string;
}

export interface DeliveryRow {
  id: number;
  guild_id: string;
  channel_id: string;
  kind: DeliveryKind;
  local_date: string;
  fire_at: string;
  status: DeliveryStatus;
  reason: string | null;
  briefing_ids: string;
  /** The ids of its messages in order, as a JSON array (null for a message not sent yet). */
  message_ids: string;
  created_at: string;
  updated_at: string;
  attempts: number;
  retry_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface PartRow {
  part: number;
  nonce: string;
  payload: string;
  message_id: string | null;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    channelName: row.channel_name,
    time: row.time,
    // Rows written before zones were stored by their current names (Europe/Kiev) read as they are now called.
    timezone: currentZoneName(row.timezone),
    party: row.party,
    tag: row.tag,
    postWhenEmpty: Boolean(row.post_when_empty),
    publish: Boolean(row.publish),
    mentionRoleId: row.mention_role_id,
    postsAsThreads: row.posts_as_threads === null ? null : Boolean(row.posts_as_threads),
    paused: Boolean(row.paused),
    pauseReason: readPauseReason(row.pause_reason),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activeFrom: row.active_from,
  };
}

export function toDeliveryRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    kind: row.kind,
    localDate: row.local_date,
    fireAt: row.fire_at,
    status: row.status,
    reason: readReason(row.reason),
    briefingIds: JSON.parse(row.briefing_ids) as string[],
    messageIds: (JSON.parse(row.message_ids) as (string | null)[]).filter((id): id is string => id !== null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attempts: row.attempts,
    retryAt: row.retry_at,
    lastError: row.last_error,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
  };
}

export function toDeliveryPart(row: PartRow): DeliveryPart {
  return {
    part: row.part,
    nonce: row.nonce,
    payload: JSON.parse(row.payload) as MessagePayload,
    messageId: row.message_id,
  };
}
