/**
 * Worlds of many guilds, for sharding and load: `addGuilds(world, { count, shard, shardCount, textChannels })` adds
 * guilds whose ids fall on the shard asked for, each with a category and text channels the bot may post in, the
 * bot's role and an Editors role (Manage Server). Ids are deterministic: the same calls make the same world.
 */
import { ChannelType } from 'discord-api-types/v10';
import { shardOf } from './shards.js';
import {
  BOT_PERMISSIONS,
  type ChannelSpec,
  DEFAULT_IDS,
  EVERYONE_PERMISSIONS,
  type GuildSpec,
  type MemberSpec,
  permissions,
  type WorldSpec,
} from './world.js';

export interface GuildBatch {
  /** How many guilds to add. */
  count: number;
  /** Every guild on this shard of `shardCount` (both or neither); default: wherever the next free id falls. */
  shard?: number;
  shardCount?: number;
  /** Text channels in each guild (default 1), named `news-1`, `news-2`, ... under a category. */
  textChannels?: number;
  /** Guild names are `${name} 1`, `${name} 2`, ... numbered across the world; default 'Desk'. */
  name?: string;
  /** Users of the world who get the guild's Editors role (Manage Server); default the default world's manager. */
  managers?: readonly string[];
}

/** Snowflake timestamps of made guilds start here (mid-2024), past every id of the default world. */
const FIRST_TIMESTAMP = 300_000_000_000n;
/** The low 22 bits of a made guild's id number its roles and channels. */
const ROLE_BOT = 1n;
const ROLE_EDITORS = 2n;
const CATEGORY = 10n;
const FIRST_TEXT = 100n;

const idAt = (timestamp: bigint, low: bigint) => ((timestamp << 22n) | low).toString();

/** The next unused guild timestamp at or after `from` whose id falls on the shard (any shard when none given). */
function nextTimestamp(from: bigint, used: ReadonlySet<string>, batch: GuildBatch): bigint {
  for (let timestamp = from; ; timestamp++) {
    const id = idAt(timestamp, 0n);
    if (used.has(id)) continue;
    if (batch.shard === undefined || shardOf(id, batch.shardCount ?? 1) === batch.shard) return timestamp;
  }
}

function checkBatch(batch: GuildBatch): void {
  if ((batch.shard === undefined) !== (batch.shardCount === undefined)) {
    throw new Error('addGuilds: give both shard and shardCount, or neither');
  }
  if (batch.shard !== undefined && !(batch.shard >= 0 && batch.shard < (batch.shardCount ?? 1))) {
    throw new Error(`addGuilds: shard ${batch.shard} is not one of ${batch.shardCount} shards`);
  }
}

function madeGuild(world: WorldSpec, timestamp: bigint, number: number, batch: GuildBatch): GuildSpec {
  const id = idAt(timestamp, 0n);
  const categoryId = idAt(timestamp, CATEGORY);
  const botRole = idAt(timestamp, ROLE_BOT);
  const editorsRole = idAt(timestamp, ROLE_EDITORS);
  const managers = new Set(batch.managers ?? [DEFAULT_IDS.users.manager]);
  const texts: ChannelSpec[] = Array.from({ length: batch.textChannels ?? 1 }, (_, index) => ({
    id: idAt(timestamp, FIRST_TEXT + BigInt(index)),
    name: `news-${index + 1}`,
    type: ChannelType.GuildText,
    position: index,
    parentId: categoryId,
    topic: null,
    overwrites: [],
  }));
  const members: MemberSpec[] = [
    { userId: world.bot.id, roles: [botRole] },
    ...world.users.map((user) => ({ userId: user.id, roles: managers.has(user.id) ? [editorsRole] : [] })),
  ];
  return {
    id,
    name: `${batch.name ?? 'Desk'} ${number}`,
    ownerId: world.users[0]?.id ?? world.bot.id,
    roles: [
      { id, name: '@everyone', permissions: permissions(...EVERYONE_PERMISSIONS), position: 0 },
      {
        id: botRole,
        name: world.bot.username,
        permissions: permissions(...BOT_PERMISSIONS),
        position: 2,
        managedForBot: world.bot.id,
      },
      { id: editorsRole, name: 'Editors', permissions: permissions('ManageGuild'), position: 1 },
    ],
    channels: [
      {
        id: categoryId,
        name: 'News',
        type: ChannelType.GuildCategory,
        position: 0,
        parentId: null,
        overwrites: [],
      },
      ...texts,
    ],
    members,
  };
}

/** Adds `count` guilds to the world (on the shard asked for) and returns them, in the order added. */
export function addGuilds(world: WorldSpec, batch: GuildBatch): GuildSpec[] {
  checkBatch(batch);
  const used = new Set(world.guilds.map((guild) => guild.id));
  const added: GuildSpec[] = [];
  let timestamp = FIRST_TIMESTAMP;
  for (let index = 0; index < batch.count; index++) {
    timestamp = nextTimestamp(timestamp, used, batch);
    const guild = madeGuild(world, timestamp, world.guilds.length + 1, batch);
    world.guilds.push(guild);
    used.add(guild.id);
    added.push(guild);
  }
  return added;
}

/** The text channels of these guilds (every one, in order): where a test subscribes digests. */
export function textChannelsOf(guilds: readonly GuildSpec[]): { guildId: string; channelId: string }[] {
  return guilds.flatMap((guild) =>
    guild.channels
      .filter((channel) => channel.type === ChannelType.GuildText)
      .map((channel) => ({ guildId: guild.id, channelId: channel.id })),
  );
}

/**
 * `guildsPerShard` guilds on each of `shardCount` shards, each with `textChannels` text channels; returns them by
 * shard: `addShardedGuilds(world, { shardCount: 2, guildsPerShard: 10, textChannels: 10 })[1]` are shard 1's.
 */
export function addShardedGuilds(
  world: WorldSpec,
  options: Omit<GuildBatch, 'count' | 'shard' | 'shardCount'> & {
    shardCount: number;
    guildsPerShard: number;
  },
): GuildSpec[][] {
  const { shardCount, guildsPerShard, ...rest } = options;
  return Array.from({ length: shardCount }, (_, shard) =>
    addGuilds(world, { ...rest, count: guildsPerShard, shard, shardCount }),
  );
}
