/**
 * `npm run bench [-- --json] [-- --only library|interactions|concurrency|digest|crash]`: prints the figures the targets
 * are judged by.
 */
import { benchConcurrency } from './concurrency.js';
import { benchCrashRuns } from './crash-runs.js';
import { benchDigest } from './digest.js';
import { benchInteractions } from './interactions.js';
import { benchLibrary } from './library.js';
import { Report } from './stats.js';

const json = process.argv.includes('--json');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const report = new Report(json);

const suites: Record<string, (report: Report) => Promise<void>> = {
  library: benchLibrary,
  interactions: benchInteractions,
  concurrency: benchConcurrency,
  digest: benchDigest,
  crash: benchCrashRuns,
};

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run(report);
}

// Memory target: the bot within 1.5x of the bare bot plus the index it holds.
const value = (name: string) => report.metrics.find((metric) => metric.metric === name)?.value;
const [bot, pong, index] = [
  value('rss_bot_after_ready'),
  value('rss_pong_after_ready'),
  value('index_heap_10k'),
];
if (bot !== undefined && pong !== undefined && index !== undefined) {
  report.add({
    metric: 'rss_bot_vs_pong_plus_index',
    value: bot / (pong + index),
    unit: 'x',
    target: '< 1.5',
  });
}
