/**
 * Discord's sharding rules: which shard holds a guild, what a valid `shard: [id, count]` is, and which guild an
 * event belongs to (the shard holding that guild gets it; events of no guild, such as DMs, go to shard 0).
 */

/** `[shard_id, num_shards]`, as IDENTIFY and READY carry it. */
export type ShardPair = readonly [id: number, count: number];

/** Discord's formula: `shard_id = (guild_id >> 22) % num_shards`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** IDENTIFY's `shard`, or [0, 1] when absent; undefined when Discord would close with 4010 Invalid shard. */
export function parseShard(value: unknown): ShardPair | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const shard = [id as number, count as number] as const;
  return shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1] ? shard : undefined;
}

/** Guild events name their guild in `id`; every other guild event in `guild_id`. */
const GUILD_ITSELF = new Set(['GUILD_CREATE', 'GUILD_UPDATE', 'GUILD_DELETE']);

/** The guild a dispatch concerns, or undefined for one of no guild (a DM interaction, a user update). */
export function eventGuildId(t: string, d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const data = d as { id?: unknown; guild_id?: unknown };
  const id = GUILD_ITSELF.has(t) ? data.id : data.guild_id;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
}

/** Whether a session on `shard` gets an event of this guild (undefined: of no guild, so shard 0's). */
export function shardHolds(shard: ShardPair, guildId: string | undefined): boolean {
  return guildId === undefined ? shard[0] === 0 : shardOf(guildId, shard[1]) === shard[0];
}
