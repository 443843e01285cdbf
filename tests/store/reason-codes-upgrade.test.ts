/**
 * A database written before reasons were codes (schema 2, sentences in TEXT) opens with its rows intact: each
 * sentence becomes a legacy code that reads exactly as before, and new rows are written as codes.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describePause, describeReason } from '../../src/render/digest-reasons.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { tempDbPath } from '../digest/helpers.js';

const OLD_REASON = 'no new briefings about Russia since the last digest';
const OLD_PAUSE = 'missing Send Messages in #briefings';

/** What the version before reason codes left on disk: its schema, a skipped day, a paused subscription. */
function databaseOfSchemaTwo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  for (const step of MIGRATIONS.slice(0, 2)) db.exec(step);
  db.pragma('user_version = 2');
  db.prepare(
    `INSERT INTO subscriptions (channel_id, guild_id, channel_name, time, timezone, paused, pause_reason,
      created_at, updated_at, active_from)
     VALUES ('c', 'g', 'briefings', '08:00', 'UTC', 1, ?, '2025-06-01T00:00:00.000Z',
      '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')`,
  ).run(OLD_PAUSE);
  db.prepare(
    `INSERT INTO deliveries (guild_id, channel_id, kind, local_date, fire_at, status, reason, created_at, updated_at)
     VALUES ('g', 'c', 'scheduled', '2025-06-02', '2025-06-02T08:00:00.000Z', 'nothing-new', ?,
      '2025-06-02T08:00:00.000Z', '2025-06-02T08:00:00.000Z')`,
  ).run(OLD_REASON);
  db.close();
}

describe('a database from before reason codes', () => {
  it('keeps its reasons in the same words, and new rows are stored as codes', async () => {
    const path = tempDbPath();
    databaseOfSchemaTwo(path);
    const store = SqliteDigestStore.open(path);
    const [old] = await store.recentDeliveries('g', 'c', 10);
    expect(old?.reason).toEqual({ code: 'legacy', text: OLD_REASON });
    expect(describeReason(old!.reason!)).toBe(OLD_REASON);
    const sub = await store.getSubscription('c');
    expect(sub?.pauseReason).toEqual({ code: 'legacy', text: OLD_PAUSE });
    expect(describePause(sub!.pauseReason)).toBe(OLD_PAUSE);

    await store.addDelivery({
      guildId: 'g',
      channelId: 'c',
      kind: 'scheduled',
      localDate: '2025-06-03',
      fireAt: new Date('2025-06-03T08:00:00Z'),
      status: 'nothing-new',
      reason: { code: 'nothing-new', party: 'Russia', tag: null },
      briefingIds: [],
      parts: [],
      at: new Date('2025-06-03T08:00:00Z'),
    });
    await store.close();
    const raw = new Database(path, { readonly: true });
    const stored = raw.prepare("SELECT reason FROM deliveries WHERE local_date = '2025-06-03'").get();
    raw.close();
    expect(JSON.parse((stored as { reason: string }).reason)).toEqual({
      code: 'nothing-new',
      party: 'Russia',
      tag: null,
    });
  });
});
