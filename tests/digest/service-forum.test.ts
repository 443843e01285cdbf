/**
 * Digests in forum and media channels: the first message opens a post (titled with the day, tagged from the
 * subscription and the briefings), the rest go into it; a post that may have been opened already is looked for
 * before another is opened, since Discord takes no nonce for it.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { ConsoleSink } from '../../src/console/sink.js';
import { postTagNames } from '../../src/digest/compose/post.js';
import { markerId } from '../../src/digest/delivery/reconcile.js';
import type { DigestPost, DigestSink, ForumPosts, PostedSearch } from '../../src/digest/delivery/sink.js';
import { DigestService } from '../../src/digest/service.js';
import { chooseTags } from '../../src/discord/sink.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { forumPostTitle } from '../../src/render/forum-post.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { makeBriefing } from '../support/briefings.js';
import {
  Clock,
  FakeSink,
  ledger,
  ManualScheduler,
  missingAccess,
  subscription,
  tempDbPath,
  transient,
  unknownChannel,
} from './helpers.js';

const GUILD = '111111111111111111';
const FORUM = '222222222222222222';
const TEXT = '333333333333333333';

interface Post {
  forumId: string;
  threadId: string;
  post: DigestPost;
  message: MessagePayload;
}

type CreatePlan = 'ok' | 'fail' | 'hang' | 'create-then-hang' | 'create-then-fail';

/** Discord in small, with forums: a post is a thread whose id its starter message shares; it has no nonce. */
class ForumSink extends FakeSink {
  readonly forumIds = new Set<string>([FORUM]);
  readonly posts: Post[] = [];
  readonly postSearches: { forumId: string; markers: readonly string[]; since: Date }[] = [];
  readonly createPlans: CreatePlan[] = [];
  postSearchError: unknown;
  /** Posts asked for, whether or not they were made. */
  createCalls = 0;
  /** Channels the pipeline asked about: whether each is a forum. */
  readonly forumQuestions: string[] = [];
  private threads = 0;

  readonly forums: ForumPosts = {
    isForum: async (channelId) => {
      this.forumQuestions.push(channelId);
      return this.forumIds.has(channelId);
    },
    createPost: async (forumId, post, message) => {
      this.createCalls += 1;
      const plan = this.createPlans.shift() ?? 'ok';
      if (plan === 'fail') throw transient();
      if (plan === 'hang') return new Promise(() => {});
      const threadId = `t${++this.threads}`;
      this.posts.push({ forumId, threadId, post, message });
      if (plan === 'create-then-hang') return new Promise(() => {});
      if (plan === 'create-then-fail') throw transient();
      return { threadId };
    },
    findPosts: async (forumId, markers, since): Promise<PostedSearch> => {
      this.postSearches.push({ forumId, markers, since });
      if (this.postSearchError) throw this.postSearchError;
      const found = new Map<string, string>();
      for (const post of this.posts) {
        for (const marker of markers) {
          const carries = JSON.stringify(post.message).includes(markerId(marker, ''));
          if (post.forumId === forumId && carries && !found.has(marker)) found.set(marker, post.threadId);
        }
      }
      return { found, complete: true };
    },
  };
}

/** One message per briefing, each with a Read button carrying its part's marker (as the real digest does). */
function render(briefings: readonly Briefing[], _sub: unknown, marker?: (part: number) => string) {
  return briefings.map((briefing, part) => ({
    content: briefing.id,
    ...(marker
      ? {
          components: [
            {
              type: 1,
              components: [{ type: 2, style: 2, label: 'Read', custom_id: markerId(marker(part), 'r:0') }],
            },
          ],
        }
      : {}),
  })) as MessagePayload[];
}

function library(): Briefing[] {
  return [
    makeBriefing({
      id: 'grain-corridor',
      date: '2025-06-01',
      parties: ['Ukraine', 'Turkey'],
      tags: ['food'],
    }),
    makeBriefing({ id: 'gas-prices', date: '2025-06-02', parties: ['Russia'], tags: ['Energy', 'ukraine'] }),
  ];
}

function boot(path: string, sink: DigestSink, at: string) {
  const store = SqliteDigestStore.open(path);
  const clock = new Clock(new Date(at));
  const briefings = library();
  const service = new DigestService({
    store,
    sink,
    briefingsSince: (date) => briefings.filter((briefing) => briefing.date >= date),
    // Every briefing is about every party here: the party filter is not what these tests are about.
    mentions: () => true,
    render,
    renderNothingNew: (_sub, marker) => render([makeBriefing({ id: 'nothing-new' })], _sub, marker)[0]!,
    renderPostTitle: forumPostTitle,
    now: clock.now,
    retryDelaysMs: [0, 0, 0],
    stopTimeoutMs: 50,
    scheduler: new ManualScheduler(),
  });
  return { service, store, clock };
}

