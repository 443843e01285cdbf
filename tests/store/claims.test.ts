/**
 * Claims on both stores: which instance sends a pending digest or alert. Two instances are two stores opened on
 * one database (two pools on Postgres), racing with Promise.all; a hold lapses when the clock passes its `until`.
 */
import { describe, expect, it } from 'vitest';
import type { NewAlert } from '../../src/follow/store.js';
import { at, CHANNEL, pendingDelivery } from './ledger-rows.js';
import { openFresh, STORE_KINDS } from './store-kinds.js';

const T0 = '2025-06-02T06:00:00.000Z';
const LEASE_END = '2025-06-02T06:00:30.000Z';
const AFTER_LEASE = '2025-06-02T06:00:31.000Z';
const hold = (owner: string, until = LEASE_END) => ({ owner, until: at(until) });

let alertCounter = 0;
function pendingAlert(userId: string, overrides: Partial<NewAlert> = {}): NewAlert {
  alertCounter += 1;
  return {
    userId,
    localDate: '2025-06-02',
    briefingIds: [`briefing-${alertCounter}`],
    parts: [{ nonce: `a${alertCounter}`, payload: { content: 'alert' } }],
    at: at(T0),
    ...overrides,
  };
}

describe.each(STORE_KINDS)('$name claims on digests', (kind) => {
  it('takes free, due pending rows oldest first up to the limit, and marks them held', async () => {
    const { digests: store } = await openFresh(kind);
    const ids: number[] = [];
    for (const localDate of ['2025-06-01', '2025-06-02', '2025-06-03']) {
      ids.push((await store.addDelivery(pendingDelivery({ localDate })))!);
    }
    const done = (await store.addDelivery(pendingDelivery({ localDate: '2025-05-31' })))!;
    await store.markSent(done, null, at(T0));

    const taken = await store.claimPending(hold('a'), at(T0), 2);
    expect(taken.map((row) => row.id)).toEqual(ids.slice(0, 2));
    expect(taken[0]).toMatchObject({ status: 'pending', claimedBy: 'a', claimedUntil: LEASE_END });
    expect(await store.getDelivery(ids[0]!)).toMatchObject({ claimedBy: 'a', claimedUntil: LEASE_END });
    // Another instance finds only what is left; the holder takes its own rows again (after a restart).
    expect((await store.claimPending(hold('b'), at(T0), 10)).map((row) => row.id)).toEqual([ids[2]]);
    expect((await store.claimPending(hold('a'), at(T0), 10)).map((row) => row.id)).toEqual(ids.slice(0, 2));
  });

  it('never gives two instances the same row, however many claims race', async () => {
    const place = await kind.place();
    const [first, second] = [await place.open(), await place.open()];
    const ids: number[] = [];
    for (let day = 1; day <= 30; day++) {
      ids.push(
        (await first.digests.addDelivery(
          pendingDelivery({ localDate: `2025-06-${String(day).padStart(2, '0')}` }),
        ))!,
      );
    }
    // Each instance with its connections open first, so the claims run side by side rather than one by one.
    await Promise.all(
      [first, second].flatMap((opened) =>
        Array.from({ length: 6 }, () => opened.digests.pendingDeliveries()),
      ),
    );
    const race = Array.from({ length: 24 }, (_, index) =>
      index % 2 === 0
        ? first.digests.claimPending(hold('a'), at(T0), 4).then((rows) => ({ owner: 'a', rows }))
        : second.digests.claimPending(hold('b'), at(T0), 4).then((rows) => ({ owner: 'b', rows })),
    );
    const results = await Promise.all(race);
    const takenBy = (owner: string) =>
      new Set(
        results
          .filter((result) => result.owner === owner)
          .flatMap((result) => result.rows.map((row) => row.id)),
      );
    const [byA, byB] = [takenBy('a'), takenBy('b')];
    expect([...byA].filter((id) => byB.has(id))).toEqual([]);
    expect(byA.size + byB.size).toBeGreaterThan(0);
    // The ledger agrees with what each was told it holds.
    for (const row of await first.digests.pendingDeliveries()) {
      if (byA.has(row.id)) expect(row.claimedBy).toBe('a');
      else if (byB.has(row.id)) expect(row.claimedBy).toBe('b');
      else expect(row.claimedBy).toBeNull();
    }
  });

  it('lets another instance resume a row whose hold lapsed; the old holder then loses it', async () => {
    const place = await kind.place();
    const [a, b] = [(await place.open()).digests, (await place.open()).digests];
    const id = (await a.addDelivery(pendingDelivery({ claim: hold('a') })))!;
    expect(await a.getDelivery(id)).toMatchObject({ claimedBy: 'a', claimedUntil: LEASE_END });
    expect(await b.claimPending(hold('b', '2025-06-02T06:00:50Z'), at('2025-06-02T06:00:29Z'), 10)).toEqual(
      [],
    );

    const resumed = await b.claimPending(hold('b', '2025-06-02T06:01:01Z'), at(AFTER_LEASE), 10);
    expect(resumed.map((row) => row.id)).toEqual([id]);
    expect(await a.holdClaim(id, hold('a', '2025-06-02T06:01:30Z'))).toBe(false);
    expect(await b.holdClaim(id, hold('b', '2025-06-02T06:01:30Z'))).toBe(true);
    expect(await a.getDelivery(id)).toMatchObject({
      claimedBy: 'b',
      claimedUntil: '2025-06-02T06:01:30.000Z',
    });
  });

  it('extends every hold of an owner with its heartbeat, and no one else’s', async () => {
    const place = await kind.place();
    const [a, b] = [(await place.open()).digests, (await place.open()).digests];
    const mine = (await a.addDelivery(pendingDelivery({ localDate: '2025-06-01', claim: hold('a') })))!;
    await a.addDelivery(pendingDelivery({ localDate: '2025-06-02', claim: hold('a') }));
    const theirs = (await b.addDelivery(pendingDelivery({ localDate: '2025-06-03', claim: hold('b') })))!;

    expect(await a.renewClaims(hold('a', '2025-06-02T06:01:00Z'))).toBe(2);
    expect(await a.getDelivery(mine)).toMatchObject({ claimedUntil: '2025-06-02T06:01:00.000Z' });
    expect(await a.getDelivery(theirs)).toMatchObject({ claimedBy: 'b', claimedUntil: LEASE_END });
    // Past the first hold's end, the renewed ones are still held; the one not renewed is free.
    const taken = await b.claimPending(hold('b', '2025-06-02T06:02:00Z'), at(AFTER_LEASE), 10);
    expect(taken.map((row) => row.id)).toEqual([theirs]);
    expect(await a.renewClaims(hold('nobody'))).toBe(0);
  });

  it('does not hand out a row waiting for its retry time until that time comes', async () => {
    const { digests: store } = await openFresh(kind);
    const id = (await store.addDelivery(pendingDelivery()))!;
    await store.recordFailure(id, 'Service Unavailable (503)', at('2025-06-02T06:05:00Z'), at(T0));
    expect(await store.claimPending(hold('a'), at('2025-06-02T06:04:59Z'), 10)).toEqual([]);
    expect(
      (await store.claimPending(hold('a'), at('2025-06-02T06:05:00Z'), 10)).map((row) => row.id),
    ).toEqual([id]);
  });

  it("lets go of an owner's pending rows on a clean stop, or of every row when a sole instance starts", async () => {
    const { digests: store } = await openFresh(kind);
    const ofA = (await store.addDelivery(pendingDelivery({ localDate: '2025-06-01', claim: hold('a') })))!;
    const ofB = (await store.addDelivery(pendingDelivery({ localDate: '2025-06-02', claim: hold('b') })))!;
    await store.addDelivery(pendingDelivery({ localDate: '2025-06-03', claim: hold('b') }));
    await store.addDelivery(pendingDelivery({ localDate: '2025-06-04' }));

    expect(await store.releaseClaims('a')).toBe(1);
    expect(await store.getDelivery(ofA)).toMatchObject({ claimedBy: null, claimedUntil: null });
    expect(await store.getDelivery(ofB)).toMatchObject({ claimedBy: 'b' });
    expect(await store.releaseClaims(null)).toBe(2);
    expect((await store.pendingDeliveries()).map((row) => row.claimedBy)).toEqual([null, null, null, null]);
    // Free again: anyone may take them at once.
    expect(await store.claimPending(hold('c'), at(T0), 10)).toHaveLength(4);
  });

  it('lets go of a row when it ends: sent, failed or unconfirmed rows are held by no one', async () => {
    const { digests: store } = await openFresh(kind);
    const sent = (await store.addDelivery(pendingDelivery({ localDate: '2025-06-01', claim: hold('a') })))!;
    const failed = (await store.addDelivery(pendingDelivery({ localDate: '2025-06-02', claim: hold('a') })))!;
    await store.markSent(sent, null, at(T0));
    await store.markEnded(failed, 'failed', { code: 'render-failed', error: 'x' }, at(T0));
    for (const id of [sent, failed]) {
      expect(await store.getDelivery(id)).toMatchObject({ claimedBy: null, claimedUntil: null });
      expect(await store.holdClaim(id, hold('a'))).toBe(false);
    }
    expect(await store.renewClaims(hold('a'))).toBe(0);
    expect(await store.releaseClaims(null)).toBe(0);
  });

  it('writes the day’s row once when two instances write it at the same moment', async () => {
    const place = await kind.place();
    const [a, b] = [(await place.open()).digests, (await place.open()).digests];
    const attempts = Array.from({ length: 8 }, (_, index) =>
      (index % 2 === 0 ? a : b).addDelivery(pendingDelivery({ claim: hold(index % 2 === 0 ? 'a' : 'b') })),
    );
    const ids = (await Promise.all(attempts)).filter((id) => id !== undefined);
    expect(ids).toHaveLength(1);
    const [row] = await a.recentDeliveries('111111111111111111', CHANNEL, 10);
    expect(row?.id).toBe(ids[0]);
    expect(await a.parts(ids[0]!)).toHaveLength(2);
  });
});

