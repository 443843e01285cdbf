/**
 * The party insight (src/library/party-insight.ts) on a generated folder of 10,000 briefings (`--size N`: N), in
 * one process on an index built once: where a party stands (its stance card), its coverage series, the chart drawn
 * from it, the parties it appears with, and two parties compared.
 *
 * Each question is timed twice: new (`_new`: a new index generation before each, untimed, so the library
 * remembers no answer and the reader no parsed briefing: the first question after the index changed, the worst
 * a reader meets) and warm (`_warm`: asked again at once, as page and view buttons ask it; the stance card and
 * appears-with are then remembered answers, coverage and versus are worked out again on warm caches). The chart's
 * PNG render is timed apart from the series it draws, and its size given. What the stance cards hold is counted:
 * the generated sentences ("Russia warned India … officials said") may carry no stance verb.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Library } from '../src/library/library.js';
import { LiveLibrary } from '../src/library/live-library.js';
import { createLogger } from '../src/log.js';
import { STANCE_KINDS } from '../src/party/stance/model.js';
import { coverageChartPng, coverageSeriesOf } from '../src/render/coverage-reply.js';
import { BENCH_PARTIES, writeBriefingFolder } from './generate.js';
import { percentile, type Report } from './stats.js';

/** Rounds over every party of BENCH_PARTIES, each question new, then warm. */
const ROUNDS = 5;
/** Chart renders are slower: every party twice. */
const CHART_ROUNDS = 2;
const TARGETS = { stanceMs: 20, coverageMs: 50 };

