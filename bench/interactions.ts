/**
 * Interaction latency: from INTERACTION_CREATE sent by the fake to the callback it receives, for the bot with
 * 10,000 briefings and, side by side, a bare discord.js bot that answers "pong". Each runs in its own process,
 * so resident memory after ready is measured per bot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeDiscord, startFakeDiscord } from '../tools/fake-discord/index.js';
import { BENCH_PARTIES, pick, random, writeBriefingFolder } from './generate.js';
import { BRIEFING_COUNT } from './library.js';
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
function readerMix(): Ask {
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
        return fake.command('briefing show', { id: `b${Math.floor(next() * BRIEFING_COUNT)}` });
      default:
        return fake.autocomplete('briefing party', { name: pick(next, ['ukr', 'rus', 'ind', 'zel']) });
    }
  };
}

export async function benchInteractions(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-bench-bot-'));
  // A generous deadline: on a busy 2-core machine a slow answer should be measured, not failed.
  const fake = await startFakeDiscord({ interactionDeadlineMs: 10_000 });
  try {
    await writeBriefingFolder(join(dir, 'briefings'), BRIEFING_COUNT);
    report.note(
      `Interactions: ${COMMANDS} commands each, bot with ${BRIEFING_COUNT} briefings vs a bare pong bot`,
    );

    const pong = startProcess(['bench/pong-process.ts', fake.apiUrl, fake.token]);
    let pongReady = false;
    pong.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('ready')) pongReady = true;
    });
    await until(() => pongReady, 'the pong bot');
    await new Promise((done) => setTimeout(done, 1_000));
    const pongMemory = await residentMiB(pong.pid!);
    await fake.command('ping');
    const pongTimes = await measure(fake, (f) => f.command('ping'));
    await stopProcess(pong);

    const bot = await startBotAgainst(fake, dir);
    await new Promise((done) => setTimeout(done, 1_000));
    const botMemory = await residentMiB(bot.pid!);
    const botTimes = await measure(fake, readerMix());
    await stopProcess(bot);

    const botP99 = percentile(botTimes, 99);
    const pongP99 = percentile(pongTimes, 99);
    report.add({ metric: 'interaction_pong_p50', value: percentile(pongTimes, 50), unit: 'ms' });
    report.add({ metric: 'interaction_pong_p99', value: pongP99, unit: 'ms' });
    report.add({ metric: 'interaction_bot_p50', value: percentile(botTimes, 50), unit: 'ms' });
    report.add({ metric: 'interaction_bot_p99', value: botP99, unit: 'ms', target: '< 20' });
    report.add({ metric: 'interaction_p99_vs_pong', value: botP99 / pongP99, unit: 'x', target: '< 1.5' });
    report.add({ metric: 'rss_pong_after_ready', value: pongMemory, unit: 'MiB' });
    report.add({ metric: 'rss_bot_after_ready', value: botMemory, unit: 'MiB' });
    const violations = fake.violations.length;
    report.add({ metric: 'interaction_violations', value: violations, unit: 'count', target: '0' });
  } finally {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}
