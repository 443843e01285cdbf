import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { makeService, subscription, tempDbPath, tempDir } from '../digest/helpers.js';

describe('SqliteDigestStore.open', () => {
  it('creates the folder and the schema, in WAL mode with foreign keys on', async () => {
    const path = tempDbPath();
    const store = SqliteDigestStore.open(path);
    store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps subscriptions across reopening', async () => {
    const path = tempDbPath();
    const first = makeService({ path });
    await first.service.subscriptions.subscribe(
      subscription({ party: 'Ukraine', tag: 'diplomacy', publish: true }),
    );
    first.store.close();
    const again = SqliteDigestStore.open(path);
    const [sub] = await again.guildSubscriptions('111111111111111111');
    expect(sub).toMatchObject({ time: '08:00', timezone: 'Europe/Berlin', party: 'Ukraine', publish: true });
    again.close();
  });

  it('reads a zone stored under its old name (Europe/Kiev) by its current one', async () => {
    const path = tempDbPath();
    const first = makeService({ path });
    await first.service.subscriptions.subscribe(subscription({ timezone: 'Europe/Kyiv' }));
    first.store.close();
    const db = new Database(path);
    db.prepare("UPDATE subscriptions SET timezone = 'Europe/Kiev'").run();
    db.close();
    const again = SqliteDigestStore.open(path);
    expect((await again.guildSubscriptions('111111111111111111'))[0]?.timezone).toBe('Europe/Kyiv');
    again.close();
  });

  it('refuses a file that is not a database, naming it and leaving it untouched', async () => {
    const path = join(tempDir(), 'bot.sqlite');
    const junk = 'this is a briefing, not a database\n'.repeat(200);
    writeFileSync(path, junk);
    expect(() => SqliteDigestStore.open(path)).toThrow(path);
    expect(() => SqliteDigestStore.open(path)).toThrow(
      /damaged or is not a SQLite database.*restore it from a backup/,
    );
    expect(readFileSync(path, 'utf8')).toBe(junk);
  });

  it('refuses a database whose pages are damaged', async () => {
    const path = tempDbPath();
    makeService({ path }).store.close();
    const bytes = readFileSync(path);
    // Keep the header, scribble over the schema page.
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(path, bytes);
    expect(() => SqliteDigestStore.open(path)).toThrow(/damaged or is not a SQLite database/);
  });

  it('refuses a path it cannot write, with what to do', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const path = join(blocker, 'data', 'bot.sqlite');
    expect(() => SqliteDigestStore.open(path)).toThrow(path);
    expect(() => SqliteDigestStore.open(path)).toThrow(/DATABASE_PATH to a writable location/);
  });

  it('refuses a database written by a newer version', async () => {
    const path = tempDbPath();
    SqliteDigestStore.open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => SqliteDigestStore.open(path)).toThrow(/newer version of the bot/);
  });
});

describe('durability and upgrades', () => {
  it('syncs every commit to disk, and says whether it made a new file', async () => {
    const path = tempDbPath();
    const made = SqliteDigestStore.open(path);
    expect(made.created).toBe(true);
    made.close();
    const reopened = SqliteDigestStore.open(path);
    expect(reopened.created).toBe(false);
    reopened.close();
    // synchronous is per connection: what the store's own connection runs with is what counts.
    const { db } = openDatabase(path);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('upgrades a database of the first schema with its rows, messages and received briefings intact', async () => {
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.exec(`
      INSERT INTO deliveries (id, guild_id, channel_id, kind, local_date, fire_at, status, reason, briefing_ids,
        created_at, updated_at)
      VALUES (7, 'g', 'c', 'scheduled', '2025-06-02', '2025-06-02T06:00:00.000Z', 'sent', NULL, '["a"]',
        '2025-06-02T06:00:00.000Z', '2025-06-02T06:00:01.000Z');
      INSERT INTO delivery_parts (delivery_id, part, nonce, payload, message_id) VALUES (7, 0, 'n.0', '{}', 'm1');
      INSERT INTO delivered_briefings VALUES ('c', 'a', 7, '2025-06-02T06:00:01.000Z');
    `);
    old.close();

    const store = SqliteDigestStore.open(path);
    expect(await store.getDelivery(7)).toMatchObject({
      status: 'sent',
      messageIds: ['m1'],
      attempts: 0,
      retryAt: null,
      lastError: null,
    });
    expect([...(await store.receivedOrPending('c'))]).toEqual(['a']);
    expect((await store.deliveryByNonce('n.0'))?.id).toBe(7);
    store.close();
    // The parts still belong to the rebuilt table: deleting the row takes them with it.
    const check = new Database(path);
    check.pragma('foreign_keys = ON');
    check.prepare('DELETE FROM deliveries WHERE id = 7').run();
    expect(check.prepare('SELECT count(*) AS n FROM delivery_parts').get()).toEqual({ n: 0 });
    check.close();
  });
});

describe('ledger', () => {
  it('holds at most one scheduled row per channel and local day, and any number of manual ones', async () => {
    const { store } = makeService();
    const row = {
      guildId: 'g',
      channelId: 'c',
      localDate: '2025-06-02',
      fireAt: new Date('2025-06-02T06:00:00Z'),
      status: 'nothing-new' as const,
      reason: { code: 'nothing-new' as const, party: null, tag: null },
      briefingIds: [],
      parts: [],
      at: new Date('2025-06-02T06:00:00Z'),
    };
    expect(await store.addDelivery({ ...row, kind: 'scheduled' })).toBeTypeOf('number');
    expect(await store.addDelivery({ ...row, kind: 'scheduled' })).toBeUndefined();
    expect(await store.addDelivery({ ...row, kind: 'manual' })).toBeTypeOf('number');
    expect(await store.addDelivery({ ...row, kind: 'manual' })).toBeTypeOf('number');
    expect(await store.recentDeliveries('g', 'c', 10)).toHaveLength(3);
  });

  it('refuses a nonce longer than Discord allows', async () => {
    const { store } = makeService();
    await expect(
      store.addDelivery({
        guildId: 'g',
        channelId: 'c',
        kind: 'manual',
        localDate: '2025-06-02',
        fireAt: new Date(),
        status: 'pending',
        reason: null,
        briefingIds: [],
        parts: [{ nonce: 'x'.repeat(26), payload: { content: 'hi' } }],
        at: new Date(),
      }),
    ).rejects.toThrow();
  });
});
