import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { restCall } from '../../tools/fake-discord/rest-call.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
const send = (fake: FakeDiscord, body: unknown, channelId: string = ids.channels.briefings) =>
  restCall(fake, 'POST', `/channels/${channelId}/messages`, body);

describe.each(['openapi', 'zod'] as const)('request bodies held against the %s schema', (schema) => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('refuses a body of the wrong shape with 400 Invalid Form Body and records a schema violation', async () => {
    fake = await startFakeDiscord({ schema });
    const result = await send(fake, {
      content: 42,
      embeds: [{ title: 'Sanctions', color: 'red' }],
      allowed_mentions: quiet,
    });
    expect(result).toMatchObject({ status: 400, body: { code: 50035, message: 'Invalid Form Body' } });
    const problems = fake.violations.filter((v) => v.kind === 'schema').map((v) => v.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/content: /),
        expect.stringMatching(/^\/embeds\/0\/color: /),
      ]),
    );
    expect(fake.violations.every((v) => v.route === 'POST /channels/{channel_id}/messages')).toBe(true);
    expect(fake.messages(ids.channels.briefings)).toEqual([]);
  });

  it('accepts a well-formed message and records nothing', async () => {
    fake = await startFakeDiscord({ schema });
    const result = await send(fake, {
      content: 'Ceasefire talks resume',
      embeds: [
        { title: 'Briefing', description: 'Summary', fields: [{ name: 'Why it matters', value: 'Energy' }] },
      ],
      allowed_mentions: quiet,
      nonce: '1190000000000000999',
      enforce_nonce: true,
    });
    expect(result.status).toBe(200);
    expect(fake.violations).toEqual([]);
  });
});

describe('rules beyond the schema', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('says which schema it uses', async () => {
    fake = await startFakeDiscord();
    expect(['openapi.json', 'discord-api-spec/zod']).toContain(fake.schemaSource);
  });

  it('refuses messages over Discord limits and names each limit', async () => {
    fake = await startFakeDiscord();
    const result = await send(fake, {
      content: 'x'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), fields: [{ name: 'n', value: 'v'.repeat(1025) }] }],
      allowed_mentions: quiet,
    });
    expect(result.status).toBe(400);
    expect(fake.violations.filter((v) => v.kind === 'limit').map((v) => v.message)).toEqual([
      'content is 2001 characters (limit 2000)',
      'embed 1 title is 257 characters (limit 256)',
      'embed 1 field 1 value is 1025 characters (limit 1024)',
    ]);
  });

  it('records a message without allowed_mentions but lets it through, as Discord would', async () => {
    fake = await startFakeDiscord();
    const result = await send(fake, { content: 'Hello @everyone' });
    expect(result.status).toBe(200);
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: 'mentions',
        message: 'allowed_mentions is missing (expected {"parse": []})',
      }),
    ]);
  });

  it('refuses an empty message', async () => {
    fake = await startFakeDiscord();
    expect((await send(fake, { allowed_mentions: quiet })).status).toBe(400);
    expect(fake.violations[0]?.message).toMatch(/message is empty/);
  });

  it('records unknown routes as violations and answers 404', async () => {
    fake = await startFakeDiscord();
    const result = await restCall(fake, 'POST', `/channels/${ids.channels.briefings}/typing`);
    expect(result).toMatchObject({ status: 404, body: { code: 0 } });
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: 'unknown-route',
        route: `POST /api/v10/channels/${ids.channels.briefings}/typing`,
      }),
    ]);
  });

  it('validates command registration: a string permission bitfield is fine (the docs win), a bad type is not', async () => {
    fake = await startFakeDiscord();
    const path = `/applications/${ids.application}/commands`;
    const good = await restCall(fake, 'PUT', path, [
      { name: 'digest', description: 'Scheduled digests', default_member_permissions: '32', options: [] },
    ]);
    expect(good.status).toBe(200);
    expect(fake.violations).toEqual([]);
    const bad = await restCall(fake, 'PUT', path, [{ name: 'digest', description: 7 }]);
    expect(bad.status).toBe(400);
    expect(fake.violations.map((v) => v.message)).toEqual([expect.stringMatching(/^\/0\/description: /)]);
    expect(fake.commands().map((c) => c.description)).toEqual(['Scheduled digests']);
  });

  it('can record without refusing, to see everything a bot does wrong in one run', async () => {
    fake = await startFakeDiscord({ rejectInvalid: false });
    const result = await send(fake, { content: 'x'.repeat(2001), allowed_mentions: quiet });
    expect(result.status).toBe(200);
    expect(fake.violations.map((v) => v.kind)).toEqual(['limit']);
  });
});
