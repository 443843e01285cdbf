/**
 * The shards a client is about to identify, checked before it logs in: Discord would close a shard id at or past
 * the shard count with 4010, which discord.js reports as a bare close code.
 */
import type { ClientOptions } from 'discord.js';

export function shardProblem(options: Pick<ClientOptions, 'shards' | 'shardCount'>): string | undefined {
  const { shards, shardCount } = options;
  if (!Array.isArray(shards) || typeof shardCount !== 'number') return undefined;
  const outside = shards.filter((id) => id >= shardCount);
  if (outside.length === 0) return undefined;
  return (
    `shard ${outside.join(', ')} is not one of the ${shardCount} shard(s) the bot runs as: set SHARD_COUNT to ` +
    `the number of shards across every process (more than ${Math.max(...outside)}), or SHARD_IDS to ids below it`
  );
}

/** What a log line says about the shards a client runs: ids and the count across every process. */
export function shardsOf(options: Pick<ClientOptions, 'shards' | 'shardCount'>) {
  return { shards: options.shards, shardCount: options.shardCount };
}
