import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { makeService, tempDbPath, tempDir } from '../digest/helpers.js';
import { at, CHANNEL, GUILD, pendingDelivery, savedSubscription } from './ledger-rows.js';
import { openFresh, STORE_KINDS } from './store-kinds.js';

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
      claimedBy: null,
      claimedUntil: null,
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

describe('a database from before channel kinds were kept', () => {
  it('reads its subscriptions as of an unknown kind, and keeps one once a save knows it', async () => {
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    for (const step of MIGRATIONS.slice(0, 6)) old.exec(step);
    old.pragma('user_version = 6');
    old.exec(`
      INSERT INTO subscriptions (channel_id, guild_id, channel_name, time, timezone, party, publish,
        mention_role_id, created_by, created_at, updated_at, active_from)
      VALUES ('c', 'g', 'briefings', '08:00', 'Europe/Berlin', 'Ukraine', 1, 'r', 'u',
        '2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z');
    `);
    old.close();

    const store = SqliteDigestStore.open(path);
    const sub = await store.getSubscription('c');
    expect(sub).toMatchObject({ party: 'Ukraine', publish: true, mentionRoleId: 'r', postsAsThreads: null });
    await store.saveSubscription({ ...sub!, postsAsThreads: false });
    expect((await store.getSubscription('c'))?.postsAsThreads).toBe(false);
    store.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });
});

