/**
 * Several bot processes on one Postgres and one fake Discord, as a big deployment runs them: each its own
 * `node dist/main.js` with its shards and instance name. For the tests that kill them and count what was posted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FAKE_TOKEN, type FakeDiscord } from '../../tools/fake-discord/index.js';
import { entryArgs } from './processes.js';

const root = resolve(import.meta.dirname, '../..');

export interface InstanceSpec {
  /** INSTANCE_NAME: the name its claims carry. */
  name: string;
  /** SHARD_IDS, of SHARD_COUNT. */
  shards: number[];
  shardCount: number;
}

export interface BotInstance extends InstanceSpec {
  process: ChildProcess;
  /** Everything it wrote, stdout and stderr (JSON log lines). */
  logs(): string;
  /** Resolves with the exit code (null when killed by a signal) once its pipes have closed. */
  closed: Promise<number | null>;
}

export interface InstanceWorld {
  fake: FakeDiscord;
  databaseUrl: string;
  briefingsDir: string;
  /** Seconds a digest's hold lasts (DIGEST_LEASE_SECONDS). */
  leaseSeconds: number;
}

/** Starts one bot process of the deployment. */
export async function startInstance(world: InstanceWorld, spec: InstanceSpec): Promise<BotInstance> {
  // The archive index is per machine: each process gets its own, as on separate hosts.
  const data = await mkdtemp(join(tmpdir(), `instance-${spec.name}-`));
  const child = spawn(process.execPath, entryArgs('main'), {
    cwd: root,
    env: {
      ...process.env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: world.fake.apiUrl,
      DATABASE_URL: world.databaseUrl,
      DATABASE_PATH: join(data, 'unused.sqlite'),
      BRIEFINGS_DIR: world.briefingsDir,
      SHARD_COUNT: String(spec.shardCount),
      SHARD_IDS: spec.shards.join(','),
      INSTANCE_NAME: spec.name,
      DIGEST_LEASE_SECONDS: String(world.leaseSeconds),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout?.on('data', (chunk) => (logs += chunk));
  child.stderr?.on('data', (chunk) => (logs += chunk));
  const closed = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  return { ...spec, process: child, logs: () => logs, closed };
}

/** Ends the process at once, as a crash or a pulled plug would (kill -9), and waits for it to be gone. */
export async function killHard(instance: BotInstance): Promise<void> {
  if (instance.process.exitCode === null && instance.process.signalCode === null)
    instance.process.kill('SIGKILL');
  await instance.closed;
}

/** The bot's message creates in a channel, by the instance named in their user agent. */
export function createsIn(fake: FakeDiscord, channelId: string) {
  return fake.requests.filter(
    (request) =>
      request.method === 'POST' &&
      request.path === `/channels/${channelId}/messages` &&
      request.status === 200,
  );
}
