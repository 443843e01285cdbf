/**
 * `npm run start:sharded` as a process, SHARD_COUNT=2: discord.js's ShardingManager spawns the bot once per shard;
 * both shards reach READY and answer the guilds they hold; its lines come through the manager without the token;
 * SIGTERM stops every shard and the manager exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingFolder } from '../../tools/briefing-files.js';
import {
  addShardedGuilds,
  FAKE_TOKEN,
  type FakeDiscord,
  type GuildSpec,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import {
  countMessages,
  type EntryProcess,
  PROCESS_TEST_TIMEOUT_MS,
  startEntry,
} from '../support/processes.js';
import { databasePath } from './harness.js';

/** The newest of the shipped briefings: what /briefing latest shows. */
const LATEST_TITLE = 'Berlin talks go into a second day';

let fake: FakeDiscord;
let byShard: GuildSpec[][] = [];
let manager: EntryProcess;

/** The shard processes the manager said it started, to be sure none outlives the test. */
function shardPids(output: string): number[] {
  return [...output.matchAll(/"pid":(\d+),"msg":"shard started"/g)].map((match) => Number(match[1]));
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    world: (world) => {
      byShard = addShardedGuilds(world, { shardCount: 2, guildsPerShard: 1, textChannels: 1 });
    },
    // Shards in two identify buckets: no five-second spacing between them.
    maxConcurrency: 2,
  });
  manager = startEntry('sharded', {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: '',
    SHARD_COUNT: '2',
    // This machine's list: the manager runs both, and no shard may take it for its own.
    SHARD_IDS: '0,1',
    BRIEFINGS_DIR: await briefingFolder(),
    DATABASE_PATH: await databasePath(),
    LOG_LEVEL: 'info',
  });
  await manager.waitForOutput('"msg":"every shard is ready"');
  // Both shards registered (or found) the commands: each is past its start-up.
  await manager.waitForOutput(
    (output) => countMessages(output, /^commands (registered|already up to date)$/) === 2,
  );
}, PROCESS_TEST_TIMEOUT_MS);

afterAll(async () => {
  manager.kill();
  for (const pid of shardPids(manager.output)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  await fake.close();
});

describe('npm run start:sharded with SHARD_COUNT=2', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('spawns one process per shard, each identifying its own shard', () => {
    expect(shardPids(manager.output)).toHaveLength(2);
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(manager.output).toContain('"shards":[0],"shardCount":2,"msg":"ready"');
    expect(manager.output).toContain('"shards":[1],"shardCount":2,"msg":"ready"');
  });

  it.each([0, 1])('answers a command in a guild on shard %i', async (shard) => {
    const guild = byShard[shard]?.[0];
    const exchange = await fake.command('briefing latest', {}, { guildId: guild?.id });
    expect(JSON.stringify(await exchange.answer())).toContain(LATEST_TITLE);
    expect(exchange.deliveredTo.map((session) => session.shard)).toEqual([[shard, 2]]);
    await manager.waitForOutput(`"shard":${shard},"interaction":"${exchange.id}"`);
  });

  it('stops every shard on SIGTERM and exits 0, having logged no token and nothing Discord would refuse', async () => {
    expect(await manager.stop('SIGTERM')).toBe(0);
    expect(manager.output).toContain('"msg":"every shard has stopped"');
    expect(manager.output).not.toContain('shards took too long to stop');
    for (const pid of shardPids(manager.output)) expect(() => process.kill(pid, 0)).toThrow();
    expect(manager.output).not.toContain(FAKE_TOKEN);
    expect(fake.describeViolations()).toBe('');
  });
});
