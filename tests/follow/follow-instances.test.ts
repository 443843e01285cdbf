/**
 * Party alerts from several instances on one database: each reader gets one alert a day whichever instance sweeps
 * first, and an alert whose instance died mid-send is settled by another once its hold lapses, with its nonce.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowService } from '../../src/follow/service.js';
import type { FollowStore } from '../../src/follow/store.js';
import { openPostgresStores } from '../../src/store/postgres/open-postgres.js';
import { SqliteFollowStore } from '../../src/store/sqlite/follow-store.js';
import { freshDatabase } from '../support/postgres.js';
import { clock, FakeDirectMessages, renderForTest, Shelf, tempDbPath } from './helpers.js';

const LEASE_MS = 60_000;
const readers = Array.from({ length: 8 }, (_, index) => `44444444444444440${index}`);

type Connect = () => Promise<FollowStore>;
const stores: { name: string; database: () => Promise<Connect> }[] = [
  {
    name: 'SQLite',
    database: async () => {
      const path = tempDbPath();
      return async () => SqliteFollowStore.open(path);
    },
  },
  {
    name: 'Postgres',
    database: async () => {
      const url = await freshDatabase();
      return async () => (await openPostgresStores(url)).follows;
    },
  },
];

const opened: FollowStore[] = [];
const services: FollowService[] = [];
afterEach(async () => {
  await Promise.allSettled(services.splice(0).map((service) => service.stop()));
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
});

async function instance(
  connect: Connect,
  owner: string,
  dms: FakeDirectMessages,
  shelf: Shelf,
  time: ReturnType<typeof clock>,
) {
  const store = await connect();
  opened.push(store);
  const service = new FollowService({
    store,
    dms,
    render: renderForTest,
    briefingsSince: shelf.since,
    mentions: shelf.mentions,
    timezone: 'Europe/Berlin',
    now: time.now,
    stopTimeoutMs: 50,
    instance: { owner, leaseMs: LEASE_MS, shared: true },
  });
  services.push(service);
  return service;
}

/** Readers following Ukraine since 06:00 UTC; a briefing about it at 07:00; alerts open at 09:00 Berlin. */
async function followingReaders(service: FollowService, shelf: Shelf, time: ReturnType<typeof clock>) {
  for (const reader of readers) await service.follow(reader, 'Ukraine');
  time.set('2025-06-02T07:00:00Z');
  shelf.add('talks', '2025-06-02', 'Ukraine');
  time.set('2025-06-02T07:30:00Z');
}

describe.each(stores)('party alerts from several instances on one $name database', ({ database }) => {
  it('two instances sweeping at once alert each reader once', async () => {
    const connect = await database();
    const dms = new FakeDirectMessages();
    const shelf = new Shelf();
    const time = clock('2025-06-02T06:00:00Z');
    const a = await instance(connect, 'a', dms, shelf, time);
    const b = await instance(connect, 'b', dms, shelf, time);
    await followingReaders(a, shelf, time);

    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);

    for (const reader of readers) expect(dms.to(reader)).toHaveLength(1);
    expect(new Set(dms.calls.map((call) => call.nonce)).size).toBe(dms.calls.length);
  });

  it('settles the alert of an instance that died mid-send once its hold lapses: one message, same nonce', async () => {
    const connect = await database();
    const dms = new FakeDirectMessages();
    const shelf = new Shelf();
    const time = clock('2025-06-02T06:00:00Z');
    const a = await instance(connect, 'a', dms, shelf, time);
    await followingReaders(a, shelf, time);

    // a's sends go out and it hears nothing back: it "dies" with every alert pending.
    dms.hangAfterSending();
    void a.runDue();
    await vi.waitFor(() => {
      if (dms.sent.length < readers.length) throw new Error('alerts still going out');
    });
    await a.stop();
    dms.hangAfterSending(false);

    const b = await instance(connect, 'b', dms, shelf, time);
    await b.runDue();
    expect(dms.calls).toHaveLength(readers.length);

    time.set(new Date(time.now().getTime() + LEASE_MS + 1_000).toISOString());
    await b.runDue();
    for (const reader of readers) {
      expect(dms.to(reader)).toHaveLength(1);
      const nonce = dms.to(reader)[0]!.nonce;
      expect(dms.calls.filter((call) => call.nonce === nonce)).toHaveLength(2);
    }
    const statuses = await Promise.all(
      readers.map(async (reader) => (await b.following(reader)).lastAlert?.status),
    );
    expect(statuses).toEqual(readers.map(() => 'sent'));
  });
});