/** Subscribed at 05:00 UTC, the 08:00 Berlin fire (06:00 UTC) runs until `reached`, then the process dies. */
async function crashDuringFire(sink: ForumSink, reached: (sink: ForumSink) => boolean, channelId = FORUM) {
  const path = tempDbPath();
  const first = boot(path, sink, '2025-06-02T05:00:00Z');
  await first.service.subscriptions.subscribe(subscription({ channelId, party: 'Turkey' }));
  await first.service.start();
  first.clock.set('2025-06-02T06:00:00Z');
  void first.service.runDue();
  await vi.waitFor(() => {
    if (!reached(sink)) throw new Error('the fire has not got that far yet');
  });
  expect((await first.service.status(GUILD))[0]?.status).toBe('pending');
  await first.store.close();
  return path;
}

describe('a digest in a forum', () => {
  it('opens a post titled with the day and tagged from the subscription and the briefings; the rest go into it', async () => {
    const sink = new ForumSink();
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: FORUM, party: 'Turkey' }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();

    expect(sink.posts).toHaveLength(1);
    const [post] = sink.posts;
    expect(post?.post).toEqual({
      title: 'Briefing digest · 2 Jun 2025',
      tagNames: ['Turkey', 'Ukraine', 'Russia', 'food', 'Energy'],
    });
    expect(post?.message.content).toBe('grain-corridor');
    // The second message goes into the post's thread, with its nonce; the forum itself gets no message.
    expect(sink.posted.map((sent) => [sent.channelId, sent.message.content])).toEqual([['t1', 'gas-prices']]);
    // A row's first try opens the post without looking for it.
    expect(sink.postSearches).toHaveLength(0);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'sent', messageIds: ['t1', 'm1'] });
    await service.stop();
  });

  it('leaves text channels as they were: messages, no post', async () => {
    const sink = new ForumSink();
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: TEXT }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posts).toHaveLength(0);
    expect(sink.posted.map((sent) => sent.channelId)).toEqual([TEXT, TEXT]);
    await service.stop();
  });

  it('finds a post opened just before a crash and does not open another, even within the nonce window', async () => {
    const sink = new ForumSink();
    sink.createPlans.push('create-then-hang');
    const path = await crashDuringFire(sink, (seen) => seen.posts.length === 1);
    const second = boot(path, sink, '2025-06-02T06:01:00Z');
    await second.service.start();

    expect(sink.posts).toHaveLength(1);
    expect(sink.postSearches).toHaveLength(1);
    expect(sink.postSearches[0]?.since.toISOString()).toBe('2025-06-02T05:59:00.000Z');
    // The rest goes into the post that was found.
    expect(sink.posted.map((sent) => sent.channelId)).toEqual(['t1']);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'sent',
      messageIds: ['t1', 'm1'],
    });
    await second.service.stop();
  });

  it('opens the post after a crash when it is not in the forum, once', async () => {
    const sink = new ForumSink();
    sink.createPlans.push('hang');
    const path = await crashDuringFire(sink, (seen) => seen.createCalls === 1);
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    await second.service.runDue();
    expect(sink.postSearches).toHaveLength(1);
    expect(sink.posts).toHaveLength(1);
    expect((await ledger(second.service, GUILD))[0]?.status).toBe('sent');
    await second.service.stop();
  });

  it('looks for the post before a quick retry: an opening Discord made but did not confirm is not repeated', async () => {
    const sink = new ForumSink();
    sink.createPlans.push('create-then-fail');
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: FORUM }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(sink.posts).toHaveLength(1);
    expect(sink.postSearches).toHaveLength(1);
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'sent', messageIds: ['t1', 'm1'] });
    await service.stop();
  });

  it('looks for the rest inside the post, not in the forum, once the nonces may be forgotten', async () => {
    const sink = new ForumSink();
    // The post opens and is recorded; its second message is sent, and the process dies before it hears back.
    sink.postThenHang('t1');
    const path = await crashDuringFire(sink, (seen) => seen.posted.length === 1);
    sink.forgetNonces();
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.postSearches).toHaveLength(0);
    expect(sink.searches.map((search) => search.channelId)).toEqual(['t1']);
    expect(sink.posts).toHaveLength(1);
    expect(sink.posted).toHaveLength(1);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'sent',
      messageIds: ['t1', 'm1'],
    });
    await second.service.stop();
  });

  it('does not guess when the forum’s posts cannot be read: not confirmed, no second post', async () => {
    const sink = new ForumSink();
    sink.createPlans.push('create-then-hang');
    const path = await crashDuringFire(sink, (seen) => seen.posts.length === 1);
    sink.postSearchError = missingAccess();
    const second = boot(path, sink, '2025-06-02T06:10:00Z');
    await second.service.start();
    expect(sink.posts).toHaveLength(1);
    expect((await ledger(second.service, GUILD))[0]).toMatchObject({
      status: 'unconfirmed',
      reason: expect.stringMatching(/could not check/),
    });
    await second.service.stop();
  });

  it('ends the row when its post is deleted before the rest is in, and keeps the forum’s subscription', async () => {
    const sink = new ForumSink();
    sink.fail('t1', unknownChannel());
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: FORUM }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect((await ledger(service, GUILD))[0]).toMatchObject({ status: 'failed', messageIds: ['t1'] });
    expect((await service.subscriptions.get(FORUM))?.paused).toBe(false);
    await service.stop();
  });

  it('pauses the subscription when the forum refuses the post', async () => {
    const sink = new ForumSink();
    sink.forums.createPost = async () => {
      throw missingAccess();
    };
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: FORUM }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect((await ledger(service, GUILD))[0]?.status).toBe('failed');
    expect((await service.subscriptions.get(FORUM))?.paused).toBe(true);
    await service.stop();
  });

  it('in the terminal, prints the digest as before', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const { service, clock } = boot(tempDbPath(), new ConsoleSink(output), '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: 'here' }));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    expect(printed).toContain('── digest for #here ──');
    expect(printed).toContain('grain-corridor');
    // Its buttons cannot be clicked there: they are left out, the words kept.
    expect(printed).not.toContain('Read');
    expect((await ledger(service, GUILD))[0]?.status).toBe('sent');
    await service.stop();
  });
});

