import { ChannelType, Client, type ForumChannel, GatewayIntentBits, type ThreadChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';

const ids = DEFAULT_IDS;
const forum = ids.channels.forumDigests;
const quiet = { parse: [] };
const starter = (content = 'Digest of the day') => ({ content, allowed_mentions: quiet });
const createPost = (fake: FakeDiscord, channelId: string, body: Record<string, unknown>) =>
  restCall(fake, 'POST', `/channels/${channelId}/threads`, {
    name: 'Briefing digest',
    message: starter(),
    ...body,
  });

describe('forum and media channels', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('creates a post: a public thread with its tags and a starter message that has the thread’s id', async () => {
    fake = await startFakeDiscord();
    const created = await createPost(fake, forum, {
      name: 'Briefing digest · 5 Jan 2026',
      applied_tags: [ids.forumTags.ukraine, ids.forumTags.energy],
    });
    expect(created.status).toBe(201);
    const thread = created.body as { id: string; message: { id: string; channel_id: string } };
    expect(thread).toMatchObject({
      type: ChannelType.PublicThread,
      parent_id: forum,
      owner_id: ids.bot,
      name: 'Briefing digest · 5 Jan 2026',
      applied_tags: [ids.forumTags.ukraine, ids.forumTags.energy],
      thread_metadata: { archived: false, locked: false },
      message: { id: thread.id, channel_id: thread.id, content: 'Digest of the day' },
    });
    expect(fake.threads(forum).map((post) => post.id)).toEqual([thread.id]);
    expect(fake.message(thread.id)?.content).toBe('Digest of the day');
    const fetched = await restCall(fake, 'GET', `/channels/${thread.id}/messages/${thread.id}`);
    expect(fetched).toMatchObject({ status: 200, body: { id: thread.id, author: { id: ids.bot } } });

    // More messages go into the post, with nonces, and count in the thread.
    const body = { content: 'Part two', allowed_mentions: quiet, nonce: 'n.1', enforce_nonce: true };
    const inside = await restCall(fake, 'POST', `/channels/${thread.id}/messages`, body);
    const again = await restCall(fake, 'POST', `/channels/${thread.id}/messages`, body);
    expect(inside.status).toBe(200);
    expect(again.body).toEqual(inside.body);
    expect(fake.messages(thread.id).map((message) => message.content)).toEqual([
      'Digest of the day',
      'Part two',
    ]);
    expect(fake.threads(forum)[0]).toMatchObject({ message_count: 1 });
    expect(fake.violations).toEqual([]);
  });

  it('holds a post to Discord’s limits: name 1–100, at most five tags, only tags the channel has', async () => {
    fake = await startFakeDiscord();
    expect(await createPost(fake, forum, { name: '' })).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await createPost(fake, forum, { name: 'x'.repeat(101) })).toMatchObject({ status: 400 });
    const six = Array.from({ length: 6 }, () => ids.forumTags.ukraine);
    expect(await createPost(fake, forum, { applied_tags: six })).toMatchObject({ status: 400 });
    const foreign = await createPost(fake, forum, { applied_tags: ['1190000000000009999'] });
    expect(foreign).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(JSON.stringify(foreign.body)).toContain("not one of the channel's available_tags");
    expect(
      await createPost(fake, forum, { message: { content: '', allowed_mentions: quiet } }),
    ).toMatchObject({
      status: 400,
    });
    expect(await createPost(fake, forum, { message: undefined })).toMatchObject({ status: 400 });
    expect(fake.threads(forum)).toEqual([]);
    expect(fake.violations.map((violation) => violation.kind)).toEqual(
      expect.arrayContaining(['schema', 'limit']),
    );
  });

  it('needs Send Messages (Create Posts) for a post and Send Messages in Threads inside it', async () => {
    fake = await startFakeDiscord();
    fake.denyBot(forum, 'SendMessages');
    expect(await createPost(fake, forum, {})).toMatchObject({ status: 403, body: { code: 50013 } });
    fake.allowBot(forum, 'SendMessages');
    const thread = (await createPost(fake, forum, {})).body as { id: string };
    fake.denyBot(forum, 'SendMessagesInThreads');
    const inside = await restCall(fake, 'POST', `/channels/${thread.id}/messages`, starter('more'));
    expect(inside).toMatchObject({ status: 403, body: { code: 50013 } });
    // A forum takes posts, not messages of its own; a text channel's threads are not modelled.
    fake.allowBot(forum, 'SendMessagesInThreads');
    expect(await restCall(fake, 'POST', `/channels/${forum}/messages`, starter())).toMatchObject({
      status: 400,
      body: { code: 50008 },
    });
    expect(await createPost(fake, ids.channels.briefings, {})).toMatchObject({ status: 400 });
    expect(fake.violations.map((violation) => violation.kind)).toEqual(['unknown-route']);
  });

  it('lists active threads of a guild and archived public threads of a channel, newest archived first', async () => {
    fake = await startFakeDiscord();
    const made: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      made.push(((await createPost(fake, forum, { name })).body as { id: string }).id);
    }
    fake.archiveThread(made[0]!);
    await new Promise((resolve) => setTimeout(resolve, 5));
    fake.archiveThread(made[1]!, { locked: true });
    const active = await restCall(fake, 'GET', `/guilds/${ids.guild}/threads/active`);
    expect((active.body as { threads: { id: string }[] }).threads.map((thread) => thread.id)).toEqual([
      made[2],
    ]);

    const archivedPath = `/channels/${forum}/threads/archived/public`;
    const archived = await restCall(fake, 'GET', `${archivedPath}?limit=2`);
    expect(archived.body).toMatchObject({ has_more: false });
    const listed = (
      archived.body as { threads: { id: string; thread_metadata: { archive_timestamp: string } }[] }
    ).threads;
    expect(listed.map((thread) => thread.id)).toEqual([made[1], made[0]]);
    const before = encodeURIComponent(listed[0]!.thread_metadata.archive_timestamp);
    const older = await restCall(fake, 'GET', `${archivedPath}?limit=2&before=${before}`);
    expect((older.body as { threads: { id: string }[] }).threads.map((thread) => thread.id)).toEqual([
      made[0],
    ]);
    expect(await restCall(fake, 'GET', `${archivedPath}?limit=1`)).toMatchObject({ status: 400 });

    // A message brings an archived post back, unless it is locked.
    expect((await restCall(fake, 'POST', `/channels/${made[0]}/messages`, starter('back'))).status).toBe(200);
    expect(fake.threads(forum)[0]).toMatchObject({ thread_metadata: { archived: false } });
    const locked = await restCall(fake, 'POST', `/channels/${made[1]}/messages`, starter('no'));
    expect(locked).toMatchObject({ status: 400, body: { code: 50083 } });

    fake.denyBot(forum, 'ReadMessageHistory');
    expect((await restCall(fake, 'GET', archivedPath)).status).toBe(403);
    expect((await restCall(fake, 'GET', `/channels/${made[2]}/messages/${made[2]}`)).status).toBe(403);
  });

  it('forgets a deleted post and everything in it', async () => {
    fake = await startFakeDiscord();
    const thread = (await createPost(fake, forum, {})).body as { id: string };
    await restCall(fake, 'POST', `/channels/${thread.id}/messages`, starter('more'));
    fake.deleteThread(thread.id);
    expect(fake.threads(forum)).toEqual([]);
    expect(fake.messages(thread.id)).toEqual([]);
    expect(await restCall(fake, 'GET', `/channels/${thread.id}/messages/${thread.id}`)).toMatchObject({
      status: 404,
      body: { code: 10003 },
    });
    expect(await restCall(fake, 'POST', `/channels/${thread.id}/messages`, starter('late'))).toMatchObject({
      status: 404,
    });
  });

  it('describes forum and media channels to discord.js with their tags, and tells it of new posts', async () => {
    fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const ready = new Promise((resolve) => client.once('clientReady', resolve));
    await client.login(fake.token);
    await ready;
    const cached = client.channels.cache.get(forum) as ForumChannel;
    expect(cached.type).toBe(ChannelType.GuildForum);
    expect(cached.availableTags.map((tag) => tag.name)).toEqual(['Ukraine', 'Russia', 'Energy']);
    expect(client.channels.cache.get(ids.channels.mediaDigests)?.type).toBe(ChannelType.GuildMedia);

    const post = await cached.threads.create({
      name: 'Through discord.js',
      message: { content: 'Hello', allowedMentions: quiet },
      appliedTags: [ids.forumTags.russia],
    });
    expect(post.appliedTags).toEqual([ids.forumTags.russia]);
    const thread = await new Promise<ThreadChannel>((resolve) => {
      const seen = client.channels.cache.get(post.id);
      if (seen?.isThread()) resolve(seen);
      else client.once('threadCreate', resolve);
    });
    expect(thread.parentId).toBe(forum);
    await client.destroy();
    expect(fake.violations).toEqual([]);
  });
});
