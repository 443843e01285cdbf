import { describe, expect, it } from 'vitest';
import { DigestError } from '../../src/digest/errors.js';
import { makeBriefing } from '../support/briefings.js';
import { ledger, makeService, NOTHING_NEW, subscription } from './helpers.js';

const GUILD = '111111111111111111';

describe('subscriptions', () => {
  it('validates the time and zone with a message for the user', async () => {
    const { service } = makeService();
    await expect(service.subscriptions.subscribe(subscription({ time: '24:00' }))).rejects.toThrow(
      DigestError,
    );
    await expect(
      service.subscriptions.subscribe(subscription({ timezone: 'Moon/Base' })),
    ).rejects.toMatchObject({
      problem: { code: 'invalid-timezone', input: 'Moon/Base' },
    });
    expect(await service.subscriptions.list(GUILD)).toEqual([]);
  });

  it('keeps one subscription per channel: subscribing again updates it', async () => {
    const { service, clock } = makeService();
    const first = await service.subscriptions.subscribe(
      subscription({ time: '8:00', timezone: 'europe/berlin', createdBy: 'ana' }),
    );
    expect(first).toMatchObject({
      time: '08:00',
      timezone: 'Europe/Berlin',
      paused: false,
      createdBy: 'ana',
    });
    clock.advance(60_000);
    const second = await service.subscriptions.subscribe(
      subscription({ time: '18:30', tag: 'energy', createdBy: 'ben' }),
    );
    expect(await service.subscriptions.list(GUILD)).toHaveLength(1);
    expect(second).toMatchObject({
      time: '18:30',
      tag: 'energy',
      createdBy: 'ana',
      createdAt: first.createdAt,
    });
    expect(second.updatedAt).not.toBe(first.updatedAt);
  });

  it('holds many channels per server, listed by time', async () => {
    const { service } = makeService();
    await service.subscriptions.subscribe(
      subscription({ channelId: '300000000000000001', channelName: 'evening', time: '19:00' }),
    );
    await service.subscriptions.subscribe(
      subscription({ channelId: '300000000000000002', channelName: 'morning', time: '07:00' }),
    );
    await service.subscriptions.subscribe(
      subscription({ guildId: '999999999999999999', channelId: '300000000000000003' }),
    );
    expect((await service.subscriptions.list(GUILD)).map((sub) => sub.channelName)).toEqual([
      'morning',
      'evening',
    ]);
  });

  it('unsubscribes, and says when there was nothing to remove', async () => {
    const { service } = makeService();
    await service.subscriptions.subscribe(subscription());
    expect(await service.subscriptions.unsubscribe('222222222222222222')).toBe(true);
    expect(await service.subscriptions.unsubscribe('222222222222222222')).toBe(false);
    expect(await service.subscriptions.list(GUILD)).toEqual([]);
  });

  it('pauses with a reason and resumes', async () => {
    const { service } = makeService();
    await service.subscriptions.subscribe(subscription());
    const holiday = { code: 'by-manager', by: 'ana' } as const;
    expect(await service.subscriptions.pause('222222222222222222', holiday)).toMatchObject({
      paused: true,
      pauseReason: holiday,
    });
    expect((await service.subscriptions.list(GUILD))[0]).toMatchObject({
      paused: true,
      pauseReason: holiday,
    });
    expect(await service.subscriptions.resume('222222222222222222')).toMatchObject({
      paused: false,
      pauseReason: null,
    });
  });

  it('answers commands on an unknown channel with a not-subscribed error', async () => {
    const { service } = makeService();
    for (const call of [
      service.subscriptions.pause('404'),
      service.subscriptions.resume('404'),
      service.preview('404'),
      service.sendNow('404'),
    ]) {
      await expect(call).rejects.toMatchObject({ problem: { code: 'not-subscribed', channelId: '404' } });
    }
  });

  it('tells when the next digest is due', async () => {
    const { service, clock } = makeService();
    clock.set('2025-06-02T05:00:00Z');
    const sub = await service.subscriptions.subscribe(
      subscription({ time: '08:00', timezone: 'Europe/Berlin' }),
    );
    expect(service.nextFireAt(sub).toISOString()).toBe('2025-06-02T06:00:00.000Z');
    clock.set('2025-06-02T06:00:01Z');
    expect(service.nextFireAt(sub).toISOString()).toBe('2025-06-03T06:00:00.000Z');
  });
});

describe('preview', () => {
  it('shows what would be sent without recording anything', async () => {
    const { service, clock, library, sink } = makeService();
    clock.set('2025-06-02T05:00:00Z');
    library.push(makeBriefing({ id: 'grain-corridor', title: 'Grain corridor reopens', date: '2025-06-02' }));
    await service.subscriptions.subscribe(subscription());
    expect(await service.preview('222222222222222222')).toEqual([
      { content: 'grain-corridor: Grain corridor reopens' },
    ]);
    expect(await service.preview('222222222222222222')).toHaveLength(1);
    expect(await ledger(service, GUILD)).toEqual([]);
    expect(sink.posted).toEqual([]);
  });

  it('is empty when the day would be skipped, and the short note when the channel wants one', async () => {
    const { service } = makeService();
    await service.subscriptions.subscribe(subscription());
    expect(await service.preview('222222222222222222')).toEqual([]);
    await service.subscriptions.subscribe(subscription({ postWhenEmpty: true }));
    expect(await service.preview('222222222222222222')).toEqual([NOTHING_NEW]);
  });
});

describe('timers', () => {
  it('keeps one slot job per distinct time and zone among active subscriptions', async () => {
    const { service, scheduler } = makeService();
    await service.subscriptions.subscribe(subscription({ channelId: '300000000000000001', time: '08:00' }));
    await service.start();
    expect(scheduler.slots).toEqual([{ time: '08:00', timezone: 'Europe/Berlin' }]);
    await service.subscriptions.subscribe(subscription({ channelId: '300000000000000002', time: '08:00' }));
    await service.subscriptions.subscribe(
      subscription({ channelId: '300000000000000003', time: '08:00', timezone: 'UTC' }),
    );
    expect(scheduler.slots).toHaveLength(2);
    await service.subscriptions.pause('300000000000000003');
    expect(scheduler.slots).toEqual([{ time: '08:00', timezone: 'Europe/Berlin' }]);
    await service.subscriptions.unsubscribe('300000000000000001');
    await service.subscriptions.unsubscribe('300000000000000002');
    expect(scheduler.slots).toEqual([]);
    await service.stop();
    expect(scheduler.stopped).toBe(true);
  });
});
