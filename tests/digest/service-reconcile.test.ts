/**
 * Exactly once without Discord's nonce memory: a pending row older than the nonce window is checked against the
 * channel before anything is sent again; a failed send waits in the ledger and is retried until its catch-up
 * window closes; on-time fires are never "missed"; a database file that goes away stops delivery.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/digest/delivery/sink.js';
import { DigestError } from '../../src/digest/errors.js';
import {
  boot,
  crashDuringFire,
  FakeSink,
  ledger,
  makeService,
  subscription,
  tempDbPath,
  transient,
  twoBriefings,
} from './helpers.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const library = twoBriefings();
const MINUTE = 60_000;

/** Part 0 goes out and is recorded; part 1 is created but the process dies before it hears back. */
const crashMidDigest = (sink: FakeSink) =>
  crashDuringFire(
    sink,
    (planned) => planned.ok(CHANNEL).postThenHang(CHANNEL),
    (seen) => seen.posted.length === 2,
  );

describe('a pending row older than the nonce window', () => {
  it('is looked for in the channel, found, and recorded as sent without a second post', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    sink.forgetNonces();
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.posted).toHaveLength(2);
    expect(sink.searches).toHaveLength(1);
    // Only the part with no message id is looked for, from a minute before the row was written.
    expect(sink.searches[0]?.markers).toEqual([sink.posted[1]?.nonce]);
    expect(sink.searches[0]?.since.toISOString()).toBe('2025-06-02T05:59:00.000Z');
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'sent',
      messageIds: sink.posted.map((post) => post.messageId),
      reason: expect.stringMatching(/^posted 10 min late/),
    });
    await second.service.stop();
  });

  it('is sent when it is not in the channel', async () => {
    const sink = new FakeSink();
    // Part 0 goes out; the send of part 1 never reaches Discord.
    const path = await crashDuringFire(
      sink,
      (planned) => planned.ok(CHANNEL).hang(CHANNEL),
      (seen) => seen.calls.length === 2,
    );
    sink.forgetNonces();

    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.searches).toHaveLength(1);
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('sent');
  });

  it('trusts the nonce while Discord still remembers it: no look in the channel', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    const second = boot(path, sink, '2025-06-02T06:03:00Z');
    await second.service.start();
    expect(sink.searches).toHaveLength(0);
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('sent');
  });

  it('is left unconfirmed, not resent, when the channel cannot be read; the subscription goes on', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    sink.forgetNonces();
    sink.historyError = new DeliveryError('missing-access', 'missing Read Message History in #briefings');
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'unconfirmed',
      reason:
        'not sent again: could not check whether it is already in the channel (missing Read Message History in #briefings)',
    });
    expect((await second.service.subscriptions.get(CHANNEL))?.paused).toBe(false);
  });

  it('is left unconfirmed when more came in the channel than may be read', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    sink.forgetNonces();
    sink.historyReadable = 1;
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'unconfirmed',
      reason: expect.stringMatching(/too many messages came in the channel/),
    });
  });

  it('waits for a retry when reading the channel fails for a moment', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    sink.forgetNonces();
    sink.historyError = transient();
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'pending',
      lastError: 'Service Unavailable (503)',
    });
    sink.historyError = undefined;
    second.clock.advance(2 * MINUTE);
    await second.service.runDue();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('sent');
  });

  it('past its catch-up window: recorded when found, ended as failed when not, never sent', async () => {
    const sink = new FakeSink();
    const path = await crashMidDigest(sink);
    sink.forgetNonces();
    const second = boot(path, sink, '2025-06-02T19:00:00Z', 12 * 60 * MINUTE);
    await second.service.start();
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'sent',
      reason: expect.stringMatching(/^posted 13 h late/),
    });

    const other = new FakeSink();
    const lostPath = await crashDuringFire(
      other,
      (planned) => planned.hang(CHANNEL),
      (seen) => seen.calls.length === 1,
    );
    const late = boot(lostPath, other, '2025-06-02T19:00:00Z', 12 * 60 * MINUTE);
    await late.service.start();
    expect(other.posted).toHaveLength(0);
    expect((await ledger(late.service, GUILD))[0]).toMatchObject({
      status: 'failed',
      reason: 'not sent: its catch-up window closed',
    });
  });
});

