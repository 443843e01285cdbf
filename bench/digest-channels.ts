/**
 * The fake Discord the digest benchmarks run against: the default server with `count` more text channels, and
 * Discord's global limit of 50 requests a second and its per-channel message limit enforced.
 */
import { ChannelType } from 'discord-api-types/v10';
import { type FakeDiscord, startFakeDiscord } from '../tools/fake-discord/index.js';

export const GLOBAL_PER_SECOND = 50;

/** Ids of `count` channels, distinct per benchmark by `prefix` (a 14-digit snowflake stem). */
export function channelIdsFor(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(5, '0')}`);
}

export function fakeWithTextChannels(channelIds: readonly string[]): Promise<FakeDiscord> {
  return startFakeDiscord({
    rateLimit: { globalPerSecond: GLOBAL_PER_SECOND, perChannel: { limit: 5, windowMs: 5_000 } },
    world: (world) => {
      const guild = world.guilds[0]!;
      for (const [index, id] of channelIds.entries()) {
        guild.channels.push({
          id,
          name: `desk-${index}`,
          type: ChannelType.GuildText,
          position: 10 + index,
          overwrites: [],
        });
      }
    },
  });
}
