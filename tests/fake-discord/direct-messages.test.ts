/** The fake's direct messages, its mention checks (one opted-in role may ping, nothing else) and role options. */
import { afterEach, describe, expect, it } from 'vitest';
import { CommandStore } from '../../tools/fake-discord/commands-store.js';
import {
  checkRoleAlertMentions,
  DEFAULT_IDS,
  defaultWorld,
  type FakeDiscord,
  pingsOf,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { chatInputPayload } from '../../tools/fake-discord/interaction-payloads.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
const ROLE = '1190000000000000110';

describe('direct messages', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('opens one channel per user, takes messages with nonces, and lists them', async () => {
    fake = await startFakeDiscord();
    const opened = await restCall(fake, 'POST', '/users/@me/channels', { recipient_id: ids.users.reader });
    const again = await restCall(fake, 'POST', '/users/@me/channels', { recipient_id: ids.users.reader });
    expect(opened).toMatchObject({ status: 200, body: { type: 1, recipients: [{ id: ids.users.reader }] } });
    const channelId = (opened.body as { id: string }).id;
    expect((again.body as { id: string }).id).toBe(channelId);
    expect(fake.dmChannelId(ids.users.reader)).toBe(channelId);

    const body = {
      content: 'New about Ukraine',
      allowed_mentions: quiet,
      nonce: 'alert.0',
      enforce_nonce: true,
    };
    const sent = await restCall(fake, 'POST', `/channels/${channelId}/messages`, body);
    const resent = await restCall(fake, 'POST', `/channels/${channelId}/messages`, body);
    expect(sent.status).toBe(200);
    expect(resent.body).toEqual(sent.body);
    expect(sent.body).not.toHaveProperty('guild_id');
    expect(fake.dms(ids.users.reader).map((message) => message.content)).toEqual(['New about Ukraine']);
    expect(fake.dms(ids.users.editor)).toEqual([]);

    const history = await restCall(fake, 'GET', `/channels/${channelId}/messages?limit=10`);
    expect((history.body as { id: string }[]).map((message) => message.id)).toEqual([
      (sent.body as { id: string }).id,
    ]);
    expect((await restCall(fake, 'GET', `/channels/${channelId}`)).body).toMatchObject({
      id: channelId,
      type: 1,
    });
    expect(fake.violations).toEqual([]);
  });

  it('refuses a user whose direct messages are closed with 50007, and unknown recipients', async () => {
    fake = await startFakeDiscord({
      world: (world) => {
        world.users.find((user) => user.id === ids.users.reader)!.dmsClosed = true;
      },
    });
    const opened = await restCall(fake, 'POST', '/users/@me/channels', { recipient_id: ids.users.reader });
    const channelId = (opened.body as { id: string }).id;
    const refused = await restCall(fake, 'POST', `/channels/${channelId}/messages`, {
      content: 'hello',
      allowed_mentions: quiet,
    });
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 50007, message: 'Cannot send messages to this user' },
    });
    expect(fake.dms(ids.users.reader)).toEqual([]);

    const nobody = await restCall(fake, 'POST', '/users/@me/channels', {
      recipient_id: '1190000000000009999',
    });
    expect(nobody).toMatchObject({ status: 400, body: { code: 50033 } });
    const malformed = await restCall(fake, 'POST', '/users/@me/channels', { recipient_id: 7 });
    expect(malformed.status).toBe(400);
    expect(fake.violations.map((violation) => violation.kind)).toEqual(['schema']);
  });

  it('records any mention a direct message would ping, a role included', async () => {
    fake = await startFakeDiscord();
    const opened = await restCall(fake, 'POST', '/users/@me/channels', { recipient_id: ids.users.reader });
    const channelId = (opened.body as { id: string }).id;
    await restCall(fake, 'POST', `/channels/${channelId}/messages`, {
      content: `<@&${ROLE}> news`,
      allowed_mentions: { parse: [], roles: [ROLE] },
    });
    expect(fake.violations).toMatchObject([{ kind: 'mentions', message: expect.stringContaining('roles') }]);
  });
});

describe('mention checks', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('let a channel message ping exactly the one role it names and mentions', async () => {
    fake = await startFakeDiscord();
    const post = (body: Record<string, unknown>) =>
      restCall(fake, 'POST', `/channels/${ids.channels.briefings}/messages`, body);

    const alert = await post({
      content: `<@&${ROLE}> New briefings`,
      allowed_mentions: { parse: [], roles: [ROLE] },
    });
    expect(fake.violations).toEqual([]);
    expect(fake.pings((alert.body as { id: string }).id)).toEqual({
      users: [],
      roles: [ROLE],
      everyone: false,
    });

    await post({
      content: `<@&${ROLE}> <@&${ids.roles.writers}>`,
      allowed_mentions: { parse: [], roles: [ROLE, ids.roles.writers] },
    });
    await post({
      content: `<@${ids.users.reader}> @everyone`,
      allowed_mentions: { parse: ['everyone'], users: [ids.users.reader] },
    });
    await post({ content: 'no role here', allowed_mentions: { parse: [], roles: [ROLE] } });
    await post({ content: `<@&${ROLE}>` });
    expect(fake.violations.map((violation) => violation.message)).toEqual([
      'allowed_mentions.roles lets the message ping 2 roles (a role alert pings one)',
      'allowed_mentions.parse is ["everyone"] (expected [])',
      'allowed_mentions.users lets the message ping someone',
      `allowed_mentions.roles allows role ${ROLE}, which the message does not mention`,
      'allowed_mentions is missing (expected {"parse": []})',
    ]);
  });

  it('read pings as Discord does: content and V2 text displays, never embeds', () => {
    const v2 = {
      flags: 1 << 15,
      components: [
        { type: 17, components: [{ type: 10, content: `<@&${ROLE}> and <@${ids.users.reader}>` }] },
      ],
      allowed_mentions: { parse: ['users'], roles: [] },
    };
    expect(pingsOf(v2)).toEqual({ users: [ids.users.reader], roles: [], everyone: false });
    expect(
      pingsOf({ embeds: [{ description: `<@&${ROLE}>` }], allowed_mentions: { parse: ['roles'] } }),
    ).toEqual({
      users: [],
      roles: [],
      everyone: false,
    });
    expect(pingsOf({ content: '@here' })).toEqual({ users: [], roles: [], everyone: true });
    expect(
      checkRoleAlertMentions({ content: `<@&${ROLE}>`, allowed_mentions: { parse: [], roles: [ROLE] } }),
    ).toEqual([]);
  });

  it('resolve role options in interactions, mentionable as the world says', () => {
    const world = defaultWorld();
    world.guilds[0]!.roles.push({
      id: ROLE,
      name: 'Ukraine watchers',
      permissions: '0',
      position: 1,
      mentionable: true,
    });
    const sources = { world, commands: new CommandStore(world.application.id) };
    // No bot has registered anything: the option's type is inferred from its value.
    const payload = chatInputPayload(sources, 'digest subscribe', { mention_role: { role: ROLE } }, {});
    const data = payload.data as unknown as {
      options: { options: { name: string; type: number; value: string }[] }[];
      resolved: { roles: Record<string, { name: string; mentionable: boolean }> };
    };
    expect(data.options[0]?.options).toEqual([{ name: 'mention_role', type: 8, value: ROLE }]);
    expect(data.resolved.roles[ROLE]).toMatchObject({ name: 'Ukraine watchers', mentionable: true });
    expect(() =>
      chatInputPayload(sources, 'digest subscribe', { mention_role: { role: '1190000000000000999' } }, {}),
    ).toThrow(/not one of this server's/);
  });
});
