import { describe, expect, it, vi } from 'vitest';
import { digestNonces } from '../../src/digest/delivery/nonce.js';
import {
  boot,
  crashDuringFire,
  FakeSink,
  ledger,
  subscription,
  tempDbPath,
  twoBriefings,
} from './helpers.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const _library = twoBriefings();

describe('restarts', () => {
  it('delivers after a restart between subscribing and the scheduled time', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    await first.service.start();
    await first.service.stop();
    first.store.close();

    const second = boot(path, sink, '2025-06-02T06:00:00Z');
    await second.service.start();
    expect(sink.posted).toHaveLength(2);
    await second.service.runDue();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({ status: 'sent', reason: null });
    await second.service.stop();
  });

  it('resends a digest whose send went out but was never recorded, with the same nonce: one message', async () => {
    const sink = new FakeSink();
    // Part 0 is out and recorded; part 1 is out but the process "dies" before recording it.
    const path = await crashDuringFire(
      sink,
      (planned) => planned.ok(CHANNEL).postThenHang(CHANNEL),
      (seen) => seen.posted.length === 2,
    );

    const second = boot(path, sink, '2025-06-02T06:03:00Z');
    await second.service.start();
    const [part0, part1] = sink.posted;
    expect(sink.posted).toHaveLength(2);
    expect(sink.calls.filter((call) => call.nonce === part0!.nonce)).toHaveLength(1);
    expect(sink.calls.filter((call) => call.nonce === part1!.nonce)).toHaveLength(2);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'sent',
      messageIds: [part0!.messageId, part1!.messageId],
    });
    // Recorded as received: tomorrow has nothing new.
    second.clock.set('2025-06-03T06:00:00Z');
    await second.service.runDue();
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('nothing-new');
    await second.service.stop();
  });

  it('finishes a pending row written before a crash, and never resends a sent one', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    const nonce = digestNonces()(0);
    const row = {
      guildId: GUILD,
      channelId: CHANNEL,
      localDate: '2025-06-02',
      fireAt: new Date('2025-06-02T06:00:00Z'),
      briefingIds: ['grain-corridor'],
      parts: [{ nonce, payload: { content: 'digest' } }],
      reason: null,
      at: new Date('2025-06-02T06:00:00Z'),
    };
    await first.store.addDelivery({ ...row, kind: 'scheduled', status: 'pending' });
    first.store.close();

    const second = boot(path, sink, '2025-06-02T06:01:00Z');
    await second.service.start();
    await second.service.stop();
    second.store.close();
    expect(sink.posted.map((post) => post.nonce)).toEqual([nonce]);

    const third = boot(path, sink, '2025-06-02T06:02:00Z');
    await third.service.start();
    expect(sink.calls).toHaveLength(1);
    // The pending row was the day's fire, and it brought grain-corridor: only the rest is left.
    expect((await third.service.preview(CHANNEL)).map((message) => message.content?.split(':')[0])).toEqual([
      'ceasefire-talks',
    ]);
    await third.service.stop();
  });

  it('stops without waiting forever on a stuck send; the next start sends it with the same nonce', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    await first.service.start();
    sink.hang(CHANNEL);
    first.clock.set('2025-06-02T06:00:00Z');
    void first.service.runDue();
    await vi.waitFor(() => expect(sink.calls).toHaveLength(1));
    await first.service.stop();
    expect((await ledger(first.service, GUILD))[0]?.status).toBe('pending');
    first.store.close();

    const second = boot(path, sink, '2025-06-02T06:05:00Z');
    await second.service.start();
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('sent');
    const firstNonce = sink.calls[0]!.nonce;
    expect(sink.posted.filter((post) => post.nonce === firstNonce)).toHaveLength(1);
    sink.release();
    await second.service.stop();
  });

  it('drops a pending digest of a channel unsubscribed meanwhile', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    sink.postThenHang(CHANNEL);
    first.clock.set('2025-06-02T06:00:00Z');
    void first.service.runDue();
    await vi.waitFor(() => expect(sink.posted).toHaveLength(1));
    await first.service.subscriptions.unsubscribe(CHANNEL);
    first.store.close();

    const second = boot(path, sink, '2025-06-02T06:05:00Z');
    await second.service.start();
    expect(sink.posted).toHaveLength(1);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'failed',
      reason: 'the subscription was removed before this digest went out',
    });
    await second.service.stop();
  });
});

describe('catch-up after downtime', () => {
  async function downAcrossEight(backAt: string, graceMs?: number) {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    await first.service.start();
    await first.service.stop();
    first.store.close();
    const second = boot(path, sink, backAt, graceMs);
    await second.service.start();
    await second.service.stop();
    return { ...second, sink };
  }

  it('sends one late digest on start-up within the grace window, saying how late and why', async () => {
    const { sink, service } = await downAcrossEight('2025-06-02T09:10:00Z');
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'sent',
      localDate: '2025-06-02',
      reason: 'posted 3 h 10 min late (the bot was not running at 08:00 Europe/Berlin)',
    });
  });

  it('records the fire as missed beyond the grace window, and the next day brings everything', async () => {
    const { sink, service, clock } = await downAcrossEight('2025-06-02T19:00:00Z');
    expect(sink.posted).toEqual([]);
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'missed',
      localDate: '2025-06-02',
      reason:
        'not sent: the bot was not running at 08:00 Europe/Berlin and came back 13 h later, past the 12 h catch-up window',
    });
    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
  });

  it('takes a configured grace window', async () => {
    const { sink, service } = await downAcrossEight('2025-06-02T07:30:00Z', 3_600_000);
    expect(sink.posted).toEqual([]);
    expect((await ledger(service, GUILD))[0]?.status).toBe('missed');
  });

  it('owes yesterday’s fire when the bot comes back after midnight within the window', async () => {
    const { sink, service } = await downAcrossEight('2025-06-02T22:30:00Z', 24 * 3_600_000);
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'sent', localDate: '2025-06-02' });
  });

  it('records a paused subscription’s fire as paused, not missed', async () => {
    const path = tempDbPath();
    const sink = new FakeSink();
    const first = boot(path, sink, '2025-06-02T05:00:00Z');
    await first.service.subscriptions.subscribe(subscription());
    await first.service.subscriptions.pause(CHANNEL, { code: 'by-manager', by: 'ana' });
    first.store.close();
    const second = boot(path, sink, '2025-06-02T06:30:00Z');
    await second.service.start();
    expect(sink.posted).toEqual([]);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'paused',
      reason: 'subscription paused: paused by ana',
    });
    await second.service.stop();
  });
});
