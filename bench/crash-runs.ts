/**
 * Exactly once under kill -9: 200 channels owe a digest when the bot starts; the bot process is killed with
 * SIGKILL while Discord (the fake) holds the answer to a message it has just created, at a random point of the
 * fan-out; then it is started again, either at once (Discord still remembers the nonces) or "six minutes later"
 * (the fake forgets every nonce and the new process's clock runs six minutes ahead). Each channel must end with
 * exactly one digest. Prints lost and duplicated digests per mode, over RUNS runs each.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDigestStore } from '../src/store/sqlite/digest-store.js';
import { briefingAbout, briefingFolder } from '../tools/briefing-files.js';
import { DEFAULT_IDS, type FakeDiscord } from '../tools/fake-discord/index.js';
import { subscribeChannels, utcTime } from '../tools/subscriptions.js';
import { channelIdsFor, fakeWithTextChannels } from './digest-channels.js';
import { startProcess, stopProcess, until } from './processes.js';
import type { Report } from './stats.js';

const CHANNELS = 200;
const RUNS = Number(process.env.BENCH_CRASH_RUNS ?? 10);
const SIX_MINUTES_MS = 6 * 60_000;

const channelIds = channelIdsFor('13900000000000', CHANNELS);

function isCreate(request: { method: string; path: string }): boolean {
  return request.method === 'POST' && /\/channels\/\d+\/messages$/.test(request.path);
}

/** 200 subscriptions whose fire came two minutes ago: the bot owes each a digest as soon as it starts. */
async function subscribeAll(databasePath: string): Promise<void> {
  const store = SqliteDigestStore.open(databasePath);
  const now = Date.now();
  const channels = channelIds.map((channelId) => ({ guildId: DEFAULT_IDS.guild, channelId }));
  await subscribeChannels(store, channels, utcTime(new Date(now - 2 * 60_000)), new Date(now - 86_400_000));
  await store.close();
}

function startBot(fake: FakeDiscord, briefingsDir: string, databasePath: string, aheadMs: number) {
  return startProcess(['--import', './bench/clock-ahead.ts', 'src/main.ts'], {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: DEFAULT_IDS.guild,
    BRIEFINGS_DIR: briefingsDir,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'error',
    BENCH_CLOCK_AHEAD_MS: String(aheadMs),
  });
}

/** Rows of the ledger still open (pending) or not yet written, read from outside the bot. */
function unfinished(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const done = db
      .prepare("SELECT count(*) AS n FROM deliveries WHERE status IN ('sent', 'unconfirmed', 'failed')")
      .get() as { n: number };
    return CHANNELS - done.n;
  } finally {
    db.close();
  }
}

interface RunResult {
  lost: number;
  duplicated: number;
  unconfirmed: number;
  killedAfter: number;
}

async function oneRun(afterWindow: boolean): Promise<RunResult> {
  const fake = await fakeWithTextChannels(channelIds);
  const root = await mkdtemp(join(tmpdir(), 'briefing-bench-crash-'));
  let briefingsDir: string | undefined;
  try {
    // Today's briefing: new for every channel.
    const today = new Date().toISOString().slice(0, 10);
    briefingsDir = await briefingFolder({ [`${today}-crash.md`]: briefingAbout('crash', today, 'Ukraine') });
    const databasePath = join(root, 'bot.sqlite');
    await subscribeAll(databasePath);

    // The k-th create's answer is held: the message exists, the bot has not heard of it, and then it dies.
    const killAt = 1 + Math.floor(Math.random() * (CHANNELS - 1));
    const hold = fake.pauseRoute(
      (request) => isCreate(request) && fake.requests.filter(isCreate).length >= killAt,
      {
        times: 1,
      },
    );
    const first = startBot(fake, briefingsDir, databasePath, 0);
    await hold.waitForHeld(1, 180_000);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    hold.release();

    if (afterWindow) fake.forgetNonces();
    const second = startBot(fake, briefingsDir, databasePath, afterWindow ? SIX_MINUTES_MS : 0);
    try {
      await until(() => unfinished(databasePath) === 0, 'every channel to have its digest recorded', 300_000);
    } finally {
      await stopProcess(second);
    }
    const db = new Database(databasePath, { readonly: true });
    const unconfirmed = (
      db.prepare("SELECT count(*) AS n FROM deliveries WHERE status = 'unconfirmed'").get() as { n: number }
    ).n;
    db.close();
    const counts = channelIds.map(
      (id) => fake.messages(id).filter((message) => message.author.id === DEFAULT_IDS.bot).length,
    );
    return {
      lost: counts.filter((count) => count === 0).length,
      duplicated: counts.filter((count) => count > 1).length,
      unconfirmed,
      killedAfter: killAt,
    };
  } finally {
    await fake.close();
    await rm(root, { recursive: true, force: true });
    if (briefingsDir) await rm(briefingsDir, { recursive: true, force: true });
  }
}

export async function benchCrashRuns(report: Report): Promise<void> {
  for (const afterWindow of [false, true]) {
    const mode = afterWindow ? 'after_window' : 'within_window';
    report.note(
      `kill -9 mid fan-out, ${CHANNELS} channels, restart ${afterWindow ? 'after Discord forgot the nonces (+6 min)' : 'at once'}: ${RUNS} runs`,
    );
    const results: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) results.push(await oneRun(afterWindow));
    const sum = (key: keyof RunResult) => results.reduce((total, result) => total + result[key], 0);
    report.note(`  killed after create #${results.map((result) => result.killedAfter).join(', #')}`);
    report.add({ metric: `crash_${mode}_lost`, value: sum('lost'), unit: 'digests', target: '0' });
    report.add({
      metric: `crash_${mode}_duplicated`,
      value: sum('duplicated'),
      unit: 'digests',
      target: '0',
    });
    report.add({
      metric: `crash_${mode}_unconfirmed`,
      value: sum('unconfirmed'),
      unit: 'digests',
      target: '0',
    });
  }
}
