import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { SqliteFollowStore } from '../../src/store/sqlite/follow-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
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

  it('follows a party once, lists them by name, and forgets the reader with their last follow', async () => {
    const store = SqliteFollowStore.open(tempDbPath());
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
    const store = SqliteFollowStore.open(tempDbPath());
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
    const store = SqliteFollowStore.open(tempDbPath());
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
    const path = tempDbPath();
    const store = SqliteFollowStore.open(path);
    await store.addFollow(READER, 'Ukraine', at('2026-03-02T07:00:00Z'), []);
    expect(await store.takePauseNotice(READER, at('2026-03-02T09:00:00Z'))).toBeUndefined();
    await store.pause(READER, { code: 'dms-closed' }, at('2026-03-02T08:00:00Z'));
    expect(await store.dueFollowers('2026-03-02')).toEqual([]);
    await store.close();

    const again = SqliteFollowStore.open(path);
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
});
