import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ledger, makeService, subscription } from './helpers.js';

const GUILD = '111111111111111111';
const MINUTE = 60_000;

/** Starts the bot at `from` and runs the sweep every minute until `to` (UTC), as the running bot would. */
async function sweepEveryMinute(harness: ReturnType<typeof makeService>, from: string, to: string) {
  harness.clock.set(from);
  await harness.service.start();
  const end = Date.parse(to);
  while (harness.clock.now().getTime() <= end) {
    await harness.service.runDue();
    harness.clock.advance(MINUTE);
  }
}

/** Local day -> local time of each post, read back from the sink and the ledger. */
async function postsByLocalDay(harness: ReturnType<typeof makeService>, timezone: string) {
  const records = (await ledger(harness.service, GUILD, undefined, 100)).filter(
    (record) => record.status === 'sent',
  );
  return Object.fromEntries(
    records
      .map((record) => [
        record.localDate,
        DateTime.fromISO(record.fireAt, { zone: timezone }).toFormat('HH:mm'),
      ])
      .sort(),
  );
}

describe('daylight-saving days deliver exactly once', () => {
  it('Europe/Berlin spring forward: 02:30 does not exist on 30 March, the digest still goes out that day', async () => {
    const harness = makeService();
    harness.clock.set('2025-03-27T12:00:00Z');
    await harness.service.subscriptions.subscribe(
      subscription({ time: '02:30', timezone: 'Europe/Berlin', postWhenEmpty: true }),
    );
    await sweepEveryMinute(harness, '2025-03-28T22:00:00Z', '2025-03-31T22:00:00Z');
    expect(harness.sink.posted).toHaveLength(3);
    expect(await postsByLocalDay(harness, 'Europe/Berlin')).toEqual({
      '2025-03-29': '02:30',
      '2025-03-30': '03:30',
      '2025-03-31': '02:30',
    });
  });

  it('Europe/Berlin fall back: 02:30 happens twice on 26 October, the digest goes out once', async () => {
    const harness = makeService();
    harness.clock.set('2025-10-23T12:00:00Z');
    await harness.service.subscriptions.subscribe(
      subscription({ time: '02:30', timezone: 'Europe/Berlin', postWhenEmpty: true }),
    );
    await sweepEveryMinute(harness, '2025-10-24T22:00:00Z', '2025-10-27T23:00:00Z');
    expect(harness.sink.posted).toHaveLength(3);
    expect(Object.keys(await postsByLocalDay(harness, 'Europe/Berlin'))).toEqual([
      '2025-10-25',
      '2025-10-26',
      '2025-10-27',
    ]);
  });

  it('America/New_York both ways: 02:15 skipped in March, 01:30 twice in November', async () => {
    const spring = makeService();
    spring.clock.set('2025-03-06T12:00:00Z');
    await spring.service.subscriptions.subscribe(
      subscription({ time: '02:15', timezone: 'America/New_York', postWhenEmpty: true }),
    );
    await sweepEveryMinute(spring, '2025-03-08T05:00:00Z', '2025-03-10T04:00:00Z');
    expect(await postsByLocalDay(spring, 'America/New_York')).toEqual({
      '2025-03-08': '02:15',
      '2025-03-09': '03:15',
    });

    const fall = makeService();
    fall.clock.set('2025-10-30T12:00:00Z');
    await fall.service.subscriptions.subscribe(
      subscription({ time: '01:30', timezone: 'America/New_York', postWhenEmpty: true }),
    );
    await sweepEveryMinute(fall, '2025-11-01T04:00:00Z', '2025-11-03T05:00:00Z');
    expect(fall.sink.posted).toHaveLength(2);
    expect(Object.keys(await postsByLocalDay(fall, 'America/New_York'))).toEqual([
      '2025-11-01',
      '2025-11-02',
    ]);
  });

  it('a slot job firing at both 02:30s of the fall-back night still posts once', async () => {
    const harness = makeService();
    harness.clock.set('2025-10-23T12:00:00Z');
    await harness.service.subscriptions.subscribe(
      subscription({ time: '02:30', timezone: 'Europe/Berlin', postWhenEmpty: true }),
    );
    await harness.service.start();
    for (const instant of ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z']) {
      harness.clock.set(instant);
      harness.scheduler.handlers?.onSlot({ time: '02:30', timezone: 'Europe/Berlin' });
      await harness.service.runDue();
    }
    await harness.service.stop();
    expect(harness.sink.posted).toHaveLength(1);
  });
});
