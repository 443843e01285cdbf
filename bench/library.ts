/** Load + index of 10,000 briefings, then party report, search and autocomplete latencies. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBriefingFolder } from '../src/briefing/load.js';
import { Library } from '../src/library/library.js';
import { SearchIndex } from '../src/library/search-index.js';
import { loadPartyRegistry } from '../src/party/parties-file.js';
import { PartyIndex } from '../src/party/report-index.js';
import { renderPartyPage } from '../src/render/party.js';
import {
  BENCH_PARTIES,
  BENCH_QUERIES,
  benchUnknownNames,
  pick,
  random,
  writeBriefingFolder,
} from './generate.js';
import { percentile, type Report, sample } from './stats.js';

export const BRIEFING_COUNT = 10_000;
/** The reader a benchmark's answers are for: a snowflake, as page buttons carry it. */
const BENCH_OWNER = '223344556677889900';

export async function loadLibrary(dir: string): Promise<Library> {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  if (briefings.problems.length)
    throw new Error(`benchmark folder has problems: ${briefings.problems[0]?.message}`);
  return new Library(briefings.briefings, parties.registry);
}

export async function benchLibrary(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-bench-'));
  try {
    await writeBriefingFolder(dir, BRIEFING_COUNT);
    report.note(`Library: ${BRIEFING_COUNT} briefings`);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const library = await loadLibrary(dir);
    report.add({
      metric: 'load_and_index_10k',
      value: performance.now() - start,
      unit: 'ms',
      target: '< 1500',
    });
    if (gc) {
      gc();
      report.add({
        metric: 'index_heap_10k',
        value: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
        unit: 'MiB',
      });
    }
    if (library.size !== BRIEFING_COUNT) throw new Error(`loaded ${library.size} briefings`);

    const next = random(42);
    const summary = (name: string, durations: number[], target: string) => {
      report.add({ metric: `${name}_p50`, value: percentile(durations, 50), unit: 'ms' });
      report.add({ metric: `${name}_p99`, value: percentile(durations, 99), unit: 'ms', target });
    };
    // The library remembers recent answers; the indexes themselves are measured here, every question answered anew.
    const search = new SearchIndex(library.all());
    // As the library builds it: names in no registry are looked up in the full-text index.
    const parties = new PartyIndex(library.registry, library.all(), search);
    for (let i = 0; i < 200; i++) parties.report(pick(next, BENCH_PARTIES));
    summary(
      'party_report',
      sample(1000, () => parties.report(pick(next, BENCH_PARTIES))),
      '< 2',
    );
    // Names in no registry, each new: names no briefing holds, and rare words found in a few hundred statements.
    const unknown = benchUnknownNames(300);
    for (let i = 0; i < 100; i++) parties.report(unknown[i]!);
    summary(
      'party_report_unknown_name',
      sample(200, (i) => parties.report(unknown[100 + i]!)),
      '< 20',
    );
    // The worst case: a word in nearly every statement. The whole report (what `briefings party` prints)...
    summary(
      'party_report_unknown_everywhere',
      sample(20, () => parties.report('officials')),
      'none: the answer holds every statement',
    );
    // ...and the question as a reader asks it: the answer and its first page, each time anew.
    summary(
      'party_question_unknown_everywhere',
      sample(20, () => renderPartyPage(parties.answer('officials'), 1, BENCH_OWNER)),
      '< 20',
    );
    for (let i = 0; i < 200; i++) search.search(pick(next, BENCH_QUERIES), 100);
    summary(
      'search',
      sample(1000, () => search.search(pick(next, BENCH_QUERIES), 100)),
      '< 2',
    );
    search.close();
    const prefixes = ['', 'b1', 'ukr', 'india and', 'talks on gr', 'Zel', 'rus', 'pakistn'];
    for (let i = 0; i < 500; i++) {
      library.completeBriefings(pick(next, prefixes));
      library.completeParties(pick(next, prefixes));
    }
    summary(
      'autocomplete_briefing',
      sample(2000, () => library.completeBriefings(pick(next, prefixes))),
      '< 0.5',
    );
    summary(
      'autocomplete_party',
      sample(2000, () => library.completeParties(pick(next, prefixes))),
      '< 0.5',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
