/**
 * Several instances behind one REST proxy: a digest due in 1,000 channels (guilds on two shards) sent by TWO bot
 * processes (shard 0 and shard 1 of two) sharing one Postgres and one `npm run rest-proxy`, against the fake
 * Discord enforcing the global limit of 50 requests a second and the per-channel message limit; then by ONE
 * process running both shards, the same way, for comparison. Printed for each: delivery time (the first
 * message create the fake saw to the last one it answered) against the floor (channels / 50 per second), their
 * ratio, and the 429s the fake gave past the first of each bucket's window.
 *
 * The digest is owed when the processes start (subscriptions written to the database with a fire two minutes
 * ago, active since the day before): start-up's catch-up sends it, claimed row by row in the shared ledger.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStores } from '../src/store/postgres/open-postgres.js';
import { briefingAbout, briefingFolder } from '../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../tools/fake-discord/index.js';
import {
  DISCORD_GLOBAL_PER_SECOND,
  discordRateLimits,
  RateLimitJournal,
} from '../tools/fake-discord/rate-limit.js';
import { addShardedGuilds, textChannelsOf } from '../tools/fake-discord/world-builder.js';
import { type RunningPostgres, startPostgresServer } from '../tools/postgres-server.js';
import { subscribeChannels, utcTime } from '../tools/subscriptions.js';
import { ROOT, startProcess, stopProcess, until } from './processes.js';
import type { Report } from './stats.js';

const SHARD_COUNT = 2;
/** 10 guilds a shard with 50 text channels each: 1,000 channels. */
const GUILDS_PER_SHARD = 10;
const CHANNELS_PER_GUILD = 50;
const CHANNELS = SHARD_COUNT * GUILDS_PER_SHARD * CHANNELS_PER_GUILD;
/** BENCH_INSTANCES=1: the one-process run alone. */
const ONLY = Number(process.env.BENCH_INSTANCES ?? 0);

interface Channel {
  guildId: string;
  channelId: string;
}

interface RunResult {
  /** The first digest request the fake saw to the last message it created. */
  seconds: number;
  /** Every request the fake saw in that time, message creates and others. */
  requests: number;
  /** Those other than message creates, by method and route: what else the fan-out spent the budget on. */
  others: Map<string, number>;
  creates: number;
  duplicated: number;
  hits: number;
  pastFirst: number;
  /** Requests the proxy held back for the global limit: how often the limit, not the bots, set the pace. */
  heldForGlobalLimit: number;
  /** The first ledger row written to the last: how fast the bots' sweeps made the digests due. */
  ledgerSeconds: number;
}

function startFake(journal: RateLimitJournal): Promise<{ fake: FakeDiscord; channels: Channel[] }> {
  let channels: Channel[] = [];
  return startFakeDiscord({
    rateLimit: discordRateLimits({ journal }),
    // Both shards identify at once, as a bot whose concurrency allows it.
    maxConcurrency: SHARD_COUNT,
    world: (world) => {
      const byShard = addShardedGuilds(world, {
        shardCount: SHARD_COUNT,
        guildsPerShard: GUILDS_PER_SHARD,
        textChannels: CHANNELS_PER_GUILD,
      });
      channels = textChannelsOf(byShard.flat());
    },
  }).then((fake) => ({ fake, channels }));
}

/** Every channel subscribed with a fire two minutes ago, active since the day before: owed at start-up. */
async function subscribeAll(databaseUrl: string, channels: readonly Channel[]): Promise<void> {
  const stores = await openPostgresStores(databaseUrl);
  const now = Date.now();
  try {
    await subscribeChannels(
      stores.digests,
      channels,
      utcTime(new Date(now - 120_000)),
      new Date(now - 86_400_000),
    );
  } finally {
    await stores.close();
  }
}

interface ProxyProcess {
  apiUrl: string;
  /** Stops it and returns the requests it held back for the global limit, as it logged on the way out. */
  stop(): Promise<{ heldForGlobalLimit: number }>;
}

