import { describe, expect, it, vi } from 'vitest';
import { MAX_NONCE_LENGTH } from '../../src/digest/delivery/nonce.js';
import { DigestService } from '../../src/digest/service.js';
import { makeBriefing } from '../support/briefings.js';
import {
  ledger,
  makeService,
  missingAccess,
  NOTHING_NEW,
  subscription,
  transient,
  unknownChannel,
} from './helpers.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';

/** 07:00 in Berlin on 2 June 2025; the subscription fires at 08:00 (06:00 UTC). */
function morning(options: Parameters<typeof makeService>[0] = {}) {
  const harness = makeService(options);
  harness.clock.set('2025-06-02T05:00:00Z');
  harness.library.push(
    makeBriefing({ id: 'grain-corridor', title: 'Grain corridor reopens', date: '2025-06-01' }),
    makeBriefing({ id: 'ceasefire-talks', title: 'Ceasefire talks resume', date: '2025-06-02' }),
  );
  return harness;
}

describe('the daily fire', () => {
  it('posts the new briefings once at the scheduled minute, oldest first', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    await service.runDue();
    expect(sink.posted).toEqual([]);

    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message.content)).toEqual([
      'grain-corridor: Grain corridor reopens',
      'ceasefire-talks: Ceasefire talks resume',
    ]);

    clock.set('2025-06-02T06:01:00Z');
    await service.runDue();
    clock.set('2025-06-02T21:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);

    const [record] = await service.status(GUILD, CHANNEL);
    expect(record).toMatchObject({
      kind: 'scheduled',
      status: 'sent',
      localDate: '2025-06-02',
      fireAt: '2025-06-02T06:00:00.000Z',
      briefingIds: ['grain-corridor', 'ceasefire-talks'],
      messageIds: sink.posted.map((post) => post.messageId),
      reason: null,
    });
  });

  it('gives each message of a digest its own nonce within 25 characters', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    const nonces = sink.posted.map((post) => post.nonce);
    expect(new Set(nonces).size).toBe(2);
    for (const nonce of nonces) expect(nonce.length).toBeLessThanOrEqual(MAX_NONCE_LENGTH);
  });

  it('sends only what is new the next day, and records a quiet skip with its reason', async () => {
    const { service, clock, sink, library } = morning();
    await service.subscriptions.subscribe(subscription());
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();

    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
    expect((await ledger(service, GUILD, CHANNEL))[0]).toMatchObject({
      status: 'nothing-new',
      localDate: '2025-06-03',
      reason: 'no new briefings since the last digest',
    });

    library.push(makeBriefing({ id: 'energy-prices', date: '2025-06-04' }));
    clock.set('2025-06-04T06:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message.content)).toHaveLength(3);
    expect((await ledger(service, GUILD, CHANNEL))[0]).toMatchObject({
      status: 'sent',
      briefingIds: ['energy-prices'],
    });
  });

  it('posts a short note on an empty day when the channel asks for it', async () => {
    const { service, clock, sink } = makeService();
    clock.set('2025-06-02T06:00:00Z');
    await service.subscriptions.subscribe(subscription({ time: '09:00', postWhenEmpty: true }));
    clock.set('2025-06-02T07:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message)).toEqual([NOTHING_NEW]);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'sent', briefingIds: [] });
  });

  it('does not post the archive to a new subscription: nothing older than the day before it was made', async () => {
    const { service, clock, sink, library } = morning();
    library.push(
      makeBriefing({ id: 'last-month', date: '2025-05-02' }),
      makeBriefing({ id: 'two-days-ago', date: '2025-05-31' }),
    );
    await service.subscriptions.subscribe(subscription());
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message.content?.split(':')[0])).toEqual([
      'grain-corridor',
      'ceasefire-talks',
    ]);
  });

  it('does not fire for a time already past when the subscription is made', async () => {
    const { service, clock, sink } = morning();
    clock.set('2025-06-02T07:00:00Z');
    await service.subscriptions.subscribe(subscription());
    await service.runDue();
    expect(sink.posted).toEqual([]);
    expect(await ledger(service, GUILD)).toEqual([]);
    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
  });

  it('applies the party and tag filters, and says so when they leave nothing', async () => {
    const mentions = (id: string, party: string) => party === 'Ukraine' && id === 'grain-corridor';
    const { service, clock, sink, library } = morning({ mentions });
    library.push(
      makeBriefing({ id: 'gas-deal', title: 'Gas deal signed', date: '2025-06-02', tags: ['Energy'] }),
    );
    await service.subscriptions.subscribe(
      subscription({ channelId: '300000000000000001', party: 'Ukraine' }),
    );
    await service.subscriptions.subscribe(subscription({ channelId: '300000000000000002', tag: 'energy' }));
    await service.subscriptions.subscribe(
      subscription({ channelId: '300000000000000003', party: 'Ukraine', tag: 'energy' }),
    );
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.inChannel('300000000000000001').map((post) => post.message.content)).toEqual([
      'grain-corridor: Grain corridor reopens',
    ]);
    expect(sink.inChannel('300000000000000002').map((post) => post.message.content)).toEqual([
      'gas-deal: Gas deal signed',
    ]);
    expect(sink.inChannel('300000000000000003')).toEqual([]);
    expect((await ledger(service, GUILD, '300000000000000003'))[0]?.reason).toBe(
      'no new briefings about Ukraine tagged energy since the last digest',
    );
  });

  it('crossposts in announcement channels, and notes a crosspost that failed without resending', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription({ publish: true }));
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.published.map((item) => item.messageId)).toEqual(sink.posted.map((post) => post.messageId));

    sink.publishError = missingAccess();
    await service.subscriptions.subscribe(subscription({ publish: true, postWhenEmpty: true }));
    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(3);
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'sent',
      reason: 'posted, but not crossposted: missing Send Messages in #briefings',
    });
  });
});

