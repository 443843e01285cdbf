import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { RateLimiter } from '../../tools/fake-discord/rate-limit.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
const messageCreate = { method: 'POST', route: '/channels/{channel_id}/messages', global: true };

describe('RateLimiter', () => {
  it('advertises the bucket on every answer and refuses past the per-channel limit until the window resets', () => {
    const limiter = new RateLimiter({ perChannel: { limit: 2, windowMs: 5000 } });
    const take = (channel: string, now: number) =>
      limiter.take({ ...messageCreate, majorParameter: channel }, now);
    expect(take('a', 1000).headers).toMatchObject({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '1',
      'X-RateLimit-Reset': '6.000',
      'X-RateLimit-Reset-After': '5.000',
    });
    expect(take('a', 2000).limited).toBeUndefined();
    const refused = take('a', 3000);
    expect(refused.limited).toEqual({
      global: false,
      retryAfter: 3,
      body: { message: 'You are being rate limited.', retry_after: 3, global: false },
    });
    expect(refused.headers).toMatchObject({
      'X-RateLimit-Remaining': '0',
      'Retry-After': '3',
      'X-RateLimit-Scope': 'user',
    });
    expect(take('b', 3000).limited).toBeUndefined();
    expect(take('a', 6000).limited).toBeUndefined();
  });

  it('shares one bucket hash across channels of the same route, as Discord does', () => {
    const limiter = new RateLimiter(undefined);
    const a = limiter.take({ ...messageCreate, majorParameter: 'a' }).headers['X-RateLimit-Bucket'];
    const b = limiter.take({ ...messageCreate, majorParameter: 'b' }).headers['X-RateLimit-Bucket'];
    const other = limiter.take({ ...messageCreate, method: 'GET', majorParameter: 'a' }).headers[
      'X-RateLimit-Bucket'
    ];
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });

  it('enforces a global per-second budget, exempting interaction routes', () => {
    const limiter = new RateLimiter({ globalPerSecond: 2 });
    const at = (route: string, global: boolean) =>
      limiter.take({ method: 'POST', route, majorParameter: route, global }, 10_000);
    expect(at('/a', true).limited).toBeUndefined();
    expect(at('/b', true).limited).toBeUndefined();
    expect(at('/interactions/{interaction_id}/{interaction_token}/callback', false).limited).toBeUndefined();
    const refused = at('/c', true);
    expect(refused.limited?.global).toBe(true);
    expect(refused.headers).toMatchObject({
      'X-RateLimit-Global': 'true',
      'X-RateLimit-Scope': 'global',
      'Retry-After': '1',
    });
  });

  it('never refuses when no limits were asked for', () => {
    const limiter = new RateLimiter(undefined);
    for (let i = 0; i < 200; i += 1)
      expect(limiter.take({ ...messageCreate, majorParameter: 'a' }).limited).toBeUndefined();
  });
});

describe('rate limits over HTTP', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('sends the headers on every response and a Discord-shaped 429 when a channel bucket is spent', async () => {
    fake = await startFakeDiscord({ rateLimit: { perChannel: { limit: 2, windowMs: 60_000 } } });
    const send = () =>
      restCall(fake, 'POST', `/channels/${ids.channels.briefings}/messages`, {
        content: 'x',
        allowed_mentions: quiet,
      });
    const first = await send();
    for (const header of ['Limit', 'Remaining', 'Reset', 'Reset-After', 'Bucket']) {
      expect(first.headers.get(`X-RateLimit-${header}`)).toBeTruthy();
    }
    await send();
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect(refused.headers.get('X-RateLimit-Scope')).toBe('user');
    expect(fake.stats.rateLimited).toBe(1);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(2);
    const gateway = await restCall(fake, 'GET', '/gateway/bot');
    expect(gateway.headers.get('X-RateLimit-Bucket')).toBeTruthy();
  });

  it('lets @discordjs/rest pace itself from the headers, so a burst meets no 429', async () => {
    fake = await startFakeDiscord({ rateLimit: { perChannel: { limit: 3, windowMs: 300 } } });
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        rest.post(Routes.channelMessages(ids.channels.briefings), {
          body: { content: `n${i}`, allowed_mentions: quiet },
        }),
      ),
    );
    expect(fake.messages(ids.channels.briefings)).toHaveLength(7);
    expect(fake.stats.rateLimited).toBe(0);
  });
});