/** `npm run rest-proxy` in front of the fake, on a free port read from its first log line. */
async function startProxyProcess(upstreamUrl: string): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/rest-proxy.ts'], {
    cwd: ROOT,
    env: { ...process.env, PROXY_UPSTREAM_URL: upstreamUrl, PROXY_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.startsWith('{')) {
        process.stderr.write(`${line}\n`);
        continue;
      }
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (Number(entry.level) >= 40) process.stderr.write(`${line}\n`);
      lines.push(entry);
    }
  });
  const said = (msg: RegExp) => lines.find((entry) => msg.test(String(entry.msg)));
  await until(
    () => Boolean(said(/listening/)) || child.exitCode !== null,
    'the REST proxy to listen',
    60_000,
  );
  const listening = said(/listening/);
  if (!listening) throw new Error(`the REST proxy exited with ${child.exitCode}`);
  return {
    apiUrl: String(listening.apiUrl),
    async stop() {
      await stopProcess(child);
      const last = said(/shutting down/) ?? {};
      return { heldForGlobalLimit: Number(last.heldForGlobalLimit ?? Number.NaN) };
    },
  };
}

/** One bot process, as `npm start` runs it, with its shards, on the shared database, through the proxy. */
async function startBot(
  options: {
    token: string;
    apiUrl: string;
    databaseUrl: string;
    briefingsDir: string;
    shards: number[];
    name: string;
  },
  dataDirs: string[],
): Promise<ChildProcess> {
  const data = await mkdtemp(join(tmpdir(), `briefing-bench-instance-${options.name}-`));
  dataDirs.push(data);
  return startProcess(['src/main.ts'], {
    DISCORD_TOKEN: options.token,
    DISCORD_API_URL: options.apiUrl,
    DATABASE_URL: options.databaseUrl,
    // The archive index is per machine; each process gets its own, as on separate hosts.
    DATABASE_PATH: join(data, 'unused.sqlite'),
    BRIEFINGS_DIR: options.briefingsDir,
    SHARD_COUNT: String(SHARD_COUNT),
    SHARD_IDS: options.shards.join(','),
    INSTANCE_NAME: options.name,
    LOG_LEVEL: 'warn',
  });
}

const isCreate = (request: { method: string; path: string }) =>
  request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path);
/** A digest's requests are about its channel; start-up's (gateway, commands) are not. */
const isAboutAChannel = (request: { path: string }) => request.path.startsWith('/channels/');

/** Seconds from the first scheduled ledger row written to the last. */
async function ledgerSpan(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ seconds: number }>(
      "SELECT extract(epoch FROM max(created_at) - min(created_at))::float AS seconds FROM deliveries WHERE kind = 'scheduled'",
    );
    return Number(rows[0]?.seconds ?? Number.NaN);
  } finally {
    await client.end();
  }
}

