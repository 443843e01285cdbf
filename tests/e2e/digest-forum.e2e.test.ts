/**
 * Digests in forum and media channels, end to end through discord.js and the fake: a post a day, titled with the
 * day and carrying the forum's matching tags, the digest's further messages inside the post; exactly one post when
 * the bot dies between Discord opening the post and the ledger hearing of it.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import type { FakeDiscord, RecordedRequest } from '../../tools/fake-discord/index.js';
import { clock, recorded, subscribeChannel, type TestClock, useDigestWorld } from './digest-steps.js';
import { E2E_TEST_TIMEOUT_MS, eventually, ids } from './harness.js';

const forum = ids.channels.forumDigests;
const media = ids.channels.mediaDigests;
const tags = ids.forumTags;

/** Enough briefings of the day that a digest takes several messages. */
const FILLERS = 22;
const fillers = Object.fromEntries(
  Array.from({ length: FILLERS }, (_, index) => {
    const id = `harvest-report-${String(index + 1).padStart(2, '0')}`;
    return [`2026-03-29-${id}.md`, briefingAbout(id, '2026-03-29', 'Norway')];
  }),
);

const world = useDigestWorld(
  {
    '2026-03-29-ukraine-talks.md': briefingAbout(
      'ukraine-talks',
      '2026-03-29',
      'Ukraine',
      '\nparties: [Ukraine, Russia]',
    ),
    '2026-03-29-energy-prices.md': briefingAbout('energy-prices', '2026-03-29', 'Norway'),
    ...fillers,
  },
  { digestRetryDelaysMs: [0, 0, 0] },
);

