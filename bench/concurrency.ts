/**
 * A burst of questions at once: 100 mixed questions (party about a known party, party about a name in no
 * registry, search, show, autocomplete) sent together to the bot with 10,000 briefings, through the fake Discord.
 * Each must get its first response (reply, deferral or choices) within Discord's 3 s, and its answer soon after.
 * Every question is a new one (no answer the library remembers), after a first burst that warms the bot up.
 * Then, one at a time, the costliest questions: names in no registry that nearly every statement holds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeDiscord, startFakeDiscord } from '../tools/fake-discord/index.js';
import {
  BENCH_PARTIES,
  BRIEFING_COUNT,
  benchEverywhereNames,
  benchSearches,
  benchUnknownNames,
  writeBriefingFolder,
} from './generate.js';
import { startBotAgainst, type startProcess, stopProcess } from './processes.js';
import { percentile, type Report } from './stats.js';

const BURST = 100;
const KINDS = ['party known', 'party unknown', 'search', 'show', 'autocomplete'] as const;
type Kind = (typeof KINDS)[number];

interface Timing {
  kind: Kind;
  what: string;
  /** From sending to the first response Discord would accept (reply, deferral, choices). */
  firstMs: number;
  /** From sending to the answer the reader sees (after a deferral: its edit). */
  answerMs: number;
  deferred: boolean;
}

async function ask(fake: FakeDiscord, kind: Kind, what: string): Promise<Timing> {
  const start = performance.now();
  const exchange =
    kind === 'autocomplete'
      ? await fake.autocomplete('briefing party', { name: what })
      : kind === 'search'
        ? await fake.command('briefing search', { query: what })
        : kind === 'show'
          ? await fake.command('briefing show', { id: what })
          : await fake.command('briefing party', { name: what });
  const firstMs = performance.now() - start;
  const deferred = exchange.callback.type === 5;
  if (kind !== 'autocomplete') await exchange.answer(10_000);
  return { kind, what, firstMs, answerMs: performance.now() - start, deferred };
}

/** The burst's questions, `round` making each one new. */
function questions(round: number): { kind: Kind; what: string }[] {
  const per = BURST / KINDS.length;
  const unknown = benchUnknownNames(per, round * per);
  const searches = benchSearches(per, round * per);
  return Array.from({ length: BURST }, (_, index) => {
    const kind = KINDS[index % KINDS.length]!;
    const n = Math.floor(index / KINDS.length);
    switch (kind) {
      case 'party known':
        return { kind, what: BENCH_PARTIES[(n + round * per) % BENCH_PARTIES.length]! };
      case 'party unknown':
        return { kind, what: unknown[n]! };
      case 'search':
        return { kind, what: searches[n]! };
      case 'show':
        return { kind, what: `b${(n * 487 + round * 7919) % BRIEFING_COUNT}` };
      default:
        return { kind, what: ['ukr', 'rus', 'ind', 'zel', 'pak', 'ger', 'bra'][(n + round) % 7]! };
    }
  });
}

async function burst(fake: FakeDiscord, round: number): Promise<Timing[]> {
  return Promise.all(questions(round).map(({ kind, what }) => ask(fake, kind, what)));
}

export async function benchConcurrency(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-bench-burst-'));
  // A generous deadline: a question later than Discord's 3 s is measured and counted, not failed.
  const fake = await startFakeDiscord({ interactionDeadlineMs: 10_000 });
  const bot = { process: undefined as ReturnType<typeof startProcess> | undefined };
  try {
    await writeBriefingFolder(join(dir, 'briefings'), BRIEFING_COUNT);
    report.note(`Concurrency: ${BURST} mixed questions at once, bot with ${BRIEFING_COUNT} briefings`);
    bot.process = await startBotAgainst(fake, dir);
    await burst(fake, 0);
    const timings = await burst(fake, 1);

    const answers = timings.map((timing) => timing.answerMs).sort((a, b) => a - b);
    const firsts = timings.map((timing) => timing.firstMs).sort((a, b) => a - b);
    const slowest = timings.reduce((worst, timing) => (timing.answerMs > worst.answerMs ? timing : worst));
    report.add({ metric: 'burst_first_response_p50', value: percentile(firsts, 50), unit: 'ms' });
    report.add({
      metric: 'burst_first_response_max',
      value: firsts.at(-1)!,
      unit: 'ms',
      target: '< 3000',
    });
    report.add({ metric: 'burst_answer_p50', value: percentile(answers, 50), unit: 'ms' });
    report.add({ metric: 'burst_answer_p99', value: percentile(answers, 99), unit: 'ms' });
    report.add({ metric: 'burst_answer_max', value: slowest.answerMs, unit: 'ms', target: '< 3000' });
    report.note(`  slowest: ${slowest.kind} "${slowest.what}", ${Math.round(slowest.answerMs)} ms`);
    for (const kind of KINDS) {
      const ofKind = timings
        .filter((timing) => timing.kind === kind)
        .map((timing) => timing.answerMs)
        .sort((a, b) => a - b);
      report.add({
        metric: `burst_${kind.replace(' ', '_')}_p50`,
        value: percentile(ofKind, 50),
        unit: 'ms',
      });
    }
    const late = timings.filter((timing) => timing.answerMs >= 3_000).length;
    report.add({ metric: 'burst_answered_after_3s', value: late, unit: 'count', target: '0' });
    const deferred = timings.filter((timing) => timing.deferred).length;
    report.add({ metric: 'burst_deferred', value: deferred, unit: 'count' });

    const everywhere: number[] = [];
    for (const name of benchEverywhereNames())
      everywhere.push((await ask(fake, 'party unknown', name)).answerMs);
    everywhere.sort((a, b) => a - b);
    report.add({ metric: 'one_party_unknown_everywhere_p50', value: percentile(everywhere, 50), unit: 'ms' });
    report.add({ metric: 'one_party_unknown_everywhere_p99', value: percentile(everywhere, 99), unit: 'ms' });
    report.add({ metric: 'burst_violations', value: fake.violations.length, unit: 'count', target: '0' });
  } finally {
    if (bot.process) await stopProcess(bot.process);
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}
