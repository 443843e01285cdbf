/**
 * Instances behind one REST proxy (`npm run rest-proxy`): the bot's discord.js client pointed at the proxy by
 * DISCORD_API_URL reaches the fake Discord only through it, and several clients sharing it keep together to the
 * global limit of 50 requests a second and to each bucket's limit, each request still in its client's user
 * agent. A request whose client gave up is not sent; an unreachable Discord is a 502. The proxy never logs a token.
 */
import { type AddressInfo, createServer, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import { ChannelType, Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { PROXY_USER_AGENT_MARK, type RunningRestProxy, startRestProxy } from '../../src/proxy/server.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { discordRateLimits, RateLimitJournal } from '../../tools/fake-discord/rate-limit.js';
import { clock, messageCreates, recorded, subscribeChannel, useDigestWorld } from './digest-steps.js';
import { E2E_TEST_TIMEOUT_MS, eventually, ids } from './harness.js';

/** The proxy in front of `fake` on a free port, its log lines (debug and up) kept in `lines`. */
function proxyInFront(fake: Pick<FakeDiscord, 'apiUrl'>, lines: string[]): Promise<RunningRestProxy> {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return startRestProxy({
    upstreamUrl: fake.apiUrl,
    host: '127.0.0.1',
    port: 0,
    globalPerSecond: 50,
    log: createLogger({ level: 'debug', destination }),
  });
}

/** Each is a secret the proxy saw (in a header or a path) and must not have written down. */
function expectNoneLogged(lines: readonly string[], secrets: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.toLowerCase()).not.toContain('authorization');
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
}

describe('the bot behind the REST proxy', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const channel = ids.channels.briefings;
  const world = useDigestWorld({
    '2026-03-30-ukraine-talks.md': briefingAbout('ukraine-talks', '2026-03-30', 'Ukraine'),
  });
  let proxy: RunningRestProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('answers a slash command and posts a scheduled digest, every request going through the proxy', async () => {
    const lines: string[] = [];
    proxy = await proxyInFront(world.fake, lines);
    const time = clock('2026-03-30T05:58:00Z');
    const app = await world.start(time, { env: { DISCORD_API_URL: proxy.apiUrl } });

    await subscribeChannel(world.fake, channel); // 08:00 Berlin, 06:00 UTC
    const command = world.fake.requests.find((request) => request.path.startsWith('/interactions/'));
    time.set('2026-03-30T06:00:01Z');
    await app.digests.runDue();
    await recorded(app, channel, 'sent');
    await world.stop(app);

    expect(messageCreates(world.fake, channel)).toHaveLength(1);
    expect(world.fake.messages(channel)).toHaveLength(1);
    // The bot's own discord.js requests carry its user agent; the fake saw only the proxy's, one per request forwarded.
    const direct = world.fake.requests.filter(
      (request) => !request.headers['user-agent']?.includes(PROXY_USER_AGENT_MARK),
    );
    expect(direct.map((request) => `${request.method} ${request.path}`)).toEqual([]);
    expect(world.fake.requests).toHaveLength(proxy.stats.forwarded);
    expect(proxy.stats.received).toBe(proxy.stats.forwarded);
    expect(world.fake.describeViolations()).toBe('');

    const interactionToken = command?.path.split('/')[3];
    expect(interactionToken).toBeTruthy();
    expectNoneLogged(lines, [world.fake.token, interactionToken!]);
  });
});

