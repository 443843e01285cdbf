/**
 * Digest subscriptions written straight into a store, as /digest subscribe leaves them, for runs that need many
 * channels subscribed before the bot starts: the end-to-end tests of several instances and the benchmarks.
 */
import type { Subscription } from '../src/digest/model.js';
import type { DigestStore } from '../src/digest/store.js';

/**
 * Subscribes every channel (a text channel, as /digest subscribe records it) firing at `time` UTC, active from
 * `activeFrom`: a fire since then is owed, an earlier one is not.
 */
export async function subscribeChannels(
  store: DigestStore,
  channels: readonly { guildId: string; channelId: string }[],
  time: string,
  activeFrom: Date,
): Promise<void> {
  const since = activeFrom.toISOString();
  for (const { guildId, channelId } of channels) {
    const sub: Subscription = {
      guildId,
      channelId,
      channelName: null,
      time,
      timezone: 'UTC',
      party: null,
      tag: null,
      postWhenEmpty: false,
      publish: false,
      mentionRoleId: null,
      postsAsThreads: false,
      paused: false,
      pauseReason: null,
      createdBy: null,
      createdAt: since,
      updatedAt: since,
      activeFrom: since,
    };
    await store.saveSubscription(sub);
  }
}

/** HH:MM (UTC) of `at`. */
export function utcTime(at: Date): string {
  return at.toISOString().slice(11, 16);
}
