/** Steps the digest end-to-end tests share: a hand-moved clock, the sends the fake saw, subscribing, the ledger. */
import { MessageFlags } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { describeReason } from '../../src/render/digest-reasons.js';
import type { FakeDiscord } from '../../tools/fake-discord/index.js';
import { eventually, ids } from './harness.js';

/** A clock the test moves by hand. */
export function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

export type TestClock = ReturnType<typeof clock>;

/** Every message create the bot sent to the channel, answered or not. */
export const messageCreates = (fake: FakeDiscord, channelId: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${channelId}/messages`));

/** The channel's latest ledger row, once it has this status: sends started at start-up are not awaited by it. */
export function recorded(app: RunningApp, channelId: string, status: string) {
  return eventually(async () => {
    const [latest] = await app.digests.status(ids.guild, channelId);
    return latest?.status === status && { ...latest, reason: latest.reason && describeReason(latest.reason) };
  }, `the digest recorded as ${status}`);
}

/** /digest subscribe as a manager, 08:00 Europe/Berlin unless told otherwise; the answer must say it worked. */
export async function subscribeChannel(
  fake: FakeDiscord,
  channelId: string,
  options: Record<string, string | boolean> = {},
) {
  const answer = await fake.command(
    'digest subscribe',
    { channel: channelId, time: '08:00', timezone: 'Europe/Berlin', ...options },
    { user: ids.users.manager },
  );
  expect(answer.callback.data).toMatchObject({
    flags: MessageFlags.Ephemeral,
    content: expect.stringMatching(/^Subscribed/),
  });
}
