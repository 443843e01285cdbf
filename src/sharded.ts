/**
 * `npm run start:sharded`: the bot as several shards on this machine, one process each (discord.js's
 * ShardingManager). SHARD_COUNT shards in all (absent: as many as Discord recommends), of which SHARD_IDS run here
 * (absent: all). Each shard is the plain bot (src/main.ts), answering the guilds its shard holds. Without
 * DISCORD_TOKEN there is nothing to shard: the bot runs in the terminal as `npm start` would. Exits 0 on
 * SIGINT/SIGTERM once every shard has shut down.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { ConfigError, configSecrets, environmentSecrets, readConfig } from './config.js';
import { LocalShards, type ShardEntry } from './discord/shard-manager.js';
import { createLogger } from './log.js';
import { createScrubber, lineWriter } from './secrets.js';

const scrub = createScrubber(environmentSecrets(process.env));
const writeError = lineWriter(process.stderr, scrub);
const writeOut = lineWriter(process.stdout, scrub);

process.on('uncaughtException', (error) => {
  writeError(`Crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

/** What each shard runs: main.ts under tsx when this file is TypeScript (`npm run start:sharded`), else main.js. */
function shardEntry(): ShardEntry {
  const typescript = import.meta.url.endsWith('.ts');
  return {
    file: fileURLToPath(new URL(typescript ? './main.ts' : './main.js', import.meta.url)),
    execArgv: typescript ? ['--import', 'tsx'] : [],
  };
}

function describeFailure(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 401)
    return 'Discord refused DISCORD_TOKEN (401 Unauthorized): reset it in the Developer Portal';
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    writeError(error instanceof ConfigError ? error.message : `Could not start: ${String(error)}`);
    process.exit(1);
  }
  if (!config.discordToken) {
    writeError('No DISCORD_TOKEN set: local mode needs no sharding; running the bot here in the terminal.');
    await import('./main.js');
    return;
  }
  const log = createLogger({ level: config.logLevel ?? 'info', secrets: configSecrets(config) });
  // The shards get their ids from the manager (SHARDS); SHARD_IDS is this machine's list, not each shard's.
  delete process.env.SHARD_IDS;
  const shards = new LocalShards({
    token: config.discordToken,
    apiUrl: config.discordApiUrl,
    shardCount: config.shardCount,
    shardIds: config.shardIds,
    entry: shardEntry(),
    log,
    writeOut,
    writeErr: writeError,
  });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    await shards.stop();
    log.info('every shard has stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const { totalShards, shardIds } = await shards.start();
    if (!stopping) log.info({ totalShards, shards: shardIds }, 'every shard is ready');
  } catch (error) {
    if (stopping) return;
    writeError(`Could not start the shards: ${describeFailure(error)}`);
    await shards.stop();
    process.exit(1);
  }
}

await main();