describe('what the subscription knows of its channel', () => {
  async function deliverDay(sink: ForumSink, ...subs: Parameters<typeof subscription>[0][]) {
    const { service, clock } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    for (const sub of subs) await service.subscriptions.subscribe(subscription(sub));
    await service.start();
    clock.set('2025-06-02T06:00:00Z');
    await service.runDue();
    return service;
  }

  it('a forum or not, known at subscribe time, is not asked of the sink: the post opens, the messages go', async () => {
    const sink = new ForumSink();
    const service = await deliverDay(
      sink,
      { channelId: FORUM, party: 'Turkey', postsAsThreads: true },
      { channelId: TEXT, postsAsThreads: false },
    );
    expect(sink.forumQuestions).toEqual([]);
    expect(sink.posts.map((post) => [post.forumId, post.message.content])).toEqual([
      [FORUM, 'grain-corridor'],
    ]);
    const into = (channelId: string) =>
      sink.posted.filter((sent) => sent.channelId === channelId).map((sent) => sent.message.content);
    expect(into('t1')).toEqual(['gas-prices']);
    expect(into(TEXT)).toEqual(['grain-corridor', 'gas-prices']);
    expect(sink.posted).toHaveLength(3);
    const rows = await ledger(service, GUILD);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
    await service.stop();
  });

  it('a subscription made before the kind was kept asks the sink, as before', async () => {
    const sink = new ForumSink();
    const service = await deliverDay(sink, { channelId: FORUM }, { channelId: TEXT });
    expect([...sink.forumQuestions].sort()).toEqual([FORUM, TEXT]);
    expect(sink.posts.map((post) => post.forumId)).toEqual([FORUM]);
    expect(sink.posted.filter((sent) => sent.channelId === TEXT)).toHaveLength(2);
    await service.stop();
  });

  it('is kept when the channel is subscribed again, or paused and resumed, by a caller that does not say', async () => {
    const sink = new ForumSink();
    const { service, store } = boot(tempDbPath(), sink, '2025-06-02T05:00:00Z');
    await service.subscriptions.subscribe(subscription({ channelId: FORUM, postsAsThreads: true }));
    await service.subscriptions.subscribe(subscription({ channelId: FORUM, time: '09:00' }));
    await service.subscriptions.pause(FORUM);
    await service.subscriptions.resume(FORUM);
    expect(await service.subscriptions.get(FORUM)).toMatchObject({ time: '09:00', postsAsThreads: true });
    await service.subscriptions.subscribe(subscription({ channelId: TEXT }));
    expect((await service.subscriptions.get(TEXT))?.postsAsThreads).toBeNull();
    await store.close();
  });
});

describe('a post’s title and tags', () => {
  it('names the day as readers write it', () => {
    expect(forumPostTitle('2026-01-05')).toBe('Briefing digest · 5 Jan 2026');
  });

  it('wants the subscription’s party first, then the briefings’ parties, then their tags, each once', () => {
    const briefings = library();
    expect(postTagNames('ukraine', briefings)).toEqual(['ukraine', 'Turkey', 'Russia', 'food', 'Energy']);
    expect(postTagNames(null, [])).toEqual([]);
  });

  it('applies the forum’s tags that match, case-insensitively, at most five, none it may not apply', () => {
    const tags = ['Ukraine', 'Russia', 'Energy', 'Food', 'Turkey', 'Europe', 'Mod'].map((name, index) => ({
      id: String(index + 1),
      name,
      moderated: name === 'Mod',
    }));
    const forum = { tags, mayModerate: false };
    expect(chooseTags(forum, ['energy', 'UKRAINE', 'Nowhere'])).toEqual(['3', '1']);
    expect(chooseTags(forum, ['mod', 'europe'])).toEqual(['6']);
    expect(chooseTags({ tags, mayModerate: true }, ['mod'])).toEqual(['7']);
    const all = chooseTags(forum, ['Ukraine', 'Russia', 'Energy', 'Food', 'Turkey', 'Europe']);
    expect(all).toEqual(['1', '2', '3', '4', '5']);
  });
});
