/**
 * The daily alert rule, against the real store on a temporary file: nothing before 09:00 (Europe/Berlin here),
 * then at most one direct message per reader and local day, across restarts and crashes; a reader whose direct
 * messages are closed is paused, not retried, and told once.
 */
import { describe, expect, it } from 'vitest';
import { alertDay, dayBefore, nextOpening, selectAlert } from '../../src/follow/plan.js';
import { clock, FakeDirectMessages, makeFollowService, Shelf } from './helpers.js';

const READER = '1190000000000000302';
const OTHER = '1190000000000000303';
const BERLIN = { time: '09:00', timezone: 'Europe/Berlin' };

describe('alert days', () => {
  it('open at 09:00 local time, in the bot’s zone, even on a spring-forward day', () => {
    // 08:00 UTC on 2 March is 09:00 in Berlin (CET).
    expect(alertDay(new Date('2026-03-02T07:59:00Z'), BERLIN)).toMatchObject({
      localDate: '2026-03-02',
      open: false,
    });
    expect(alertDay(new Date('2026-03-02T08:00:00Z'), BERLIN)).toMatchObject({
      localDate: '2026-03-02',
      open: true,
    });
    // 23:30 UTC is already the next day in Berlin.
    expect(alertDay(new Date('2026-03-02T23:30:00Z'), BERLIN).localDate).toBe('2026-03-03');
    // 29 March 2026: 09:00 CEST is 07:00 UTC.
    expect(alertDay(new Date('2026-03-29T07:00:00Z'), BERLIN).open).toBe(true);
    expect(nextOpening(new Date('2026-03-28T10:00:00Z'), BERLIN)).toEqual(new Date('2026-03-29T07:00:00Z'));
    expect(nextOpening(new Date('2026-03-29T06:00:00Z'), BERLIN)).toEqual(new Date('2026-03-29T07:00:00Z'));
    expect(dayBefore(new Date('2026-03-02T10:00:00Z'), 'Europe/Berlin')).toBe('2026-03-01');
  });

  it('carry what is new, names a followed party, and is no older than the day before the follow', () => {
    const shelf = new Shelf();
    shelf.add('old', '2026-02-20', 'Ukraine');
    shelf.add('seen', '2026-03-02', 'Ukraine');
    shelf.add('fresh', '2026-03-02', 'Ukraine', 'Russia');
    shelf.add('elsewhere', '2026-03-02', 'Norway');
    shelf.add('russia', '2026-03-01', 'Russia');
    const follower = {
      userId: READER,
      activeFrom: '2026-03-02T10:00:00.000Z',
      paused: false,
      pauseReason: null,
      pausedAt: null,
      toldAt: null,
    };
    const content = selectAlert({
      follows: [
        { userId: READER, party: 'Russia', createdAt: '2026-03-02T10:00:00.000Z' },
        { userId: READER, party: 'Ukraine', createdAt: '2026-03-02T10:00:00.000Z' },
      ],
      follower,
      seen: new Set(['seen']),
      timezone: 'Europe/Berlin',
      briefingsSince: shelf.since,
      mentions: shelf.mentions,
    });
    expect(content.briefings.map((briefing) => briefing.id)).toEqual(['russia', 'fresh']);
    expect(content.parties).toEqual(['Russia', 'Ukraine']);
  });
});