describe.each(STORE_KINDS)('$name digest store', (kind) => {
  describe('subscriptions', () => {
    it('saves, updates (keeping who made it and when) and deletes by channel', async () => {
      const { digests } = await openFresh(kind);
      const sub = savedSubscription({
        party: 'Ukraine',
        tag: 'diplomacy',
        postWhenEmpty: true,
        publish: true,
        mentionRoleId: '444444444444444444',
      });
      await digests.saveSubscription(sub);
      expect(await digests.getSubscription(CHANNEL)).toEqual(sub);

      await digests.saveSubscription({
        ...sub,
        time: '09:30',
        createdBy: 'someone-else',
        createdAt: '2025-06-05T00:00:00.000Z',
        updatedAt: '2025-06-05T00:00:00.000Z',
        paused: true,
        pauseReason: { code: 'missing-permission', permissions: ['Send Messages'], channelName: 'briefings' },
      });
      expect(await digests.getSubscription(CHANNEL)).toEqual({
        ...sub,
        time: '09:30',
        updatedAt: '2025-06-05T00:00:00.000Z',
        paused: true,
        pauseReason: { code: 'missing-permission', permissions: ['Send Messages'], channelName: 'briefings' },
      });

      expect(await digests.deleteSubscription(CHANNEL)).toBe(true);
      expect(await digests.deleteSubscription(CHANNEL)).toBe(false);
      expect(await digests.getSubscription(CHANNEL)).toBeUndefined();
    });

    it("lists a server's subscriptions by time, then channel name (none first), then channel", async () => {
      const { digests } = await openFresh(kind);
      const subs = [
        savedSubscription({ channelId: '5', channelName: 'news', time: '08:00' }),
        savedSubscription({ channelId: '4', channelName: 'Zeitung', time: '08:00' }),
        savedSubscription({ channelId: '3', channelName: null, time: '08:00' }),
        savedSubscription({ channelId: '2', channelName: 'alpha', time: '07:15' }),
        savedSubscription({ channelId: '10', channelName: 'news', time: '08:00' }),
        savedSubscription({ guildId: 'other-guild', channelId: '1', time: '06:00' }),
      ];
      for (const sub of subs) await digests.saveSubscription(sub);
      // Byte order, as SQLite sorts: capitals before small letters, '10' before '5'.
      expect((await digests.guildSubscriptions(GUILD)).map((sub) => sub.channelId)).toEqual([
        '2',
        '3',
        '4',
        '10',
        '5',
      ]);
      expect((await digests.allSubscriptions()).map((sub) => sub.channelId)).toEqual([
        '1',
        '10',
        '2',
        '3',
        '4',
        '5',
      ]);
    });

    it('reads a zone stored under its old name (Europe/Kiev) by its current one', async () => {
      const { digests } = await openFresh(kind);
      await digests.saveSubscription(savedSubscription({ timezone: 'Europe/Kiev' }));
      expect((await digests.getSubscription(CHANNEL))?.timezone).toBe('Europe/Kyiv');
    });

    it('keeps whether the channel takes posts, null when not known, and no save that does not know forgets it', async () => {
      const { digests } = await openFresh(kind);
      const forum = savedSubscription({ channelId: '1', postsAsThreads: true });
      const text = savedSubscription({ channelId: '2', postsAsThreads: false });
      const { postsAsThreads: _, ...unknownKind } = savedSubscription({ channelId: '3' });
      for (const sub of [forum, text, unknownKind]) await digests.saveSubscription(sub);
      expect(await digests.getSubscription('1')).toEqual(forum);
      expect(await digests.getSubscription('2')).toEqual(text);
      expect(await digests.getSubscription('3')).toEqual({ ...unknownKind, postsAsThreads: null });
      expect((await digests.guildSubscriptions(GUILD)).map((sub) => sub.postsAsThreads)).toEqual([
        true,
        false,
        null,
      ]);

      // A channel never changes kind: a save by a caller that does not know (null, or left out) keeps it.
      const later = { time: '09:00', updatedAt: '2025-06-05T00:00:00.000Z' };
      await digests.saveSubscription({ ...forum, ...later, postsAsThreads: null });
      const { postsAsThreads: __, ...textUnknown } = text;
      await digests.saveSubscription({ ...textUnknown, ...later });
      // One not known before is known once a save says.
      await digests.saveSubscription({ ...unknownKind, ...later, postsAsThreads: true });
      expect((await digests.allSubscriptions()).map((sub) => [sub.time, sub.postsAsThreads])).toEqual([
        ['09:00', true],
        ['09:00', false],
        ['09:00', true],
      ]);
    });

    it('keeps subscriptions and the ledger across reopening', async () => {
      const place = await kind.place();
      const first = await place.open();
      await first.digests.saveSubscription(savedSubscription({ party: 'Ukraine', publish: true }));
      const id = await first.digests.addDelivery(pendingDelivery());
      await first.close();

      const again = await place.open();
      expect(again.digests.created).toBe(false);
      expect(await again.digests.getSubscription(CHANNEL)).toMatchObject({ party: 'Ukraine', publish: true });
      expect((await again.digests.pendingDeliveries()).map((row) => row.id)).toEqual([id]);
    });
  });

  describe('ledger', () => {
    it('holds at most one scheduled row per channel and local day, and any number of manual ones', async () => {
      const { digests: store } = await openFresh(kind);
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
      expect(await store.hasScheduled('c', '2025-06-02')).toBe(true);
      expect(await store.hasScheduled('c', '2025-06-03')).toBe(false);
    });

    it('refuses a nonce longer than Discord allows, or one already used, and writes nothing of that row', async () => {
      const { digests: store } = await openFresh(kind);
      const tooLong = pendingDelivery({ parts: [{ nonce: 'x'.repeat(26), payload: { content: 'hi' } }] });
      await expect(store.addDelivery(tooLong)).rejects.toThrow();
      const first = pendingDelivery();
      await store.addDelivery(first);
      await expect(
        store.addDelivery(pendingDelivery({ kind: 'manual', parts: [...first.parts].reverse() })),
      ).rejects.toThrow();
      expect(await store.recentDeliveries(GUILD, CHANNEL, 10)).toHaveLength(1);
      // The day's scheduled row the refused one would have been is still free for a good one.
      expect(await store.addDelivery(pendingDelivery({ localDate: '2025-06-03' }))).toBeTypeOf('number');
    });

    it('reads a row back as written: its messages, in order, and by any of their nonces', async () => {
      const { digests: store } = await openFresh(kind);
      const written = pendingDelivery();
      const id = (await store.addDelivery(written))!;
      const record = {
        id,
        guildId: GUILD,
        channelId: CHANNEL,
        kind: 'scheduled',
        localDate: '2025-06-02',
        fireAt: '2025-06-02T06:00:00.000Z',
        status: 'pending',
        reason: null,
        briefingIds: ['grain-corridor', 'ceasefire-talks'],
        messageIds: [],
        createdAt: '2025-06-02T06:00:00.000Z',
        updatedAt: '2025-06-02T06:00:00.000Z',
        attempts: 0,
        retryAt: null,
        lastError: null,
        claimedBy: null,
        claimedUntil: null,
      };
      expect(await store.getDelivery(id)).toEqual(record);
      expect(await store.pendingDeliveries()).toEqual([record]);
      expect(await store.deliveryByNonce(written.parts[1]!.nonce)).toEqual(record);
      expect(await store.deliveryByNonce('nobody')).toBeUndefined();
      expect(await store.getDelivery(id + 1000)).toBeUndefined();
      expect(await store.parts(id)).toEqual([
        { part: 0, nonce: written.parts[0]!.nonce, payload: written.parts[0]!.payload, messageId: null },
        { part: 1, nonce: written.parts[1]!.nonce, payload: written.parts[1]!.payload, messageId: null },
      ]);
    });

    it('records each message once, then marks the row sent with its briefings received, once', async () => {
      const { digests: store } = await openFresh(kind);
      const id = (await store.addDelivery(pendingDelivery()))!;
      await store.markPartSent(id, 0, 'm1', at('2025-06-02T06:00:01Z'));
      await store.markPartSent(id, 0, 'm-again', at('2025-06-02T06:00:02Z'));
      expect((await store.getDelivery(id))?.messageIds).toEqual(['m1']);
      expect(await store.receivedOrPending(CHANNEL)).toEqual(new Set(['grain-corridor', 'ceasefire-talks']));

      const late = { code: 'posted-late' as const, lateMs: 600_000, cause: null };
      expect(await store.markSent(id, late, at('2025-06-02T06:10:00Z'), { part: 1, messageId: 'm2' })).toBe(
        true,
      );
      expect(await store.getDelivery(id)).toMatchObject({
        status: 'sent',
        reason: late,
        messageIds: ['m1', 'm2'],
        updatedAt: '2025-06-02T06:10:00.000Z',
      });
      expect(await store.pendingDeliveries()).toEqual([]);
      expect(await store.receivedOrPending(CHANNEL)).toEqual(new Set(['grain-corridor', 'ceasefire-talks']));
      expect(await store.markSent(id, null, at('2025-06-02T06:11:00Z'))).toBe(false);
      expect((await store.getDelivery(id))?.reason).toEqual(late);
    });

    it('counts failed attempts with their error and retry time, and ends a row without receiving anything', async () => {
      const { digests: store } = await openFresh(kind);
      const id = (await store.addDelivery(pendingDelivery()))!;
      await store.recordFailure(
        id,
        'Service Unavailable (503)',
        at('2025-06-02T06:05:00Z'),
        at('2025-06-02T06:00:05Z'),
      );
      await store.recordFailure(id, 'Bad Gateway (502)', null, at('2025-06-02T06:05:05Z'));
      expect(await store.getDelivery(id)).toMatchObject({
        status: 'pending',
        attempts: 2,
        lastError: 'Bad Gateway (502)',
        retryAt: null,
        updatedAt: '2025-06-02T06:05:05.000Z',
      });
      await store.recordFailure(id, 'later', at('2025-06-02T06:30:00Z'), at('2025-06-02T06:10:00Z'));
      expect((await store.getDelivery(id))?.retryAt).toBe('2025-06-02T06:30:00.000Z');

      const reason = { code: 'send-failed' as const, error: 'Bad Gateway (502)', attempts: 3 };
      expect(await store.markEnded(id, 'failed', reason, at('2025-06-02T07:00:00Z'))).toBe(true);
      expect(await store.getDelivery(id)).toMatchObject({
        status: 'failed',
        reason,
        retryAt: null,
        attempts: 3,
      });
      expect(await store.markEnded(id, 'missed', reason, at('2025-06-02T07:01:00Z'))).toBe(false);
      await store.recordFailure(id, 'too late', null, at('2025-06-02T07:02:00Z'));
      expect((await store.getDelivery(id))?.attempts).toBe(3);
      expect(await store.receivedOrPending(CHANNEL)).toEqual(new Set());

      const note = { code: 'subscription-removed' as const };
      await store.setReason(id, note, at('2025-06-02T08:00:00Z'));
      expect(await store.getDelivery(id)).toMatchObject({
        reason: note,
        updatedAt: '2025-06-02T08:00:00.000Z',
      });
    });

    it("lists a server's rows newest first, for one channel or all, up to a limit", async () => {
      const { digests: store } = await openFresh(kind);
      const ids: number[] = [];
      for (const [channelId, localDate] of [
        ['c1', '2025-06-01'],
        ['c2', '2025-06-01'],
        ['c1', '2025-06-02'],
      ] as const) {
        ids.push((await store.addDelivery(pendingDelivery({ channelId, localDate })))!);
      }
      await store.addDelivery(pendingDelivery({ guildId: 'other', channelId: 'c9' }));
      expect((await store.recentDeliveries(GUILD, undefined, 10)).map((row) => row.id)).toEqual(
        [...ids].reverse(),
      );
      expect((await store.recentDeliveries(GUILD, 'c1', 10)).map((row) => row.id)).toEqual([ids[2], ids[0]]);
      expect((await store.recentDeliveries(GUILD, undefined, 2)).map((row) => row.id)).toEqual([
        ids[2],
        ids[1],
      ]);
    });

    it("tells a channel's received briefings and those a pending digest is bringing, not another channel's", async () => {
      const { digests: store } = await openFresh(kind);
      const sent = (await store.addDelivery(pendingDelivery({ briefingIds: ['a', 'b'] })))!;
      await store.markSent(sent, null, at('2025-06-02T06:00:01Z'));
      await store.addDelivery(pendingDelivery({ kind: 'manual', briefingIds: ['b', 'c'] }));
      const failed = (await store.addDelivery(pendingDelivery({ kind: 'manual', briefingIds: ['d'] })))!;
      await store.markEnded(
        failed,
        'failed',
        { code: 'render-failed', error: 'x' },
        at('2025-06-02T06:00:02Z'),
      );
      await store.addDelivery(pendingDelivery({ channelId: 'elsewhere', briefingIds: ['e'] }));
      expect(await store.receivedOrPending(CHANNEL)).toEqual(new Set(['a', 'b', 'c']));
    });
  });
});
