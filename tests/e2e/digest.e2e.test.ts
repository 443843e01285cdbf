/**
 * Scheduled digests end to end: subscribe through /digest, then the sweep at the scheduled minute posts through
 * discord.js into the fake's channel, once, across restarts and a stop in the middle of a send.
 * The clock is injected; the bot's own minute sweep is what runDue() triggers by hand here.
 */
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { buttonsOf, headingsOf, textOf } from '../support/message-text.js';
import {
  clock,
  messageCreates as createsIn,
  recorded as recordedAs,
  subscribeChannel,
  useDigestWorld,
} from './digest-steps.js';
import { E2E_TEST_TIMEOUT_MS, eventually, ids } from './harness.js';

const channel = ids.channels.briefings;

// Today's news (the clock's day) about Ukraine and, separately, about energy.
const world = useDigestWorld({
  '2026-03-29-ukraine-talks.md': briefingAbout('ukraine-talks', '2026-03-29', 'Ukraine'),
  '2026-03-29-energy-prices.md': briefingAbout('energy-prices', '2026-03-29', 'Norway'),
});
const start = world.start;
const stop = world.stop;
const messageCreates = (channelId = channel) => createsIn(world.fake, channelId);

const recorded = (app: RunningApp, status: string) => recordedAs(app, channel, status);
const subscribe = (options: Record<string, string | boolean> = {}) =>
  subscribeChannel(world.fake, channel, options);

// Each test starts the bot (discord.js, gateway, database) up to three times: generous on a loaded machine.
describe('digests through discord.js', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('posts at the local time, exactly once, with a nonce and no pings', async () => {
    // 29 March 2026 is the spring-forward day in Berlin: 08:00 CEST is 06:00 UTC.
    const time = clock('2026-03-29T05:58:00Z');
    const app = await start(time);
    await subscribe();
    await app.digests.runDue();
    expect(messageCreates()).toHaveLength(0);

    time.set('2026-03-29T06:00:01Z');
    await app.digests.runDue();
    await app.digests.runDue();
    const sends = messageCreates();
    expect(sends).toHaveLength(1);
    const body = sends[0]?.body as {
      nonce: string;
      enforce_nonce: boolean;
      allowed_mentions: unknown;
      flags: number;
    };
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // A Components V2 message: the heading, then a card per briefing with its Read button.
    expect(body.flags).toBe(MessageFlags.IsComponentsV2);
    expect(body).not.toHaveProperty('content');
    expect(body).not.toHaveProperty('embeds');
    expect(textOf(body)).toMatch(/^\*\*Daily briefing digest\*\*/);
    expect(headingsOf(body)).toEqual(
      expect.arrayContaining(['Ukraine in the news (ukraine-talks)', 'Norway in the news (energy-prices)']),
    );
    expect(buttonsOf(body).map((button) => button.label)).toEqual(['Read', 'Read']);
    expect(world.fake.messages(channel)).toHaveLength(1);

    const status = await world.fake.command('digest status', {}, { user: ids.users.manager });
    expect(JSON.stringify(status.callback.data)).toContain('sent');
    expect(world.fake.describeViolations()).toBe('');
  });

  it('survives a restart between subscribe and the scheduled time', async () => {
    const time = clock('2026-03-29T05:00:00Z');
    await stop(await start(time));
    const first = await start(time);
    await subscribe({ party: 'Ukraine' });
    await stop(first);

    time.set('2026-03-29T06:00:30Z');
    const second = await start(time);
    await eventually(() => world.fake.messages(channel).length === 1, 'the digest after a restart');
    await second.digests.runDue();
    const [message] = world.fake.messages(channel);
    expect(textOf(message)).toContain('ukraine-talks');
    expect(textOf(message)).not.toContain('energy-prices');
    expect(world.fake.messages(channel)).toHaveLength(1);
  });

  it('a stop between sending and recording ends with exactly one message', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const first = await start(time);
    await subscribe();
    // Discord creates the message but the answer never reaches the bot: the ledger row stays pending.
    const hold = world.fake.pauseRoute(
      (request) => request.method === 'POST' && request.path.endsWith(`/channels/${channel}/messages`),
      { times: 1 },
    );
    time.set('2026-03-29T06:00:05Z');
    void first.digests.runDue();
    await eventually(() => world.fake.messages(channel).length === 1, 'the held send');
    await stop(first);
    hold.release();

    const second = await start(time);
    await eventually(() => messageCreates().length === 2, 'the resend with the same nonce');
    await second.digests.runDue();
    const nonces = messageCreates().map((request) => (request.body as { nonce: string }).nonce);
    expect(nonces).toHaveLength(2);
    expect(nonces[1]).toBe(nonces[0]);
    expect(world.fake.messages(channel)).toHaveLength(1);
    // The fake has answered the resend; the bot records it when the answer reaches it, which is not at once.
    await recorded(second, 'sent');
  });

  it('catches up once after being down across the scheduled time, within the grace window', async () => {
    const time = clock('2026-03-29T05:00:00Z');
    const first = await start(time);
    await subscribe();
    await stop(first);

    time.set('2026-03-29T09:30:00Z');
    const second = await start(time);
    await eventually(() => world.fake.messages(channel).length === 1, 'the catch-up post');
    const row = await recorded(second, 'sent');
    await second.digests.runDue();
    expect(world.fake.messages(channel)).toHaveLength(1);
    expect(row.reason).toBe('posted 3 h 30 min late (the bot was not running at 08:00 Europe/Berlin)');
  });

  it('pauses a channel where the bot lost Send Messages, with the reason', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await start(time);
    await subscribe();
    world.fake.denyBot(channel, 'SendMessages');
    await eventually(async () => (await app.digests.subscriptions.get(channel)) && true, 'the subscription');
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    expect(world.fake.messages(channel)).toHaveLength(0);
    const sub = await app.digests.subscriptions.get(channel);
    expect(sub?.paused).toBe(true);
    expect(sub?.pauseReason).toEqual({
      code: 'missing-permission',
      permissions: ['Send Messages'],
      channelName: 'briefings',
    });
    const list = await world.fake.command('digest list', {}, { user: ids.users.manager });
    expect(JSON.stringify(list.callback.data)).toMatch(/Paused: .*Send Messages/);
  });

  it('publishes the digest in an announcement channel when asked', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await start(time);
    const news = ids.channels.announcements;
    const answer = await world.fake.command(
      'digest subscribe',
      { channel: news, time: '08:00', timezone: 'Europe/Berlin', publish: true },
      { user: ids.users.manager },
    );
    expect(answer.callback.data?.content).toMatch(/publishes to followers/);
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    const [message] = world.fake.messages(news);
    expect(message).toBeDefined();
    await eventually(
      () =>
        world.fake.requests.some(
          (r) =>
            r.method === 'POST' && r.path.endsWith(`/channels/${news}/messages/${message?.id}/crosspost`),
        ),
      'the crosspost',
    );
    expect(world.fake.describeViolations()).toBe('');
  });

  it('refuses to subscribe a channel the bot cannot post in, naming the permission', async () => {
    const time = clock('2026-03-29T05:00:00Z');
    await start(time);
    const answer = await world.fake.command(
      'digest subscribe',
      { channel: ids.channels.readOnly, time: '08:00' },
      { user: ids.users.manager },
    );
    expect(answer.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/missing \*\*Send Messages\*\*/),
    });
    expect(world.fake.describeViolations()).toBe('');
  });
});
