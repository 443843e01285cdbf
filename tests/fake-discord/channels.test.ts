import { Client, GatewayIntentBits, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
const post = (fake: FakeDiscord, channelId: string, body: Record<string, unknown>) =>
  restCall(fake, 'POST', `/channels/${channelId}/messages`, { allowed_mentions: quiet, ...body });

describe('channel messages', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('creates a message once per enforced nonce and returns the first one again', async () => {
    fake = await startFakeDiscord();
    const body = { content: 'Digest for Monday', nonce: 'digest-2025-12-15', enforce_nonce: true };
    const first = await post(fake, ids.channels.briefings, body);
    const again = await post(fake, ids.channels.briefings, body);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(1);

    const unenforced = await post(fake, ids.channels.briefings, {
      content: 'Again',
      nonce: 'digest-2025-12-15',
    });
    const elsewhere = await post(fake, ids.channels.announcements, body);
    expect((unenforced.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
    expect(elsewhere.status).toBe(200);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(2);
    expect(fake.messages(ids.channels.announcements)).toHaveLength(1);
  });

  it('forgets a nonce after its window', async () => {
    fake = await startFakeDiscord({ nonceWindowMs: 0 });
    const body = { content: 'x', nonce: 'n1', enforce_nonce: true };
    await post(fake, ids.channels.briefings, body);
    await post(fake, ids.channels.briefings, body);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(2);
  });

  it("answers with Discord's errors for missing permissions, no access and unknown channels", async () => {
    fake = await startFakeDiscord();
    expect(await post(fake, ids.channels.readOnly, { content: 'x' })).toMatchObject({
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    expect(await post(fake, ids.channels.editorsOnly, { content: 'x' })).toMatchObject({
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    expect(await post(fake, '1190000000000009999', { content: 'x' })).toMatchObject({
      status: 404,
      body: { message: 'Unknown Channel', code: 10003 },
    });
    expect(await restCall(fake, 'GET', `/channels/${ids.channels.editorsOnly}`)).toMatchObject({
      status: 403,
    });
    expect(
      await restCall(fake, 'GET', `/channels/${ids.channels.briefings}`, undefined, { auth: false }),
    ).toMatchObject({
      status: 401,
    });
  });

  it('needs Embed Links for embeds, and follows permission changes made at runtime', async () => {
    fake = await startFakeDiscord();
    fake.denyBot(ids.channels.briefings, 'EmbedLinks');
    expect((await post(fake, ids.channels.briefings, { embeds: [{ title: 'Brief' }] })).status).toBe(403);
    expect((await post(fake, ids.channels.briefings, { content: 'plain' })).status).toBe(200);
    fake.allowBot(ids.channels.readOnly, 'SendMessages');
    expect((await post(fake, ids.channels.readOnly, { content: 'now allowed' })).status).toBe(200);
  });

  it('crossposts in announcement channels only, once', async () => {
    fake = await startFakeDiscord();
    const created = await post(fake, ids.channels.announcements, { content: 'Morning brief' });
    const id = (created.body as { id: string }).id;
    const path = `/channels/${ids.channels.announcements}/messages/${id}/crosspost`;
    expect(await restCall(fake, 'POST', path)).toMatchObject({ status: 200, body: { id, flags: 1 } });
    expect(await restCall(fake, 'POST', path)).toMatchObject({ status: 400, body: { code: 40033 } });
    const inText = await post(fake, ids.channels.briefings, { content: 'x' });
    const textId = (inText.body as { id: string }).id;
    expect(
      await restCall(fake, 'POST', `/channels/${ids.channels.briefings}/messages/${textId}/crosspost`),
    ).toMatchObject({
      status: 400,
    });
  });

  it('lists messages newest first with limit and before', async () => {
    fake = await startFakeDiscord();
    for (const content of ['one', 'two', 'three']) await post(fake, ids.channels.briefings, { content });
    const all = await restCall(fake, 'GET', `/channels/${ids.channels.briefings}/messages`);
    expect((all.body as { content: string }[]).map((m) => m.content)).toEqual(['three', 'two', 'one']);
    const newest = (all.body as { id: string }[])[0]?.id;
    const older = await restCall(
      fake,
      'GET',
      `/channels/${ids.channels.briefings}/messages?limit=1&before=${newest}`,
    );
    expect((older.body as { content: string }[]).map((m) => m.content)).toEqual(['two']);
  });
});

describe('failure injection', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('fails the next matching request once, creating nothing', async () => {
    fake = await startFakeDiscord();
    fake.failNext(`POST /channels/${ids.channels.briefings}/messages`, 500);
    expect((await post(fake, ids.channels.briefings, { content: 'a' })).status).toBe(500);
    expect((await post(fake, ids.channels.briefings, { content: 'b' })).status).toBe(200);
    expect(fake.messages(ids.channels.briefings).map((m) => m.content)).toEqual(['b']);
    expect(fake.stats.injectedFailures).toBe(1);
    expect(fake.requests.filter((r) => r.injected)).toHaveLength(1);
  });

  it('is absorbed by discord.js, which retries a 500', async () => {
    fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const ready = new Promise((resolve) => client.once('clientReady', resolve));
    await client.login(fake.token);
    await ready;
    fake.failNext('POST /channels/*/messages', 500);
    const channel = client.channels.cache.get(ids.channels.briefings) as TextChannel;
    await channel.send({ content: 'retried', allowedMentions: quiet });
    expect(
      fake.requests.filter((r) => r.route === '/channels/{channel_id}/messages').map((r) => r.status),
    ).toEqual([500, 200]);
    await client.destroy();
  });

  it('holds a response after the message was created, until released', async () => {
    fake = await startFakeDiscord();
    const hold = fake.pauseRoute(/^POST \/channels\/\d+\/messages$/, { times: 1 });
    const pending = post(fake, ids.channels.briefings, { content: 'sent, not yet confirmed' });
    const held = await hold.waitForHeld();
    expect(held.status).toBe(200);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(1);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await fake.waitFor((r) => r.seq === held.seq);
    expect(settled).toBe(false);
    hold.release();
    expect((await pending).status).toBe(200);
  });
});