describe.each(STORE_KINDS)('$name claims on alerts', (kind) => {
  it('takes free pending alerts oldest first, skips live holds, and lets go when they end', async () => {
    const { follows: store } = await openFresh(kind);
    const first = (await store.addAlert(pendingAlert('u1')))!;
    const held = (await store.addAlert(pendingAlert('u2', { claim: hold('b') })))!;
    const third = (await store.addAlert(pendingAlert('u3')))!;
    expect(await store.getAlert(held)).toMatchObject({ claimedBy: 'b', claimedUntil: LEASE_END });

    const taken = await store.claimPendingAlerts(hold('a'), at(T0), 10);
    expect(taken.map((alert) => alert.id)).toEqual([first, third]);
    expect(taken[0]).toMatchObject({ status: 'pending', claimedBy: 'a', claimedUntil: LEASE_END });
    expect((await store.claimPendingAlerts(hold('a'), at(T0), 1)).map((alert) => alert.id)).toEqual([first]);
    // b's hold lapsed: a resumes that alert too.
    expect(
      (await store.claimPendingAlerts(hold('a', '2025-06-02T06:01:00Z'), at(AFTER_LEASE), 10)).map(
        (alert) => alert.id,
      ),
    ).toEqual([first, held, third]);

    await store.markAlertSent(first, at(T0));
    await store.endAlert(held, 'failed', { code: 'dms-closed' }, at(T0));
    expect(await store.getAlert(first)).toMatchObject({ claimedBy: null, claimedUntil: null });
    expect(await store.getAlert(held)).toMatchObject({ claimedBy: null, claimedUntil: null });
    expect(await store.renewAlertClaims(hold('a', '2025-06-02T06:02:00Z'))).toBe(1);
    expect(await store.getAlert(third)).toMatchObject({ claimedUntil: '2025-06-02T06:02:00.000Z' });
  });

  it('never gives two instances the same alert, however many claims race', async () => {
    const place = await kind.place();
    const [first, second] = [await place.open(), await place.open()];
    for (let reader = 0; reader < 20; reader++)
      await first.follows.addAlert(pendingAlert(`reader-${reader}`));
    await Promise.all(
      [first, second].flatMap((opened) => Array.from({ length: 6 }, () => opened.follows.pendingAlerts())),
    );
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 2 === 0
          ? first.follows.claimPendingAlerts(hold('a'), at(T0), 3).then((rows) => ({ owner: 'a', rows }))
          : second.follows.claimPendingAlerts(hold('b'), at(T0), 3).then((rows) => ({ owner: 'b', rows })),
      ),
    );
    const takenBy = (owner: string) =>
      new Set(
        results
          .filter((result) => result.owner === owner)
          .flatMap((result) => result.rows.map((row) => row.id)),
      );
    const [byA, byB] = [takenBy('a'), takenBy('b')];
    expect([...byA].filter((id) => byB.has(id))).toEqual([]);
    for (const alert of await first.follows.pendingAlerts()) {
      expect(alert.claimedBy).toBe(byA.has(alert.id) ? 'a' : byB.has(alert.id) ? 'b' : null);
    }
  });

  it("lets go of an owner's pending alerts, or of every one", async () => {
    const { follows: store } = await openFresh(kind);
    await store.addAlert(pendingAlert('u1', { claim: hold('a') }));
    await store.addAlert(pendingAlert('u2', { claim: hold('b') }));
    await store.addAlert(pendingAlert('u3', { claim: hold('b') }));
    expect(await store.releaseAlertClaims('a')).toBe(1);
    expect((await store.pendingAlerts()).map((alert) => alert.claimedBy)).toEqual([null, 'b', 'b']);
    expect(await store.releaseAlertClaims(null)).toBe(2);
    expect((await store.pendingAlerts()).map((alert) => alert.claimedBy)).toEqual([null, null, null]);
  });
});