describe('failures', () => {
  it('pauses on missing access, with the reason in list and status, and skips days until resumed', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, missingAccess());
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toEqual([]);
    expect((await service.subscriptions.list(GUILD))[0]).toMatchObject({
      paused: true,
      pauseReason: { code: 'missing-permission', permissions: ['Send Messages'], channelName: 'briefings' },
    });
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'failed',
      reason: 'missing Send Messages in #briefings; digest paused until resumed',
    });

    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toEqual([]);
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'paused',
      localDate: '2025-06-03',
      reason: 'subscription paused: missing Send Messages in #briefings',
    });

    await service.subscriptions.resume(CHANNEL);
    clock.set('2025-06-04T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
  });

  it('pauses when the channel no longer exists', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, unknownChannel());
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(await service.subscriptions.get(CHANNEL)).toMatchObject({
      paused: true,
      pauseReason: { code: 'channel-gone', channelName: 'briefings' },
    });
  });

  it('retries transient errors with the same nonce', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, transient(), 2);
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
    const firstNonce = sink.posted[0]!.nonce;
    expect(sink.calls.filter((call) => call.nonce === firstNonce)).toHaveLength(3);
    expect((await ledger(service, GUILD))[0]?.status).toBe('sent');
  });

  it('records a failure with the last error once its catch-up window closes, without pausing, and offers the briefings again', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, transient(), 1_000);
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.calls).toHaveLength(4);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'pending', attempts: 4 });
    // The sweep every minute until the grace (12 h) has passed: the row is tried on its own timetable.
    while ((await ledger(service, GUILD))[0]?.status === 'pending') {
      clock.advance(60_000);
      await service.runDue();
    }
    expect((await ledger(service, GUILD))[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /^Service Unavailable \(503\) \(after \d+ attempts, until its catch-up window closed\)$/,
      ),
    });
    expect(sink.calls.length).toBeLessThan(40);
    expect((await service.subscriptions.get(CHANNEL))?.paused).toBe(false);

    sink.recover();
    clock.set('2025-06-03T06:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message.content?.split(':')[0])).toEqual([
      'grain-corridor',
      'ceasefire-talks',
    ]);
  });

  it('treats an unexpected sink error as transient', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.fail(CHANNEL, new Error('socket hang up'));
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted).toHaveLength(2);
  });

  it('records a digest the renderer cannot build as failed, and carries on with other channels', async () => {
    const { sink, store, library, clock } = morning();
    const broken = new DigestService({
      store,
      sink,
      briefingsSince: (date) => library.filter((briefing) => briefing.date >= date),
      mentions: () => false,
      render: (_, sub) => {
        if (sub.channelId === CHANNEL) throw new Error('embed too long');
        return [{ content: 'fine' }];
      },
      renderNothingNew: () => NOTHING_NEW,
      renderPostTitle: (localDate) => localDate,
      now: clock.now,
    });
    await broken.subscriptions.subscribe(subscription());
    await broken.subscriptions.subscribe(subscription({ channelId: '300000000000000001' }));
    clock.set('2025-06-02T06:00:00Z');
    await broken.runDue();
    expect((await ledger(broken, GUILD, CHANNEL))[0]).toMatchObject({
      status: 'failed',
      reason: 'could not build the digest: embed too long',
    });
    expect(sink.inChannel('300000000000000001')).toHaveLength(1);
  });
});

