/**
 * Several instances on one database: each scheduled digest is written once and sent by the instance that holds
 * it; a digest whose instance died is resumed by another once the hold lapses, with the same nonces; an instance
 * that stalled past its hold leaves the row to the one that took it over. Run on both stores: two connections to
 * one SQLite file, and one Postgres database.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstanceClaims } from '../../src/digest/instance.js';
import { DigestService } from '../../src/digest/service.js';
import type { DigestStore } from '../../src/digest/store.js';
import { openPostgresStores } from '../../src/store/postgres/open-postgres.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { freshDatabase } from '../support/postgres.js';
import {
  Clock,
  FakeSink,
  ManualScheduler,
  NOTHING_NEW,
  renderOnePerBriefing,
  subscription,
  tempDbPath,
  twoBriefings,
} from './helpers.js';

const GUILD = '111111111111111111';
const LEASE_MS = 60_000;
const channelIds = Array.from(
  { length: 12 },
  (_, index) => `2222222222222222${String(index).padStart(2, '0')}`,
);

/** Opens one more connection to the same database: each instance has its own, as separate processes do. */
type Connect = () => Promise<DigestStore>;

const stores: { name: string; database: () => Promise<Connect> }[] = [
  {
    name: 'SQLite',
    database: async () => {
      const path = tempDbPath();
      return async () => SqliteDigestStore.open(path);
    },
  },
  {
    name: 'Postgres',
    database: async () => {
      const url = await freshDatabase();
      return async () => (await openPostgresStores(url)).digests;
    },
  },
];

const opened: DigestStore[] = [];
const services: DigestService[] = [];
afterEach(async () => {
  await Promise.allSettled(services.splice(0).map((service) => service.stop()));
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
});

/** An instance: its own connection and name, sharing Discord (the sink) and the clock with the others. */
async function instance(connect: Connect, owner: string, sink: FakeSink, clock: Clock, leaseMs = LEASE_MS) {
  const store = await connect();
  opened.push(store);
  const claims: InstanceClaims = { owner, leaseMs, shared: true };
  const library = twoBriefings();
  const service = new DigestService({
    store,
    sink,
    briefingsSince: (date) => library.filter((briefing) => briefing.date >= date),
    mentions: () => false,
    render: renderOnePerBriefing,
    renderNothingNew: () => NOTHING_NEW,
    renderPostTitle: (localDate) => `Digest of ${localDate}`,
    now: clock.now,
    retryDelaysMs: [0, 0, 0],
    stopTimeoutMs: 50,
    scheduler: new ManualScheduler(),
    instance: claims,
  });
  services.push(service);
  return { service, store };
}

const until = (condition: () => boolean, what: string) =>
  vi.waitFor(() => {
    if (!condition()) throw new Error(`still waiting for ${what}`);
  });

