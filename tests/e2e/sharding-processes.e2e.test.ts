/**
 * Two bot processes, one shard each (SHARD_COUNT=2 with SHARD_IDS=0 and SHARD_IDS=1), against one fake Discord
 * with guilds on both shards: each identifies its own shard, holds only its guilds, and answers the interactions of
 * those guilds; the other never sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingFolder } from '../../tools/briefing-files.js';
import {
  addShardedGuilds,
  DEFAULT_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  type GuildSpec,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { type EntryProcess, PROCESS_TEST_TIMEOUT_MS, startEntry } from '../support/processes.js';
import { databasePath } from './harness.js';

/** The newest of the shipped briefings: what /briefing latest shows. */
const LATEST_TITLE = 'Berlin talks go into a second day';

let fake: FakeDiscord;
let byShard: GuildSpec[][] = [];
const bots: EntryProcess[] = [];

/** The bot process running `shard` of two, with a database of its own. */
async function startShardProcess(shard: number): Promise<EntryProcess> {
  return startEntry('main', {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    // Global commands: every guild, on either shard, has them.
    DISCORD_GUILD_ID: '',
    SHARD_COUNT: '2',
    SHARD_IDS: String(shard),
    BRIEFINGS_DIR: await briefingFolder(),
    DATABASE_PATH: await databasePath(),
    LOG_LEVEL: 'info',
  });
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    // The default guild is on shard 0 of 2; one more guild on each shard.
    world: (world) => {
      byShard = addShardedGuilds(world, { shardCount: 2, guildsPerShard: 1, textChannels: 2 });
    },
  });
  bots.push(await startShardProcess(0), await startShardProcess(1));
  await Promise.all(bots.map((bot) => bot.waitForOutput(/"msg":"commands (registered|already up to date)"/)));
}, PROCESS_TEST_TIMEOUT_MS);

afterAll(async () => {
  for (const bot of bots) bot.kill();
  await fake.close();
});

describe('two bot processes, one shard each', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('each identifies its own shard and holds only the guilds on it', () => {
    const shards = fake.gateway.identifies.map((identify) => identify.shard);
    expect(shards).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(shards).toHaveLength(2);
    const [zero, one] = bots;
    expect(zero?.output).toMatch(/"guilds":2,[^\n]*"shards":\[0\],"shardCount":2,"msg":"ready"/);
    expect(one?.output).toMatch(/"guilds":1,[^\n]*"shards":\[1\],"shardCount":2,"msg":"ready"/);
  });

  it("answers an interaction in a guild on shard 1 from shard 1's process alone", async () => {
    const [zero, one] = bots;
    const guild = byShard[1]?.[0];
    const exchange = await fake.command('briefing latest', {}, { guildId: guild?.id });
    expect(JSON.stringify(await exchange.answer())).toContain(LATEST_TITLE);
    expect(exchange.deliveredTo.map((session) => session.shard)).toEqual([[1, 2]]);
    await one?.waitForOutput(`"interaction":"${exchange.id}"`);
    expect(one?.output).toMatch(
      new RegExp(`"shard":1,"interaction":"${exchange.id}"[^\\n]*"command answered"`),
    );
    expect(zero?.output).not.toContain(exchange.id);
  });

  it("answers an interaction in a guild on shard 0 from shard 0's process alone", async () => {
    const [zero, one] = bots;
    const exchange = await fake.command('briefing latest', {}, { guildId: DEFAULT_IDS.guild });
    expect(exchange.deliveredTo.map((session) => session.shard)).toEqual([[0, 2]]);
    await zero?.waitForOutput(`"interaction":"${exchange.id}"`);
    expect(one?.output).not.toContain(exchange.id);
  });

  it('sends nothing Discord would refuse, and logs no token', () => {
    expect(fake.describeViolations()).toBe('');
    for (const bot of bots) {
      expect(bot.output).not.toContain(FAKE_TOKEN);
      expect(bot.output).not.toContain('"level":50');
    }
  });
});