describe('fan-out', () => {
  const channels = ['300000000000000001', '300000000000000002', '300000000000000003'];

  it('sends to every due channel at once rather than one after another', async () => {
    const { service, clock, sink } = morning();
    for (const channelId of channels) {
      await service.subscriptions.subscribe(subscription({ channelId }));
      sink.hang(channelId);
    }
    clock.set('2025-06-02T06:00:00Z');
    const run = service.runDue();
    // All three first sends are under way while none has answered.
    await vi.waitFor(() => expect(sink.calls).toHaveLength(3));
    expect(sink.posted).toEqual([]);
    sink.release();
    await run;
    expect(sink.posted).toHaveLength(6);
  });

  it('does not let one stuck or failing channel hold up the others', async () => {
    const { service, clock, sink } = morning();
    for (const channelId of channels) await service.subscriptions.subscribe(subscription({ channelId }));
    sink.hang(channels[0]!);
    sink.fail(channels[1]!, missingAccess());
    clock.set('2025-06-02T06:00:00Z');
    const run = service.runDue();
    await vi.waitFor(() => expect(sink.inChannel(channels[2]!)).toHaveLength(2));
    await vi.waitFor(async () => expect((await service.subscriptions.get(channels[1]!))?.paused).toBe(true));
    expect((await ledger(service, GUILD, channels[0]))[0]?.status).toBe('pending');
    sink.release();
    await run;
    expect(sink.inChannel(channels[0]!)).toHaveLength(2);
    expect((await ledger(service, GUILD, channels[0]))[0]?.status).toBe('sent');
  });
});

describe('send-now', () => {
  it('sends through the ledger without taking the day’s scheduled fire', async () => {
    const { service, clock, sink, library } = morning();
    await service.subscriptions.subscribe(subscription());
    const outcome = await service.sendNow(CHANNEL);
    expect(outcome).toMatchObject({ status: 'sent', briefingIds: ['grain-corridor', 'ceasefire-talks'] });
    expect(outcome.messageIds).toHaveLength(2);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ kind: 'manual', status: 'sent' });

    library.push(makeBriefing({ id: 'late-news', date: '2025-06-02' }));
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posted.map((post) => post.message.content?.split(':')[0])).toEqual([
      'grain-corridor',
      'ceasefire-talks',
      'late-news',
    ]);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ kind: 'scheduled', status: 'sent' });
  });

  it('answers nothing-new without posting when there is nothing to send', async () => {
    const { service, sink } = makeService();
    await service.subscriptions.subscribe(subscription());
    expect(await service.sendNow(CHANNEL)).toMatchObject({ status: 'nothing-new', messageIds: [] });
    expect(sink.posted).toEqual([]);
  });

  it('does not repeat briefings a digest in flight is already bringing', async () => {
    const { service, clock, sink } = morning();
    await service.subscriptions.subscribe(subscription());
    sink.hang(CHANNEL);
    clock.set('2025-06-02T06:00:00Z');
    const run = service.runDue();
    await vi.waitFor(() => expect(sink.calls).toHaveLength(1));
    expect(await service.sendNow(CHANNEL)).toMatchObject({ status: 'nothing-new' });
    sink.release();
    await run;
    expect(sink.posted).toHaveLength(2);
  });
});
