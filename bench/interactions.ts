/**
 * Interaction latency: from INTERACTION_CREATE sent by the fake to the callback it receives, for the bot with
 * 10,000 briefings (`--size N`: N) and, side by side, a bare discord.js bot that answers "pong". Each runs in its
 * own process, so resident memory after ready is measured per bot. The bot's archive index is built before it
 * starts (processes.ts, startBotAgainst): it is measured answering, not indexing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeDiscord, startFakeDiscord } from '../tools/fake-discord/index.js';
import { BENCH_PARTIES, BRIEFING_COUNT, pick, random, writeBriefingFolder } from './generate.js';
import { residentMiB, startBotAgainst, startProcess, stopProcess, until } from './processes.js';
import { percentile, type Report } from './stats.js';

const COMMANDS = 2_000;
const WARM_UP = 200;

type Ask = (fake: FakeDiscord, index: number) => Promise<unknown>;

async function measure(fake: FakeDiscord, ask: Ask): Promise<number[]> {
  for (let index = 0; index < WARM_UP; index++) await ask(fake, index);
  const durations: number[] = [];
  const slow: string[] = [];
  for (let index = 0; index < COMMANDS; index++) {
    const start = performance.now();
    await ask(fake, index);
    const took = performance.now() - start;
    durations.push(took);
    if (took > 8 && process.env.BENCH_DEBUG) slow.push(`${index % 5}:${Math.round(took)}`);
  }
  if (slow.length) process.stderr.write(`slow: ${slow.join(' ')}\n`);
  return durations.sort((a, b) => a - b);
}

/** What readers ask most: the latest briefing, a party, a search, one briefing, an autocomplete. */
function readerMix(size: number): Ask {
  const next = random(7);
  return (fake, index) => {
    switch (index % 5) {
      case 0:
        return fake.command('briefing latest');
      case 1:
        return fake.command('briefing party', { name: pick(next, BENCH_PARTIES) });
      case 2:
        return fake.command('briefing search', { query: 'grain exports' });
      case 3:
        return fake.command('briefing show', { id: `b${Math.floor(next() * size)}` });
      default:
        return fake.autocomplete('briefing party', { name: pick(next, ['ukr', 'rus', 'ind', 'zel']) });
    }
  };
}

export interface InteractionFigures {
  botP99: number;
  pongP99: number;
}

export async function benchInteractions(report: Report, size = BRIEFING_COUNT): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-bench-bot-'));
  try {
    await writeBriefingFolder(join(dir, 'briefings'), size);
    await measureInteractions(report, dir, size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The bare bot, then the bot on `dir/briefings` (`size` briefings, generated; its index at `dir/index.sqlite`, made
 * or brought up to date first); `prefix` goes before every metric's name.
 */
export async function measureInteractions(
  report: Report,
  dir: string,
  size: number,
  prefix = '',
): Promise<InteractionFigures> {
  // A generous deadline: on a busy 2-core machine a slow answer should be measured, not failed.
  const fake = await startFakeDiscord({ interactionDeadlineMs: 10_000 });
  try {
    report.note(`Interactions: ${COMMANDS} commands each, bot with ${size} briefings vs a bare pong bot`);

    let pongMemory: number;
    let pongTimes: number[];
    const pong = startProcess(['bench/pong-process.ts', fake.apiUrl, fake.token]);
    try {
      let pongReady = false;
      pong.stdout?.on('data', (chunk) => {
        if (String(chunk).includes('ready')) pongReady = true;
      });
      await until(() => pongReady, 'the pong bot');
      await new Promise((done) => setTimeout(done, 1_000));
      pongMemory = await residentMiB(pong.pid!);
      await fake.command('ping');
      pongTimes = await measure(fake, (f) => f.command('ping'));
    } finally {
      await stopProcess(pong);
    }

    let botMemory: number;
    let botTimes: number[];
    const bot = await startBotAgainst(fake, dir);
    try {
      await new Promise((done) => setTimeout(done, 1_000));
      botMemory = await residentMiB(bot.pid!);
      botTimes = await measure(fake, readerMix(size));
    } finally {
      await stopProcess(bot);
    }

    const botP99 = percentile(botTimes, 99);
    const pongP99 = percentile(pongTimes, 99);
    const pongP50 = percentile(pongTimes, 50);
    report.add({ metric: `${prefix}interaction_pong_p50`, value: pongP50, unit: 'ms' });
    report.add({ metric: `${prefix}interaction_pong_p99`, value: pongP99, unit: 'ms' });
    report.add({
      metric: `${prefix}interaction_bot_p50`,
      value: percentile(botTimes, 50),
      unit: 'ms',
      bare: pongP50,
    });
    report.add({
      metric: `${prefix}interaction_bot_p99`,
      value: botP99,
      unit: 'ms',
      target: '< 20',
      bare: pongP99,
    });
    report.add({
      metric: `${prefix}interaction_p99_vs_pong`,
      value: botP99 / pongP99,
      unit: 'x',
      target: '<= 1.5',
    });
    report.add({ metric: `${prefix}rss_pong_after_ready`, value: pongMemory, unit: 'MiB' });
    report.add({ metric: `${prefix}rss_bot_after_ready`, value: botMemory, unit: 'MiB', bare: pongMemory });
    const violations = fake.violations.length;
    report.add({ metric: `${prefix}interaction_violations`, value: violations, unit: 'count', target: '0' });
    return { botP99, pongP99 };
  } finally {
    await fake.close();
  }
}
