import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../src/schedule/validate.js';
import { briefing, makeService, NOTHING_NEW, subscription } from './helpers.js';

const GUILD = '111111111111111111';

describe('subscriptions', () => {
  it('validates the time and zone with a message for the user', () => {
    const { service } = makeService();
    expect(() => service.subscribe(subscription({ time: '24:00' }))).toThrow(ScheduleError);
    expect(() => service.subscribe(subscription({ timezone: 'Moon/Base' }))).toThrow(/not a known time zone/);
    expect(service.list(GUILD)).toEqual([]);
  });

  it('keeps one subscription per channel: subscribing again updates it', () => {
    const { service, clock } = makeService();
    const first = service.subscribe(
      subscription({ time: '8:00', timezone: 'europe/berlin', createdBy: 'ana' }),
    );
    expect(first).toMatchObject({
      time: '08:00',
      timezone: 'Europe/Berlin',
      paused: false,
      createdBy: 'ana',
    });
    clock.advance(60_000);
    const second = service.subscribe(subscription({ time: '18:30', tag: 'energy', createdBy: 'ben' }));
    expect(service.list(GUILD)).toHaveLength(1);
    expect(second).toMatchObject({
      time: '18:30',
      tag: 'energy',
      createdBy: 'ana',
      createdAt: first.createdAt,
    });
    expect(second.updatedAt).not.toBe(first.updatedAt);
  });

  it('holds many channels per server, listed by time', () => {
    const { service } = makeService();
    service.subscribe(
      subscription({ channelId: '300000000000000001', channelName: 'evening', time: '19:00' }),
    );
    service.subscribe(
      subscription({ channelId: '300000000000000002', channelName: 'morning', time: '07:00' }),
    );
    service.subscribe(subscription({ guildId: '999999999999999999', channelId: '300000000000000003' }));
    expect(service.list(GUILD).map((sub) => sub.channelName)).toEqual(['morning', 'evening']);
  });

  it('unsubscribes, and says when there was nothing to remove', () => {
    const { service } = makeService();
    service.subscribe(subscription());
    expect(service.unsubscribe('222222222222222222')).toBe(true);
    expect(service.unsubscribe('222222222222222222')).toBe(false);
    expect(service.list(GUILD)).toEqual([]);
  });

  it('pauses with a reason and resumes', () => {
    const { service } = makeService();
    service.subscribe(subscription());
    expect(service.pause('222222222222222222', 'holiday break')).toMatchObject({
      paused: true,
      pauseReason: 'holiday break',
    });
    expect(service.list(GUILD)[0]).toMatchObject({ paused: true, pauseReason: 'holiday break' });
    expect(service.resume('222222222222222222')).toMatchObject({ paused: false, pauseReason: null });
  });

  it('answers commands on an unknown channel with a not-subscribed error', () => {
    const { service } = makeService();
    for (const call of [
      () => service.pause('404'),
      () => service.resume('404'),
      () => service.preview('404'),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'not-subscribed' }));
    }
    return expect(service.sendNow('404')).rejects.toThrow(/No digest is set up/);
  });

  it('tells when the next digest is due', () => {
    const { service, clock } = makeService();
    clock.set('2025-06-02T05:00:00Z');
    const sub = service.subscribe(subscription({ time: '08:00', timezone: 'Europe/Berlin' }));
    expect(service.nextFireAt(sub).toISOString()).toBe('2025-06-02T06:00:00.000Z');
    clock.set('2025-06-02T06:00:01Z');
    expect(service.nextFireAt(sub).toISOString()).toBe('2025-06-03T06:00:00.000Z');
  });
});

describe('preview', () => {
  it('shows what would be sent without recording anything', () => {
    const { service, clock, library, sink } = makeService();
    clock.set('2025-06-02T05:00:00Z');
    library.push(briefing('grain-corridor', '2025-06-02'));
    service.subscribe(subscription());
    expect(service.preview('222222222222222222')).toEqual([
      { content: 'grain-corridor: Briefing grain-corridor' },
    ]);
    expect(service.preview('222222222222222222')).toHaveLength(1);
    expect(service.status(GUILD)).toEqual([]);
    expect(sink.posted).toEqual([]);
  });

  it('is empty when the day would be skipped, and the short note when the channel wants one', () => {
    const { service } = makeService();
    service.subscribe(subscription());
    expect(service.preview('222222222222222222')).toEqual([]);
    service.subscribe(subscription({ postWhenEmpty: true }));
    expect(service.preview('222222222222222222')).toEqual([NOTHING_NEW]);
  });
});

describe('timers', () => {
  it('keeps one slot job per distinct time and zone among active subscriptions', async () => {
    const { service, scheduler } = makeService();
    service.subscribe(subscription({ channelId: '300000000000000001', time: '08:00' }));
    await service.start();
    expect(scheduler.slots).toEqual([{ time: '08:00', timezone: 'Europe/Berlin' }]);
    service.subscribe(subscription({ channelId: '300000000000000002', time: '08:00' }));
    service.subscribe(subscription({ channelId: '300000000000000003', time: '08:00', timezone: 'UTC' }));
    expect(scheduler.slots).toHaveLength(2);
    service.pause('300000000000000003');
    expect(scheduler.slots).toEqual([{ time: '08:00', timezone: 'Europe/Berlin' }]);
    service.unsubscribe('300000000000000001');
    service.unsubscribe('300000000000000002');
    expect(scheduler.slots).toEqual([]);
    await service.stop();
    expect(scheduler.stopped).toBe(true);
  });
});