describe('the daily direct message', () => {
  it('goes at 09:00 with what is new, once; later news waits for the next day', async () => {
    const shelf = new Shelf();
    shelf.add('before-follow', '2026-03-01', 'Ukraine');
    const time = clock('2026-03-01T12:00:00Z');
    const { service, dms } = makeFollowService({ time, shelf });
    expect(await service.follow(READER, 'Ukraine')).toMatchObject({ added: true, resumed: false });

    shelf.add('overnight', '2026-03-02', 'Ukraine');
    time.set('2026-03-02T07:59:00Z');
    await service.runDue();
    expect(dms.sent).toEqual([]);

    time.set('2026-03-02T08:00:30Z');
    await service.runDue();
    await service.runDue();
    expect(dms.to(READER).map((dm) => dm.message.content)).toEqual(['about Ukraine: overnight']);

    shelf.add('midday', '2026-03-02', 'Ukraine');
    time.set('2026-03-02T11:00:00Z');
    await service.runDue();
    expect(dms.sent).toHaveLength(1);
    expect((await service.following(READER)).nextAlertFrom).toEqual(new Date('2026-03-03T08:00:00Z'));

    time.set('2026-03-03T08:00:10Z');
    await service.runDue();
    expect(dms.to(READER).map((dm) => dm.message.content)).toEqual([
      'about Ukraine: overnight',
      'about Ukraine: midday',
    ]);
  });

  it('on a day with nothing new by 09:00, goes as soon as a briefing arrives, and only once', async () => {
    const shelf = new Shelf();
    const time = clock('2026-03-02T06:00:00Z');
    const { service, dms } = makeFollowService({ time, shelf });
    await service.follow(READER, 'Ukraine');
    await service.follow(OTHER, 'Russia');
    time.set('2026-03-02T08:00:00Z');
    await service.runDue();
    expect(dms.sent).toEqual([]);
    expect((await service.following(READER)).nextAlertFrom).toBeNull();

    shelf.add('first', '2026-03-02', 'Ukraine');
    time.set('2026-03-02T13:00:00Z');
    await service.runDue();
    shelf.add('second', '2026-03-02', 'Ukraine', 'Russia');
    time.set('2026-03-02T13:01:00Z');
    await service.runDue();
    expect(dms.to(READER).map((dm) => dm.message.content)).toEqual(['about Ukraine: first']);
    // Another reader's day is their own.
    expect(dms.to(OTHER).map((dm) => dm.message.content)).toEqual(['about Russia: second']);
  });

  it('is not sent twice after a restart on the same day', async () => {
    const shelf = new Shelf();
    const time = clock('2026-03-02T06:00:00Z');
    const dms = new FakeDirectMessages();
    const first = makeFollowService({ time, shelf, dms });
    await first.service.follow(READER, 'Ukraine');
    shelf.add('news', '2026-03-02', 'Ukraine');
    time.set('2026-03-02T08:05:00Z');
    await first.service.runDue();
    await first.store.close();

    shelf.add('more-news', '2026-03-02', 'Ukraine');
    const second = makeFollowService({ time, shelf, dms, path: first.path });
    await second.service.runDue();
    expect(dms.sent).toHaveLength(1);
  });

  it('cut off by a crash, is sent again with its nonce while Discord knows it, and not after', async () => {
    const shelf = new Shelf();
    shelf.add('news', '2026-03-02', 'Ukraine');
    const crashAt = async (restartAt: string) => {
      const time = clock('2026-03-01T12:00:00Z');
      const discord = new FakeDirectMessages();
      const first = makeFollowService({ time, shelf, dms: discord });
      await first.service.follow(READER, 'Ukraine');
      shelf.add(`news-${restartAt}`, '2026-03-02', 'Ukraine');
      discord.hangAfterSending();
      time.set('2026-03-02T08:00:00Z');
      void first.service.runDue();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await first.store.close();
      // The message went out; the bot never heard. It starts again later, against the same Discord.
      discord.hangAfterSending(false);
      time.set(restartAt);
      const second = makeFollowService({ time, shelf, dms: discord, path: first.path });
      await second.service.runDue();
      const [alert] = await second.store.recentAlerts(READER, 1);
      await second.store.close();
      return { discord, alert };
    };

    // Two minutes on, Discord still knows the nonce: the resend returns the message already there.
    const soon = await crashAt('2026-03-02T08:02:00Z');
    expect(soon.discord.calls).toHaveLength(2);
    expect(soon.discord.calls[1]?.nonce).toBe(soon.discord.calls[0]?.nonce);
    expect(soon.discord.sent).toHaveLength(1);
    expect(soon.alert?.status).toBe('sent');

    // Ten minutes on, a resend could post a second copy: it may have gone out, so it is left as it is.
    const late = await crashAt('2026-03-02T08:12:00Z');
    expect(late.discord.calls).toHaveLength(1);
    expect(late.alert).toMatchObject({ status: 'unconfirmed', reason: { code: 'window-closed' } });
  });

  it('tries a failed send again with the same nonce', async () => {
    const shelf = new Shelf();
    const time = clock('2026-03-02T06:00:00Z');
    const { service, dms } = makeFollowService({ time, shelf });
    await service.follow(READER, 'Ukraine');
    shelf.add('news', '2026-03-02', 'Ukraine');
    dms.failNext();
    time.set('2026-03-02T08:00:00Z');
    await service.runDue();
    expect(dms.sent).toEqual([]);
    time.set('2026-03-02T08:01:00Z');
    await service.runDue();
    expect(dms.sent).toHaveLength(1);
    expect(dms.calls.map((call) => call.nonce)).toEqual([dms.sent[0]?.nonce, dms.sent[0]?.nonce]);
  });

  it('pauses a reader whose direct messages are closed, tries no more, tells them once, resumes on follow', async () => {
    const shelf = new Shelf();
    const time = clock('2026-03-02T06:00:00Z');
    const { service, dms } = makeFollowService({ time, shelf });
    await service.follow(READER, 'Ukraine');
    dms.closed.add(READER);
    shelf.add('news', '2026-03-02', 'Ukraine');
    time.set('2026-03-02T08:00:00Z');
    await service.runDue();
    expect(dms.calls).toHaveLength(1);
    expect((await service.following(READER)).follower).toMatchObject({ paused: true });

    shelf.add('more', '2026-03-03', 'Ukraine');
    for (const at of ['2026-03-02T09:00:00Z', '2026-03-03T08:00:00Z', '2026-03-04T08:00:00Z']) {
      time.set(at);
      await service.runDue();
    }
    expect(dms.calls).toHaveLength(1);

    expect(await service.takePauseNotice(READER)).toEqual({ code: 'dms-closed' });
    expect(await service.takePauseNotice(READER)).toBeUndefined();

    // Direct messages open again; following again takes the alerts up from now: old news is not sent.
    dms.closed.delete(READER);
    expect(await service.follow(READER, 'Russia')).toMatchObject({ added: true, resumed: true });
    await service.runDue();
    expect(dms.sent).toEqual([]);
    shelf.add('fresh', '2026-03-04', 'Russia');
    await service.runDue();
    expect(dms.to(READER).map((dm) => dm.message.content)).toEqual(['about Russia: fresh']);
  });
});
