/**
 * Several shards on one machine: discord.js's ShardingManager spawns the bot's entry once per shard, each a process
 * with SHARDS and SHARD_COUNT in its environment. The shard count is the one given, else Discord's recommendation
 * (asked of DISCORD_API_URL, which discord.js's own lookup would not use). Children read no terminal: their output
 * comes back through here a line at a time, scrubbed again; signals are the manager's to pass on.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import type { Logger } from '../log.js';

/** Discord lets one shard of a rate-limit bucket identify every 5 s; discord.js's own spacing between spawns. */
const SPAWN_SPACING_MS = 5_500;
/** How long a shard may take from spawn to its gateway READY before start-up gives up. */
const SHARD_READY_TIMEOUT_MS = 90_000;
/** How long the shards get to shut down (each keeps a 5 s deadline of its own) before they are killed. */
const STOP_DEADLINE_MS = 8_000;

export interface ShardEntry {
  /** The script each shard runs. */
  file: string;
  /** Node flags for it (tsx's loader when it is TypeScript). */
  execArgv: string[];
}

export interface ShardsOptions {
  token: string;
  apiUrl?: string;
  /** Every shard across every machine (SHARD_COUNT); absent: Discord's recommendation. */
  shardCount?: number;
  /** The shards this machine runs (SHARD_IDS); absent: all of them. */
  shardIds?: readonly number[];
  entry: ShardEntry;
  log: Logger;
  /** Where the shards' own lines go (scrubbed of secrets by the caller). */
  writeOut(line: string): void;
  writeErr(line: string): void;
}

/** What Discord says about the bot's gateway: the recommended shard count and how many may identify at once. */
async function gatewayInfo(options: ShardsOptions): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

function forwardLines(stream: Readable | null | undefined, write: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', write);
}

function exited(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const alive = (child: ChildProcess | null): child is ChildProcess =>
  child !== null && child.exitCode === null && child.signalCode === null;

/** The shards this machine runs: started once, stopped once (stop() may come while they are still starting). */
export class LocalShards {
  private manager: ShardingManager | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: ShardsOptions) {}

  /** Resolves once every shard of this machine has reached the gateway's READY; rejects if one could not. */
  async start(): Promise<{ totalShards: number; shardIds: number[] }> {
    const { options } = this;
    const gateway = await gatewayInfo(options);
    const totalShards = options.shardCount ?? gateway.shards;
    const shardIds = options.shardIds ? [...options.shardIds] : [...Array(totalShards).keys()];
    const outside = shardIds.filter((id) => id >= totalShards);
    if (outside.length > 0) {
      throw new Error(
        `SHARD_IDS names shard ${outside.join(', ')}, but there are ${totalShards} shard(s) in all (SHARD_COUNT)`,
      );
    }
    if (this.stopping) return { totalShards, shardIds };
    // Shards in different identify buckets (id % max_concurrency) need not wait for each other.
    const spacing = gateway.session_start_limit.max_concurrency >= shardIds.length ? 0 : SPAWN_SPACING_MS;
    const manager = new ShardingManager(options.entry.file, {
      totalShards,
      shardList: shardIds,
      token: options.token,
      execArgv: options.entry.execArgv,
      silent: true,
      // Off while starting: a shard that cannot start stops start-up rather than being spawned again and again.
      respawn: false,
    });
    this.manager = manager;
    manager.on('shardCreate', (shard: Shard) => this.follow(shard));
    options.log.info({ totalShards, shards: shardIds, recommended: gateway.shards }, 'starting shards');
    await manager.spawn({ amount: totalShards, delay: spacing, timeout: SHARD_READY_TIMEOUT_MS });
    // Running: a shard that dies from now on is started again.
    if (!this.stopping) manager.respawn = true;
    return { totalShards, shardIds };
  }

  /** Stops respawning and asks every shard to shut down (SIGTERM); resolves once all have exited. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const manager = this.manager;
    if (!manager) return;
    manager.respawn = false;
    const processes = () => manager.shards.map((shard) => shard.process).filter(alive);
    const deadline = setTimeout(() => {
      this.options.log.warn('shards took too long to stop; killing them');
      for (const child of processes()) child.kill('SIGKILL');
    }, STOP_DEADLINE_MS);
    for (let running = processes(); running.length > 0; running = processes()) {
      for (const child of running) child.kill('SIGTERM');
      await Promise.all(running.map(exited));
    }
    clearTimeout(deadline);
  }

  private follow(shard: Shard): void {
    const { log, writeOut, writeErr } = this.options;
    // Process mode: each shard is a child process.
    shard.on('spawn', (spawned) => {
      const child = spawned as ChildProcess;
      forwardLines(child.stdout, writeOut);
      forwardLines(child.stderr, writeErr);
      log.info({ shard: shard.id, pid: child.pid }, 'shard started');
      // Spawned while stopping (the manager was between two shards): it goes at once.
      if (this.stopping) child.kill('SIGTERM');
    });
    shard.on('ready', () => log.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (died) => {
      const child = died as ChildProcess;
      const fields = { shard: shard.id, code: child.exitCode, signal: child.signalCode };
      if (this.stopping) log.info(fields, 'shard exited');
      else log.warn(fields, 'shard exited');
    });
    // A respawn that failed; without a listener the manager would throw it.
    shard.on('error', (error: unknown) => log.error({ err: error, shard: shard.id }, 'shard error'));
  }
}