async function run(postgres: RunningPostgres, processes: 1 | 2): Promise<RunResult> {
  const journal = new RateLimitJournal();
  const { fake, channels } = await startFake(journal);
  const databaseUrl = await postgres.database(`bench_instances_${processes}`);
  const today = new Date().toISOString().slice(0, 10);
  const briefingsDir = await briefingFolder({
    [`${today}-instances.md`]: briefingAbout('instances', today, 'Ukraine'),
  });
  const dataDirs: string[] = [briefingsDir];
  const bots: ChildProcess[] = [];
  let proxy: ProxyProcess | undefined;
  try {
    await subscribeAll(databaseUrl, channels);
    proxy = await startProxyProcess(fake.apiUrl);
    const deployment =
      processes === 2
        ? [
            { name: 'shard0', shards: [0] },
            { name: 'shard1', shards: [1] },
          ]
        : [{ name: 'both', shards: [0, 1] }];
    for (const spec of deployment) {
      const options = { ...spec, token: fake.token, apiUrl: proxy.apiUrl, databaseUrl, briefingsDir };
      bots.push(await startBot(options, dataDirs));
    }
    const posted = () => channels.filter(({ channelId }) => fake.messages(channelId).length > 0).length;
    await until(
      () => posted() >= CHANNELS,
      `every channel to get its digest (${processes} processes)`,
      300_000,
    );

    const creates = fake.requests.filter((request) => isCreate(request) && request.status === 200);
    const first = Math.min(...fake.requests.filter(isAboutAChannel).map((request) => request.receivedAt));
    const last = Math.max(...creates.map((request) => request.receivedAt));
    const duplicated = channels.filter(({ channelId }) => fake.messages(channelId).length > 1).length;
    const during = fake.requests.filter((request) => request.receivedAt >= first);
    const others = new Map<string, number>();
    for (const request of during.filter((request) => !isCreate(request))) {
      const key = `${request.method} ${request.route}`;
      others.set(key, (others.get(key) ?? 0) + 1);
    }
    for (const bot of bots.splice(0)) await stopProcess(bot);
    const { heldForGlobalLimit } = await proxy.stop();
    proxy = undefined;
    return {
      seconds: (last - first) / 1000,
      requests: during.length,
      others,
      creates: creates.length,
      duplicated,
      hits: journal.hits.length,
      pastFirst: journal.pastFirst().length,
      heldForGlobalLimit,
      ledgerSeconds: await ledgerSpan(databaseUrl),
    };
  } finally {
    for (const bot of bots) await stopProcess(bot);
    await proxy?.stop();
    await fake.close();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  }
}

export async function benchInstances(report: Report): Promise<void> {
  const postgres = await startPostgresServer({ durable: true });
  try {
    const floor = CHANNELS / DISCORD_GLOBAL_PER_SECOND;
    for (const processes of ONLY === 1 ? ([1] as const) : ([2, 1] as const)) {
      report.note(
        `${processes === 2 ? 'Two bot processes (shard 0, shard 1)' : 'One bot process (both shards)'} behind one REST proxy, one Postgres: a digest to ${CHANNELS} channels, global limit ${DISCORD_GLOBAL_PER_SECOND}/s`,
      );
      const result = await run(postgres, processes);
      const name = `instances_${processes}proc`;
      report.add({ metric: `${name}_delivery_seconds`, value: result.seconds, unit: 's' });
      report.add({ metric: `${name}_floor_seconds`, value: floor, unit: 's' });
      report.add({ metric: `${name}_vs_floor`, value: result.seconds / floor, unit: 'x', target: '<= 1.1' });
      report.add({ metric: `${name}_429s_past_first`, value: result.pastFirst, unit: 'count', target: '0' });
      report.add({ metric: `${name}_429s`, value: result.hits, unit: 'count' });
      report.add({
        metric: `${name}_messages_created`,
        value: result.creates,
        unit: 'count',
        target: String(CHANNELS),
      });
      report.add({
        metric: `${name}_channels_with_two`,
        value: result.duplicated,
        unit: 'count',
        target: '0',
      });
      // Other requests (a channel read) spend the same global budget: the floor for all of them.
      const allFloor = result.requests / DISCORD_GLOBAL_PER_SECOND;
      report.add({ metric: `${name}_requests`, value: result.requests, unit: 'count' });
      const others = [...result.others].map(([route, count]) => `${count} ${route}`).join(', ');
      if (others) report.note(`  besides the message creates: ${others}`);
      report.add({ metric: `${name}_vs_floor_of_all_requests`, value: result.seconds / allFloor, unit: 'x' });
      report.add({
        metric: `${name}_held_for_global_limit`,
        value: result.heldForGlobalLimit,
        unit: 'count',
      });
      report.add({ metric: `${name}_ledger_rows_written_seconds`, value: result.ledgerSeconds, unit: 's' });
    }
  } finally {
    await postgres.stop();
  }
}
