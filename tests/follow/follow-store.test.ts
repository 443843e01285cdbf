import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { SqliteFollowStore } from '../../src/store/sqlite/follow-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openFresh, STORE_KINDS } from '../store/store-kinds.js';
import { tempDbPath } from './helpers.js';

const READER = '1190000000000000302';
const at = (iso: string) => new Date(iso);
const payload = { content: 'alert' };

function alertFor(localDate: string, briefingIds: string[], userId = READER) {
  return {
    userId,
    localDate,
    briefingIds,
    parts: [{ nonce: `n-${localDate}-${userId.slice(-2)}`, payload }],
    at: at(`${localDate}T08:00:00Z`),
  };
}

describe('SqliteFollowStore', () => {
  it('shares the digest database: one schema, one version', async () => {
    const path = tempDbPath();
    (await SqliteDigestStore.open(path)).close();
    const store = SqliteFollowStore.open(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['subscriptions', 'follows', 'followers', 'follow_alerts', 'follow_seen']),
    );
    db.close();
  });
});

describe.each(STORE_KINDS)('$name follow store', (kind) => {
  it('follows a party once, lists them by name, and forgets the reader with their last follow', async () => {
    const { follows: store } = await openFresh(kind);
    expect(await store.addFollow(READER, 'Ukraine', at('2026-03-02T10:00:00Z'), ['old-news'])).toBe(true);
    expect(await store.addFollow(READER, 'Ukraine', at('2026-03-02T11:00:00Z'), ['other'])).toBe(false);
    expect(await store.addFollow(READER, 'Russia', at('2026-03-02T12:00:00Z'), [])).toBe(true);
    expect((await store.follows(READER)).map((follow) => follow.party)).toEqual(['Russia', 'Ukraine']);
    expect((await store.follows(READER))[1]?.createdAt).toBe('2026-03-02T10:00:00.000Z');
    // What was out when they followed is seen; what the second, refused follow named is not.
    expect(await store.seen(READER)).toEqual(new Set(['old-news']));
    expect((await store.follower(READER))?.activeFrom).toBe('2026-03-02T10:00:00.000Z');

    expect(await store.removeFollow(READER, 'Nowhere')).toBe(false);
    expect(await store.removeFollow(READER, 'Ukraine')).toBe(true);
    expect(await store.follower(READER)).toBeDefined();
    expect(await store.removeFollow(READER, 'Russia')).toBe(true);
    expect(await store.follower(READER)).toBeUndefined();
    expect(await store.seen(READER)).toEqual(new Set());
    await store.close();
  });

  it('takes one alert per reader and local day, with its briefings seen while it stands', async () => {
    const { follows: store } = await openFresh(kind);
    await store.addFollow(READER, 'Ukraine', at('2026-03-02T07:00:00Z'), []);
    const id = await store.addAlert(alertFor('2026-03-02', ['a', 'b']));
    expect(id).toBeTypeOf('number');
    expect(await store.addAlert(alertFor('2026-03-02', ['c']))).toBeUndefined();
    expect(await store.seen(READER)).toEqual(new Set(['a', 'b']));
    expect(await store.dueFollowers('2026-03-02')).toEqual([]);
    expect((await store.dueFollowers('2026-03-03')).map((reader) => reader.userId)).toEqual([READER]);

    expect((await store.pendingAlerts()).map((alert) => alert.id)).toEqual([id]);
    await store.markPartSent(id!, 0, 'm-1', at('2026-03-02T08:00:01Z'));
    expect(await store.markAlertSent(id!, at('2026-03-02T08:00:01Z'))).toBe(true);
    expect(await store.markAlertSent(id!, at('2026-03-02T08:00:02Z'))).toBe(false);
    const [sent] = await store.recentAlerts(READER, 5);
    expect(sent).toMatchObject({ status: 'sent', briefingIds: ['a', 'b'], localDate: '2026-03-02' });
    expect(sent?.parts[0]).toMatchObject({ nonce: 'n-2026-03-02-02', messageId: 'm-1' });
    expect(await store.pendingAlerts()).toEqual([]);
    await store.close();
  });

  it('gives a failed alert’s briefings back, keeps an unconfirmed one’s', async () => {
    const { follows: store } = await openFresh(kind);
    await store.addFollow(READER, 'Ukraine', at('2026-03-02T07:00:00Z'), []);
    const failed = await store.addAlert(alertFor('2026-03-02', ['a']));
    await store.recordAlertFailure(failed!, 'Discord is down', at('2026-03-02T08:01:00Z'));
    expect((await store.getAlert(failed!))?.attempts).toBe(1);
    await store.endAlert(failed!, 'failed', { code: 'dms-closed' }, at('2026-03-02T08:02:00Z'));
    expect(await store.seen(READER)).toEqual(new Set());
    expect((await store.getAlert(failed!))?.reason).toEqual({ code: 'dms-closed' });

    const doubtful = await store.addAlert(alertFor('2026-03-03', ['b']));
    await store.endAlert(
      doubtful!,
      'unconfirmed',
      { code: 'window-closed', lastError: null },
      at('2026-03-03T09:00:00Z'),
    );
    expect(await store.seen(READER)).toEqual(new Set(['b']));
    await store.close();
  });

  it('pauses a reader, tells the pause once, and takes the alerts up again', async () => {
    const place = await kind.place();
    const { follows: store } = await place.open();
    await store.addFollow(READER, 'Ukraine', at('2026-03-02T07:00:00Z'), []);
    expect(await store.takePauseNotice(READER, at('2026-03-02T09:00:00Z'))).toBeUndefined();
    await store.pause(READER, { code: 'dms-closed' }, at('2026-03-02T08:00:00Z'));
    expect(await store.dueFollowers('2026-03-02')).toEqual([]);
    await store.close();

    const { follows: again } = await place.open();
    expect(await again.follower(READER)).toMatchObject({
      paused: true,
      pauseReason: { code: 'dms-closed' },
      toldAt: null,
    });
    expect(await again.takePauseNotice(READER, at('2026-03-02T09:00:00Z'))).toEqual({ code: 'dms-closed' });
    expect(await again.takePauseNotice(READER, at('2026-03-02T09:01:00Z'))).toBeUndefined();
    await again.resume(READER, at('2026-03-03T10:00:00Z'));
    expect(await again.follower(READER)).toMatchObject({
      paused: false,
      pauseReason: null,
      activeFrom: '2026-03-03T10:00:00.000Z',
    });
    expect((await again.dueFollowers('2026-03-03')).map((reader) => reader.userId)).toEqual([READER]);
    await again.close();
  });

  it('reads an alert back as written, each message marked sent once', async () => {
    const { follows: store } = await openFresh(kind);
    const written = {
      ...alertFor('2026-03-04', ['a', 'b']),
      parts: [
        { nonce: 'n-1', payload: { content: 'first', embeds: [{ title: 'Ukraine' }] } },
        { nonce: 'n-2', payload: { content: 'second' } },
      ],
    };
    const id = (await store.addAlert(written))!;
    await store.markPartSent(id, 1, 'm-2', at('2026-03-04T08:00:01Z'));
    await store.markPartSent(id, 1, 'm-again', at('2026-03-04T08:00:02Z'));
    await store.markPartSent(id, 5, 'm-none', at('2026-03-04T08:00:03Z'));
    expect(await store.getAlert(id)).toEqual({
      id,
      userId: READER,
      localDate: '2026-03-04',
      status: 'pending',
      reason: null,
      briefingIds: ['a', 'b'],
      parts: [
        { ...written.parts[0], messageId: null },
        { ...written.parts[1], messageId: 'm-2' },
      ],
      attempts: 0,
      lastError: null,
      createdAt: '2026-03-04T08:00:00.000Z',
      updatedAt: '2026-03-04T08:00:01.000Z',
      claimedBy: null,
      claimedUntil: null,
    });
    expect(await store.getAlert(id + 1000)).toBeUndefined();
  });

  it('marks briefings seen once however often they are named, and lists only due, unpaused followers', async () => {
    const { follows: store } = await openFresh(kind);
    const [paused, idle] = ['1190000000000000303', '1190000000000000304'];
    await store.addFollow(READER, 'Ukraine', at('2026-03-02T07:00:00Z'), ['a', 'a']);
    await store.markSeen(READER, ['a', 'b', 'b']);
    await store.markSeen(READER, []);
    expect(await store.seen(READER)).toEqual(new Set(['a', 'b']));

    await store.addFollow(paused, 'Russia', at('2026-03-02T07:00:00Z'), []);
    await store.pause(paused, { code: 'dms-closed' }, at('2026-03-02T07:30:00Z'));
    await store.addFollow(idle, 'Russia', at('2026-03-02T07:00:00Z'), []);
    await store.removeFollow(idle, 'Russia');
    expect(await store.follower(paused)).toMatchObject({
      paused: true,
      pausedAt: '2026-03-02T07:30:00.000Z',
    });
    expect((await store.dueFollowers('2026-03-02')).map((reader) => reader.userId)).toEqual([READER]);
  });

  it('keeps a reader and their follows consistent when two instances change them at the same moment', async () => {
    const place = await kind.place();
    const [a, b] = [(await place.open()).follows, (await place.open()).follows];
    const readers = Array.from(
      { length: 8 },
      (_, index) => `11900000000000004${String(index).padStart(2, '0')}`,
    );
    for (const reader of readers) {
      await a.addFollow(reader, 'Ukraine', at('2026-03-02T07:00:00Z'), ['old-news']);
      await a.addFollow(reader, 'Russia', at('2026-03-02T07:00:00Z'), []);
    }
    // Half the readers drop both follows at once; the other half drop one while following a third party.
    await Promise.all(
      readers.flatMap((reader, index) =>
        index % 2 === 0
          ? [a.removeFollow(reader, 'Ukraine'), b.removeFollow(reader, 'Russia')]
          : [
              a.removeFollow(reader, 'Ukraine'),
              b.removeFollow(reader, 'Russia'),
              b.addFollow(reader, 'Moldova', at('2026-03-02T08:00:00Z'), []),
            ],
      ),
    );
    for (const [index, reader] of readers.entries()) {
      const follows = (await a.follows(reader)).map((follow) => follow.party);
      expect(follows).toEqual(index % 2 === 0 ? [] : ['Moldova']);
      // A reader is kept exactly while they follow something; one who follows nothing has nothing left.
      expect(await a.follower(reader)).toEqual(follows.length > 0 ? expect.anything() : undefined);
      if (follows.length === 0) expect(await a.seen(reader)).toEqual(new Set());
    }
  });
});
