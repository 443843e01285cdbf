/** Bot processes for benchmarks: started with node + tsx like `npm start`, measured from outside. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_IDS, type FakeDiscord } from '../tools/fake-discord/index.js';

export const ROOT = resolve(import.meta.dirname, '..');

export function startProcess(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
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

/** The bot, as `npm start` runs it, against the fake with the briefings in `dir`; ready once its commands are registered. */
export async function startBotAgainst(fake: FakeDiscord, dir: string): Promise<ChildProcess> {
  const bot = startProcess(['src/main.ts'], {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: DEFAULT_IDS.guild,
    BRIEFINGS_DIR: join(dir, 'briefings'),
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    LOG_LEVEL: 'warn',
  });
  await until(
    () => fake.commands(DEFAULT_IDS.guild).length === 2,
    'the bot to register its commands',
    120_000,
  );
  return bot;
}