function label(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

/** Times `run` once per item, `before` (untimed) first each time; sorted wall times in ms. */
function timeEach<T>(items: readonly T[], run: (item: T) => unknown, before?: () => void): number[] {
  const wall: number[] = [];
  for (const item of items) {
    before?.();
    const start = performance.now();
    run(item);
    wall.push(performance.now() - start);
  }
  return wall.sort((a, b) => a - b);
}

/** Every party, `rounds` times over. */
const rounds = <T>(items: readonly T[], times: number): T[] =>
  Array.from({ length: times }, () => items).flat();

export async function benchPartyInsight(report: Report, size: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'briefing-bench-insight-'));
  const dir = join(root, 'briefings');
  try {
    const start = performance.now();
    await writeBriefingFolder(dir, size);
    const live = await LiveLibrary.load(dir, createLogger({ level: 'warn' }), {
      indexPath: join(root, 'index.sqlite'),
    });
    try {
      const library = live.library();
      if (library.size !== size) throw new Error(`the library holds ${library.size} briefings, not ${size}`);
      report.note(
        `Party insight: ${size} generated briefings, indexed in ${((performance.now() - start) / 1000).toFixed(1)} s ` +
          `(written and first build); ${BENCH_PARTIES.length} parties, ${ROUNDS} rounds. _new: a new index ` +
          'generation before each question (nothing remembered); _warm: the same question again at once.',
      );
      measure(report, library, (metric) => `insight_${label(size)}_${metric}`);
      // Timings on a shared machine say little without how busy it was.
      const load = loadavg().map((value) => value.toFixed(2));
      report.note(`Machine: ${availableParallelism()} CPUs, load average ${load.join(' ')}`);
    } finally {
      await live.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function measure(report: Report, library: Library, name: (metric: string) => string): void {
  const anew = () => library.reader.wrote();
  const summary = (metric: string, durations: number[], target?: number) => {
    report.add({ metric: name(`${metric}_p50`), value: percentile(durations, 50), unit: 'ms' });
    report.add({
      metric: name(`${metric}_p99`),
      value: percentile(durations, 99),
      unit: 'ms',
      ...(target === undefined ? {} : { target: `< ${target} ms` }),
    });
  };
  /** New, then warm: each question asked right after itself asked new (so the warm one may be remembered). */
  const newAndWarm = (
    metric: string,
    items: readonly string[],
    run: (item: string) => unknown,
    target?: number,
  ) => {
    const fresh: number[] = [];
    const warm: number[] = [];
    for (const item of items) {
      fresh.push(...timeEach([item], run, anew));
      warm.push(...timeEach([item], run));
    }
    summary(
      `${metric}_new`,
      fresh.sort((a, b) => a - b),
      target,
    );
    summary(
      `${metric}_warm`,
      warm.sort((a, b) => a - b),
      target,
    );
  };

  // Untimed warm-up: the stance classifier's model loads on first use, the chart's fonts on the first render.
  const first = BENCH_PARTIES[0]!;
  library.partyStance(first);
  coverageChartPng(coverageSeriesOf(library.partyCoverage(first)!));
  library.appearsWith(first);
  library.partyVersus(first, BENCH_PARTIES[1]!);

  const parties = rounds(BENCH_PARTIES, ROUNDS);
  newAndWarm('stance', parties, (party) => library.partyStance(party), TARGETS.stanceMs);
  const coverage = (party: string) => coverageSeriesOf(library.partyCoverage(party)!);
  newAndWarm('coverage_series', parties, coverage, TARGETS.coverageMs);
  // Of which: the index's part (the dates of the party and its three companions) and the counting per bucket.
  summary(
    'coverage_query_warm',
    timeEach(BENCH_PARTIES, (party) => library.partyCoverage(party)),
  );
  const answers = BENCH_PARTIES.map((party) => library.partyCoverage(party)!);
  summary('coverage_bucketing_warm', timeEach(answers, coverageSeriesOf));
  newAndWarm('appears_with', parties, (party) => library.appearsWith(party));
  // Each party against the next one in the list (and the last against the first): every party on both sides.
  const pairs = BENCH_PARTIES.map(
    (party, index) => `${party}\u0000${BENCH_PARTIES[(index + 1) % BENCH_PARTIES.length]}`,
  );
  const versus = (pair: string) => {
    const [a = '', b = ''] = pair.split('\u0000');
    return library.partyVersus(a, b);
  };
  newAndWarm('versus', rounds(pairs, ROUNDS), versus);

  // The chart alone, from series worked out beforehand.
  const series = new Map(BENCH_PARTIES.map((party) => [party, coverage(party)]));
  const sizes: number[] = [];
  const render = (party: string) => sizes.push(coverageChartPng(series.get(party)!).length);
  summary('chart_png_render', timeEach(rounds(BENCH_PARTIES, CHART_ROUNDS), render));
  sizes.sort((a, b) => a - b);
  report.add({ metric: name('chart_png_size_p50'), value: percentile(sizes, 50) / 1024, unit: 'KiB' });
  report.add({ metric: name('chart_png_size_max'), value: sizes.at(-1)! / 1024, unit: 'KiB' });
  const buckets = [...series.values()][0]!;
  report.note(
    `Coverage series: ${buckets.starts.length} ${buckets.bucket} buckets` +
      (buckets.clippedBefore ? ` (from ${buckets.clippedBefore}; earlier briefings left out)` : ''),
  );

  // What the stance cards hold: the generated prose has few stance verbs, so a card may be empty.
  const counts = Object.fromEntries(STANCE_KINDS.map((kind) => [kind, 0])) as Record<string, number>;
  const empty: string[] = [];
  let read = 0;
  for (const party of BENCH_PARTIES) {
    const stance = library.partyStance(party);
    if (!stance) continue;
    read += stance.read;
    const items = STANCE_KINDS.map((kind) => stance.card[kind].length);
    STANCE_KINDS.forEach((kind, index) => {
      counts[kind]! += items[index]!;
    });
    if (items.every((count) => count === 0)) empty.push(party);
  }
  for (const kind of STANCE_KINDS)
    report.add({ metric: name(`stance_items_${kind}`), value: counts[kind]!, unit: 'items' });
  report.add({ metric: name('stance_cards_empty'), value: empty.length, unit: 'parties' });
  if (empty.length) report.note(`Empty stance cards: ${empty.join(', ')}`);
  report.add({
    metric: name('stance_briefings_read'),
    value: read / BENCH_PARTIES.length,
    unit: 'avg/party',
  });
  const versusTotal = pairs.map((pair) => versus(pair)?.total ?? 0);
  report.add({
    metric: name('versus_briefings_naming_both'),
    value: versusTotal.reduce((a, b) => a + b, 0) / pairs.length,
    unit: 'avg/pair',
  });
}