describe('retries for the day', () => {
  it('keeps a failed send in the ledger with its next time, and says how late it went out', async () => {
    const { service, clock, sink } = makeService({ library: [...library] });
    clock.set('2025-06-02T05:00:00Z');
    await service.start();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, transient(), 4);
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'pending',
      attempts: 4,
      retryAt: '2025-06-02T06:01:00.000Z',
      lastError: 'Service Unavailable (503)',
    });
    // Not before its time.
    clock.set('2025-06-02T06:00:30Z');
    await service.runDue();
    expect(sink.calls).toHaveLength(4);

    sink.fail(CHANNEL, transient(), 2);
    for (const at of ['2025-06-02T06:01:00Z', '2025-06-02T06:03:00Z']) {
      clock.set(at);
      await service.runDue();
    }
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'pending',
      retryAt: '2025-06-02T06:08:00.000Z',
    });
    clock.set('2025-06-02T06:08:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'sent',
      reason: 'posted 8 min late (Discord did not take it earlier: Service Unavailable (503))',
    });
    await service.stop();
  });

  it('gives up at the end of the catch-up window with the last error', async () => {
    const { service, clock, sink } = makeService({ library: [...library], graceMs: 60 * MINUTE });
    clock.set('2025-06-02T05:00:00Z');
    await service.start();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, transient(), 1_000);
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    for (let minute = 1; minute <= 90; minute++) {
      clock.set(new Date(Date.parse('2025-06-02T06:00:00Z') + minute * MINUTE).toISOString());
      await service.runDue();
    }
    const [row] = await ledger(service, GUILD);
    expect(row).toMatchObject({ status: 'failed', retryAt: null });
    expect(row?.reason).toMatch(
      /^Service Unavailable \(503\) \(after \d+ attempts, until its catch-up window closed\)$/,
    );
    // 4 quick, then at 06:01, 06:03, 06:08, 06:18 and 06:33; the next, 30 minutes on, would be past the hour.
    expect(sink.calls).toHaveLength(9);
    await service.stop();
  });
});

describe('grace', () => {
  it('delivers an on-time digest with a grace of 0, whatever the timer’s lateness', async () => {
    const { service, clock, sink } = makeService({ library: [...library], graceMs: 0 });
    clock.set('2025-06-02T05:00:00Z');
    await service.start();
    await service.subscriptions.subscribe(subscription());
    clock.set('2025-06-02T06:00:00.007Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'sent', reason: null });
  });

  it('with a grace of 0, a fire missed while the bot was down is recorded as missed', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z', 0);
    await first.service.subscriptions.subscribe(subscription());
    first.store.close();
    const second = boot(path, sink, '2025-06-02T06:00:30Z', 0);
    await second.service.start();
    expect(sink.posted).toHaveLength(0);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({ status: 'missed' });
  });
});

describe('a database file that goes away', () => {
  it('stops delivery with one loud line, and refuses changes, when the file is deleted', async () => {
    const errors: string[] = [];
    const path = tempDbPath();
    const log = { info() {}, warn() {}, error: (_: object, message: string) => errors.push(message) };
    const harness = makeService({ path, library: [...library], log });
    harness.clock.set('2025-06-02T05:00:00Z');
    await harness.service.start();
    await harness.service.subscriptions.subscribe(subscription());
    rmSync(path);
    harness.clock.set('2025-06-02T06:00:00Z');
    await harness.service.runDue();
    await harness.service.runDue();
    expect(harness.sink.calls).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${path} was deleted`);
    await expect(harness.service.subscriptions.subscribe(subscription({ time: '09:00' }))).rejects.toThrow(
      DigestError,
    );
    expect(harness.service.storeLoss()).toEqual({ code: 'deleted', location: path });
  });

  it('notices a file replaced by another one', async () => {
    const path = tempDbPath();
    const harness = makeService({ path, library: [...library] });
    await harness.service.subscriptions.subscribe(subscription());
    writeFileSync(`${path}.other`, '');
    renameSync(`${path}.other`, path);
    harness.clock.set('2025-06-02T06:00:00Z');
    await harness.service.runDue();
    expect(harness.sink.calls).toHaveLength(0);
    expect(harness.service.storeLoss()).toEqual({ code: 'replaced', location: path });
  });
});