describe.each(stores)('several instances on one $name database', ({ database }) => {
  it('two instances sweeping at the same moment send each channel its digest once', async () => {
    const connect = await database();
    const sink = new FakeSink();
    const clock = new Clock(new Date('2025-06-02T05:00:00Z'));
    const a = await instance(connect, 'a', sink, clock);
    const b = await instance(connect, 'b', sink, clock);
    for (const channelId of channelIds)
      await a.service.subscriptions.subscribe(subscription({ channelId, channelName: channelId }));
    await Promise.all([a.service.start(), b.service.start()]);
    clock.set('2025-06-02T06:00:00Z');

    await Promise.all([a.service.runDue(), b.service.runDue(), a.service.runDue(), b.service.runDue()]);

    // Two briefings, one message each, per channel; every nonce sent once.
    expect(sink.posted).toHaveLength(channelIds.length * 2);
    for (const channelId of channelIds) expect(sink.inChannel(channelId)).toHaveLength(2);
    expect(new Set(sink.calls.map((call) => call.nonce)).size).toBe(sink.calls.length);
    const rows = await a.service.status(GUILD, undefined, 100);
    expect(rows.map((row) => row.status)).toEqual(channelIds.map(() => 'sent'));
  });

  it('after downtime, instances starting together catch up once per channel', async () => {
    const connect = await database();
    const sink = new FakeSink();
    const clock = new Clock(new Date('2025-06-02T05:00:00Z'));
    const setup = await instance(connect, 'setup', sink, clock);
    for (const channelId of channelIds)
      await setup.service.subscriptions.subscribe(subscription({ channelId, channelName: channelId }));

    // Everything was down across 08:00 Berlin; three instances come back at 08:30.
    clock.set('2025-06-02T06:30:00Z');
    const back = await Promise.all(['a', 'b', 'c'].map((name) => instance(connect, name, sink, clock)));
    await Promise.all(back.map(({ service }) => service.start()));

    for (const channelId of channelIds) expect(sink.inChannel(channelId)).toHaveLength(2);
    const rows = await setup.service.status(GUILD, undefined, 100);
    expect(rows).toHaveLength(channelIds.length);
    expect(rows.every((row) => row.status === 'sent' && row.reason?.code === 'posted-late')).toBe(true);
  });

  it('resumes the digest of an instance that died mid-send once its hold lapses, with the same nonce: one message', async () => {
    const connect = await database();
    const sink = new FakeSink();
    const clock = new Clock(new Date('2025-06-02T05:00:00Z'));
    const channelId = channelIds[0]!;
    const a = await instance(connect, 'a', sink, clock);
    const b = await instance(connect, 'b', sink, clock);
    await a.service.subscriptions.subscribe(subscription({ channelId }));
    await Promise.all([a.service.start(), b.service.start()]);

    // a posts the first message, then dies before it hears back.
    sink.postThenHang(channelId);
    clock.set('2025-06-02T06:00:00Z');
    void a.service.runDue();
    await until(() => sink.posted.length === 1, 'the first message');
    await a.service.stop();

    // Held by a: b leaves it alone until the hold lapses.
    await b.service.runDue();
    expect(sink.calls).toHaveLength(1);
    const [held] = await b.service.status(GUILD, channelId);
    expect(held).toMatchObject({ status: 'pending', claimedBy: 'a' });

    clock.advance(LEASE_MS + 1_000);
    await b.service.runDue();

    const [first, second] = sink.posted;
    expect(sink.posted).toHaveLength(2);
    expect(sink.calls.map((call) => call.nonce)).toEqual([first!.nonce, first!.nonce, second!.nonce]);
    const [row] = await b.service.status(GUILD, channelId);
    expect(row).toMatchObject({ status: 'sent', messageIds: [first!.messageId, second!.messageId] });
  });

  it('an instance that stalled past its hold stops at its next message and leaves the row to the other', async () => {
    const connect = await database();
    const sink = new FakeSink();
    const clock = new Clock(new Date('2025-06-02T05:00:00Z'));
    const channelId = channelIds[0]!;
    const a = await instance(connect, 'a', sink, clock);
    const b = await instance(connect, 'b', sink, clock);
    await a.service.subscriptions.subscribe(subscription({ channelId }));
    await Promise.all([a.service.start(), b.service.start()]);

    // a's first send stalls (a long pause, a partition) until well past its hold.
    sink.hang(channelId);
    clock.set('2025-06-02T06:00:00Z');
    const stalled = a.service.runDue();
    await until(() => sink.calls.length === 1, 'the stalled send');
    clock.advance(LEASE_MS + 1_000);
    await b.service.runDue();
    expect(sink.posted).toHaveLength(2);

    sink.release();
    await stalled;

    // a's stalled send carried the same nonce as b's (no new message) and it sent nothing after.
    expect(sink.posted).toHaveLength(2);
    expect(sink.calls.filter((call) => call.nonce === sink.posted[1]!.nonce)).toHaveLength(1);
    const [row] = await a.service.status(GUILD, channelId);
    expect(row).toMatchObject({ status: 'sent', messageIds: sink.posted.map((post) => post.messageId) });
  });

  it('a clean stop hands a digest waiting for a retry to another instance at once', async () => {
    const connect = await database();
    const sink = new FakeSink();
    const clock = new Clock(new Date('2025-06-02T05:00:00Z'));
    const channelId = channelIds[0]!;
    // A hold far longer than the wait for the retry: only the stop can free the row in time.
    const a = await instance(connect, 'a', sink, clock, 24 * 3_600_000);
    await a.service.subscriptions.subscribe(subscription({ channelId }));
    await a.service.start();

    // Discord is down: the quick tries fail, and the row waits in the ledger for a later one, held by a.
    sink.fail(channelId, new Error('Service Unavailable (503)'), 4);
    clock.set('2025-06-02T06:00:00Z');
    await a.service.runDue();
    const [waiting] = await a.service.status(GUILD, channelId);
    expect(waiting).toMatchObject({ status: 'pending', claimedBy: 'a' });
    await a.service.stop();

    // b arrives when the retry is due, long before a's hold would lapse on its own.
    const b = await instance(connect, 'b', sink, clock);
    clock.set(waiting!.retryAt!);
    await b.service.start();

    expect(sink.inChannel(channelId)).toHaveLength(2);
    const [row] = await b.service.status(GUILD, channelId);
    expect(row?.status).toBe('sent');
  });
});