const isPostCreate = (channelId: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/channels/${channelId}/threads`;
const postCreates = (fake: FakeDiscord, channelId: string = forum) =>
  fake.requests.filter(isPostCreate(channelId));
const botMessages = (messages: readonly APIMessage[]) =>
  messages.filter((message) => message.author.id === ids.bot);

/** The day's post in the forum and every message in it, once the ledger row is sent. */
async function dayPost(app: RunningApp, channelId: string = forum) {
  const row = await recorded(app, channelId, 'sent');
  const [threadId] = row.messageIds;
  const thread = world.fake.threads(channelId).find((candidate) => candidate.id === threadId);
  expect(thread, `post ${threadId} in the forum`).toBeDefined();
  return { row, thread: thread!, messages: world.fake.messages(threadId!) };
}

/**
 * Day one's post is opened by Discord while the bot dies before hearing of it: the forum has the post, the ledger
 * only the attempt. `before` looks at the bot just before it stops.
 */
async function dieWhilePosting(
  time: ReturnType<typeof clock>,
  before: (app: RunningApp) => Promise<void> = async () => undefined,
): Promise<void> {
  const first = await world.start(time);
  await subscribeChannel(world.fake, forum);
  const hold = world.fake.pauseRoute(isPostCreate(forum), { times: 1 });
  time.set('2026-03-29T06:00:05Z');
  void first.digests.runDue();
  await hold.waitForHeld(1, 30_000);
  await eventually(() => world.fake.threads(forum).length === 1, 'the held post');
  await before(first);
  await world.stop(first);
  hold.release();
}

describe('digests in a forum channel', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('opens one post a day, titled with the day and tagged with the forum’s matching tags; the rest goes inside', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await world.start(time);
    await subscribeChannel(world.fake, forum, { post_when_empty: true });
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    const first = await dayPost(app);

    expect(first.thread).toMatchObject({
      name: 'Briefing digest · 29 Mar 2026',
      parent_id: forum,
      owner_id: ids.bot,
      // Ukraine and Russia are parties of a briefing, energy a tag of another; diplomacy is no tag of the forum.
      applied_tags: [tags.ukraine, tags.russia, tags.energy],
    });
    // The starter message is the post's first message and has its id; the others follow it in the post.
    expect(first.messages.length).toBeGreaterThanOrEqual(2);
    expect(first.messages[0]?.id).toBe(first.thread.id);
    expect(botMessages(first.messages)).toHaveLength(first.messages.length);
    expect(first.row.messageIds).toEqual(first.messages.map((message) => message.id));
    const inside = world.fake.requests.filter(
      (request) => request.method === 'POST' && request.path === `/channels/${first.thread.id}/messages`,
    );
    expect(inside).toHaveLength(first.messages.length - 1);
    for (const request of inside)
      expect(request.body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
    // Every briefing is in the post, once.
    const text = JSON.stringify(first.messages);
    for (const id of ['ukraine-talks', 'energy-prices', 'harvest-report-01', `harvest-report-${FILLERS}`]) {
      expect(text).toContain(id);
    }

    // Again at the same minute: nothing more.
    await app.digests.runDue();
    expect(world.fake.threads(forum)).toHaveLength(1);

    // The next day has nothing new: a post of its own says so, with no tags to match.
    time.set('2026-03-30T06:00:05Z');
    await app.digests.runDue();
    await eventually(() => world.fake.threads(forum).length === 2, 'the second day’s post');
    const second = world.fake.threads(forum)[1];
    expect(second).toMatchObject({ name: 'Briefing digest · 30 Mar 2026', applied_tags: [] });
    expect(world.fake.messages(forum)).toEqual([]);
    expect(postCreates(world.fake)).toHaveLength(2);
    expect(world.fake.describeViolations()).toBe('');
  });

  it('ends with exactly one post when the bot dies between Discord opening it and the ledger hearing of it', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    await dieWhilePosting(time, async (first) => {
      expect((await first.digests.status(ids.guild, forum))[0]?.status).toBe('pending');
    });

    // Back after Discord's nonce window: the post is found in the forum, not opened again.
    world.fake.forgetNonces();
    time.set('2026-03-29T06:06:05Z');
    const second = await restarted(time);
    const { row, thread, messages } = await dayPost(second);
    await second.digests.runDue();

    expect(world.fake.threads(forum)).toHaveLength(1);
    expect(postCreates(world.fake)).toHaveLength(1);
    expect(row.messageIds[0]).toBe(thread.id);
    // The rest of the digest went into that post, once.
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(row.messageIds).toEqual(messages.map((message) => message.id));
    expect(row.reason).toMatch(/^posted 6 min late/);
    const looked = world.fake.requests.filter(
      (request) => request.path === `/guilds/${ids.guild}/threads/active`,
    );
    expect(looked.length).toBeGreaterThan(0);
    expect(world.fake.describeViolations()).toBe('');
  });

  it('finds its post among the archived ones when it was archived while the bot was down', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    await dieWhilePosting(time);
    world.fake.archiveThread(world.fake.threads(forum)[0]!.id);

    time.set('2026-03-29T06:06:05Z');
    const second = await restarted(time);
    const { thread } = await dayPost(second);
    expect(world.fake.threads(forum)).toHaveLength(1);
    expect(postCreates(world.fake)).toHaveLength(1);
    // The rest of the digest brought it back.
    expect(thread.thread_metadata?.archived).toBe(false);
    const archivedReads = world.fake.requests.filter(
      (request) => request.path === `/channels/${forum}/threads/archived/public`,
    );
    expect(archivedReads.length).toBeGreaterThan(0);
    expect(world.fake.describeViolations()).toBe('');
  });

  it('ends with each message once when the bot dies inside the post, after the nonce window', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const first = await world.start(time);
    await subscribeChannel(world.fake, forum);
    // The post opens and is recorded; the next message is created in it, but its answer never reaches the bot.
    const insidePost = (request: RecordedRequest) =>
      request.method === 'POST' &&
      /^\/channels\/\d+\/messages$/.test(request.path) &&
      request.path !== `/channels/${forum}/messages`;
    const hold = world.fake.pauseRoute(insidePost, { times: 1 });
    time.set('2026-03-29T06:00:05Z');
    void first.digests.runDue();
    await hold.waitForHeld(1, 30_000);
    const [post] = world.fake.threads(forum);
    await eventually(() => world.fake.messages(post!.id).length === 2, 'the held message in the post');
    await world.stop(first);
    hold.release();

    world.fake.forgetNonces();
    time.set('2026-03-29T06:06:05Z');
    const second = await restarted(time);
    const { row, messages } = await dayPost(second);
    expect(world.fake.threads(forum)).toHaveLength(1);
    expect(postCreates(world.fake)).toHaveLength(1);
    expect(row.messageIds).toEqual(messages.map((message) => message.id));
    expect(
      new Set(messages.map((message) => message.content + JSON.stringify(message.components))).size,
    ).toBe(messages.length);
    // The message held before the stop was found by reading the post, not sent again.
    const reads = world.fake.requests.filter(
      (request) => request.method === 'GET' && request.path === `/channels/${post!.id}/messages`,
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(world.fake.describeViolations()).toBe('');
  });
});

describe('subscribing a forum or media channel', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('is accepted, says what the bot lacks there, and a media channel gets its post too', async () => {
    const time = clock('2026-03-29T05:59:00Z');
    const app = await world.start(time);
    world.fake.denyBot(forum, 'SendMessagesInThreads');
    const refused = await world.fake.command(
      'digest subscribe',
      { channel: forum, time: '08:00', timezone: 'Europe/Berlin' },
      { user: ids.users.manager },
    );
    expect(refused.callback.data).toMatchObject({
      content: expect.stringContaining('missing **Send Messages in Posts**'),
    });
    world.fake.allowBot(forum, 'SendMessagesInThreads');
    world.fake.denyBot(forum, 'ReadMessageHistory');
    const warned = await world.fake.command(
      'digest subscribe',
      { channel: forum, time: '08:00', timezone: 'Europe/Berlin' },
      { user: ids.users.manager },
    );
    expect(warned.callback.data).toMatchObject({
      content: expect.stringMatching(/^Subscribed[\s\S]*Also give the bot \*\*Read Message History\*\*/),
    });

    await subscribeChannel(world.fake, media);
    time.set('2026-03-29T06:00:05Z');
    await app.digests.runDue();
    const { thread } = await dayPost(app, media);
    expect(thread).toMatchObject({ name: 'Briefing digest · 29 Mar 2026', applied_tags: [] });
    expect(world.fake.describeViolations()).toBe('');
  });
});

/** A new start on the same database and fake, with the clock where the test left it. */
function restarted(time: TestClock) {
  return world.start(time);
}