describe('two clients sharing one REST proxy', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  // Not shaped like a Discord token, so the logger's own scrubbing of token shapes would not hide a leak.
  const token = `plain-secret-${'k'.repeat(48)}`;
  // 200 messages, eight to each of 25 channels: the global 50 a second and each channel's five every five
  // seconds both bind.
  const channelIds = Array.from(
    { length: 25 },
    (_, index) => `13800000000000${String(index).padStart(5, '0')}`,
  );
  const perClientPerChannel = 4;
  let fake: FakeDiscord | undefined;
  let proxy: RunningRestProxy | undefined;
  let journal: RateLimitJournal;

  afterEach(async () => {
    await proxy?.close();
    await fake?.close();
    proxy = undefined;
    fake = undefined;
  });

  async function startFake(): Promise<FakeDiscord> {
    journal = new RateLimitJournal();
    fake = await startFakeDiscord({
      token,
      rateLimit: discordRateLimits({ journal }),
      world: (spec) => {
        for (const [index, id] of channelIds.entries())
          spec.guilds[0]!.channels.push({
            id,
            name: `desk-${index}`,
            type: ChannelType.GuildText,
            position: 10 + index,
            overwrites: [],
          });
      },
    });
    return fake;
  }

  /** Two discord.js REST clients, each sending its share of the messages to every channel at once. */
  async function sendFromTwoClients(apiUrl: string): Promise<void> {
    // Named in their user agents as the bot names its instances.
    const clients = ['a', 'b'].map((name) =>
      new REST({ api: apiUrl, userAgentAppendix: `briefing-bot/${name}` }).setToken(token),
    );
    await Promise.all(
      clients.flatMap((rest, client) =>
        channelIds.flatMap((channelId) =>
          Array.from({ length: perClientPerChannel }, (_, index) =>
            rest.post(Routes.channelMessages(channelId), {
              body: { content: `client ${client}, message ${index}`, allowed_mentions: { parse: [] } },
            }),
          ),
        ),
      ),
    );
  }

  const delivered = (on: FakeDiscord) => channelIds.reduce((sum, id) => sum + on.messages(id).length, 0);

  it('deliver 200 messages with no 429 past the first of a bucket, each in its own user agent, the token never logged', async () => {
    const on = await startFake();
    const lines: string[] = [];
    proxy = await proxyInFront(on, lines);
    await sendFromTwoClients(proxy.apiUrl);

    expect(delivered(on)).toBe(200);
    expect(journal.pastFirst()).toEqual([]);
    expect(proxy.stats.received).toBe(200);
    // Each reached the fake with the agent of the client that made it, marked as having come through the proxy.
    const agents = on.requests.map((request) => request.headers['user-agent'] ?? '');
    expect(agents.every((agent) => agent.includes(PROXY_USER_AGENT_MARK))).toBe(true);
    expect(agents.filter((agent) => agent.includes('briefing-bot/a '))).toHaveLength(100);
    expect(agents.filter((agent) => agent.includes('briefing-bot/b '))).toHaveLength(100);
    expect(on.describeViolations()).toBe('');
    expectNoneLogged(lines, [token]);
  });

  it('do not get a request sent that its client gave up on while the proxy held it for a bucket', async () => {
    // One message a channel every five seconds: the second waits at the proxy ten times as long as its client.
    fake = await startFakeDiscord({ token, rateLimit: { perChannel: { limit: 1, windowMs: 5_000 } } });
    const lines: string[] = [];
    proxy = await proxyInFront(fake, lines);
    const impatient = new REST({ api: proxy.apiUrl, timeout: 500, retries: 0 }).setToken(token);
    const body = (content: string) => ({ body: { content, allowed_mentions: { parse: [] } } });
    // A message elsewhere first: the proxy learns the route's bucket, and knows the next channel's limit from
    // its first answer instead of from a 429.
    await impatient.post(Routes.channelMessages(ids.channels.announcements), body('warm-up'));

    const channel = ids.channels.briefings;
    await impatient.post(Routes.channelMessages(channel), body('first'));
    await expect(impatient.post(Routes.channelMessages(channel), body('second'))).rejects.toThrow(/abort/i);
    // Its turn comes when the bucket's window is over; the proxy then drops it rather than send it.
    await eventually(() => proxy?.stats.droppedForGoneClient === 1, 'the second message dropped');

    expect(fake.messages(channel).map((message) => message.content)).toEqual(['first']);
    const sent = fake.requests.map(
      (request) => `${request.status} ${(request.body as { content: string }).content}`,
    );
    expect(sent).toEqual(['200 warm-up', '200 first']);
    expect(lines.some((line) => line.includes('not sent: its client stopped waiting'))).toBe(true);
  });

  it('run into the global limit without it, which the journal shows', async () => {
    const on = await startFake();
    await sendFromTwoClients(on.apiUrl);

    expect(delivered(on)).toBe(200);
    // Each keeps to 50 a second on its own: 100 a second together.
    expect(journal.global.filter((hit) => !hit.firstOfWindow).length).toBeGreaterThan(0);
  });
});

describe('the REST proxy when Discord cannot be reached', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  let proxy: RunningRestProxy | undefined;
  let upstream: Server | undefined;
  afterEach(async () => {
    await proxy?.close();
    await new Promise((done) => upstream?.close(done) ?? done(undefined));
  });

  it('answers 502, which a bot retries, and goes on serving', async () => {
    // An upstream that hangs up on every connection.
    upstream = createServer((socket) => socket.destroy());
    await new Promise<void>((done) => upstream?.listen(0, '127.0.0.1', done));
    const { port } = upstream.address() as AddressInfo;
    const lines: string[] = [];
    proxy = await proxyInFront({ apiUrl: `http://127.0.0.1:${port}/api` }, lines);
    const rest = new REST({ api: proxy.apiUrl, retries: 0 }).setToken(`plain-secret-${'k'.repeat(48)}`);

    for (const attempt of ['first', 'second'])
      await expect(
        rest.post(Routes.channelMessages(ids.channels.briefings), { body: { content: attempt } }),
      ).rejects.toMatchObject({ status: 502 });
    expect(lines.filter((line) => line.includes('Discord could not be reached'))).toHaveLength(2);
  });
});
