import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { connect } from './raw-gateway.js';

describe('the gateway protocol', () => {
  let fake: FakeDiscord;

  afterEach(async () => {
    await fake.close();
  });

  it('says HELLO, acknowledges heartbeats, and sends READY then GUILD_CREATE with rising sequence numbers', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    const client = await connect(fake.gatewayUrl);
    expect((await client.next((f) => f.op === 10)).d).toEqual({ heartbeat_interval: 1000 });
    client.send({ op: 1, d: null });
    await client.next((f) => f.op === 11);
    client.send({ op: 2, d: { token: fake.token, intents: 1, properties: {}, shard: [0, 1] } });
    const guild = await client.next((f) => f.t === 'GUILD_CREATE');
    const ready = client.frames.find((f) => f.t === 'READY');
    expect(ready?.s).toBe(1);
    expect(guild.s).toBe(2);
    expect(ready?.d).toMatchObject({
      v: 10,
      user: { id: fake.world.bot.id, bot: true },
      guilds: [{ id: fake.world.guilds[0]?.id, unavailable: true }],
      resume_gateway_url: fake.gatewayUrl,
      shard: [0, 1],
      application: { id: fake.world.application.id, flags: 0 },
    });
    client.ws.close();
  });

  it('speaks zlib-stream when asked, one flushed deflate stream per connection', async () => {
    fake = await startFakeDiscord();
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = zlib.createInflate();
    const texts: string[] = [];
    inflate.on('data', (chunk: Buffer) => texts.push(chunk.toString()));
    ws.on('message', (data: Buffer) => inflate.write(data));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {} } }));
    await expect.poll(() => texts.join('').includes('"GUILD_CREATE"')).toBe(true);
    expect(texts.join('')).toContain('"op":10');
    ws.close();
  });

  it('closes with 4004 on a wrong token and 4001 on an unknown opcode, recording both', async () => {
    fake = await startFakeDiscord();
    const wrong = await connect(fake.gatewayUrl);
    wrong.send({ op: 2, d: { token: 'nope', intents: 1, properties: {} } });
    expect(await wrong.closed).toBe(4004);
    const odd = await connect(fake.gatewayUrl);
    odd.send({ op: 99, d: null });
    expect(await odd.closed).toBe(4001);
    expect(fake.violations.map((v) => v.kind)).toEqual(['gateway', 'gateway']);
  });

  it('refuses privileged intents the application was not granted with 4014', async () => {
    fake = await startFakeDiscord();
    const client = await connect(fake.gatewayUrl);
    client.send({ op: 2, d: { token: fake.token, intents: 1 | (1 << 15), properties: {} } });
    expect(await client.closed).toBe(4014);
  });

  it('replays missed dispatches on RESUME and asks for a fresh IDENTIFY when the session is unknown', async () => {
    fake = await startFakeDiscord();
    const first = await connect(fake.gatewayUrl);
    first.send({ op: 2, d: { token: fake.token, intents: 1, properties: {} } });
    const ready = await first.next((f) => f.t === 'READY');
    const sessionId = (ready.d as { session_id: string }).session_id;
    await first.next((f) => f.t === 'GUILD_CREATE');
    fake.disconnectGateway(4000);
    await first.closed;
    fake.dispatch('CHANNEL_DELETE', { id: '1' });

    const second = await connect(fake.gatewayUrl);
    second.send({ op: 6, d: { token: fake.token, session_id: sessionId, seq: 2 } });
    await second.next((f) => f.t === 'RESUMED');
    expect(second.frames.filter((f) => f.op === 0).map((f) => [f.t, f.s])).toEqual([
      ['CHANNEL_DELETE', 3],
      ['RESUMED', 4],
    ]);

    const third = await connect(fake.gatewayUrl);
    third.send({ op: 6, d: { token: fake.token, session_id: 'unknown', seq: 2 } });
    expect((await third.next((f) => f.op === 9)).d).toBe(false);
    second.ws.close();
    third.ws.close();
  });
});
