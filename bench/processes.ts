/** Bot processes for benchmarks: started with node + tsx like `npm start`, measured from outside. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { commandDefinitions } from '../src/commands/index.js';
import { DEFAULT_IDS, type FakeDiscord } from '../tools/fake-discord/index.js';
import type { ArchiveProcessResult } from './archive-process.js';

export const ROOT = resolve(import.meta.dirname, '..');

/** `nodeArgs`: node's own flags (`--expose-gc`, `--cpu-prof`), before tsx is imported. */
export function startProcess(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resident memory of a process, in MiB, from /proc. */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 6_000);
  await exited;
  clearTimeout(timer);
}

export async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * Runs bench/archive-process.ts (one start of the archive index in a fresh process) and returns what it printed,
 * with the process's wall time from spawn to exit.
 */
export async function runArchiveProcess(
  args: string[],
  nodeArgs: string[] = [],
): Promise<{ result: ArchiveProcessResult; wallMs: number }> {
  const start = performance.now();
  const child = startProcess(['bench/archive-process.ts', ...args], {}, ['--expose-gc', ...nodeArgs]);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  const wallMs = performance.now() - start;
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`archive-process ${args.join(' ')} exited with ${code}: ${stdout.trim()}`);
  return { result: JSON.parse(line) as ArchiveProcessResult, wallMs };
}

/** Where startBotAgainst's bot keeps its archive index: in `dir`, beside its database. */
export const botIndexPath = (dir: string) => join(dir, 'index.sqlite');

/**
 * The bot, as `npm start` runs it, against the fake with the briefings in `dir/briefings`; ready once its commands
 * are registered. Its archive index is brought up to date first, in a process of its own, so the bot starts as it
 * restarts (nothing to read) and is measured answering, not building its index.
 */
export async function startBotAgainst(fake: FakeDiscord, dir: string): Promise<ChildProcess> {
  await runArchiveProcess([join(dir, 'briefings'), botIndexPath(dir)]);
  const bot = startProcess(['src/main.ts'], {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: DEFAULT_IDS.guild,
    BRIEFINGS_DIR: join(dir, 'briefings'),
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    INDEX_PATH: botIndexPath(dir),
    LOG_LEVEL: 'warn',
  });
  await until(
    () => fake.commands(DEFAULT_IDS.guild).length === commandDefinitions().length,
    'the bot to register its commands',
    120_000,
  );
  return bot;
}
