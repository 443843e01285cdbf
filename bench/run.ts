/**
 * `npm run bench [-- --json] [-- --only archive|interactions|concurrency|digest|crash|instances|insight]
 * [-- --size N] [-- --cpu-prof]`: prints the figures the targets are judged by. `--size N` (default 10000): how
 * many generated briefings the archive, interactions and insight (party stance, coverage, chart, appears-with,
 * versus) suites run on; `--cpu-prof`: CPU profiles of the archive suite's child processes. `library` is another
 * name for `archive`. `instances`: a digest to 1,000 channels from two bot processes, then one, behind the REST
 * proxy on one Postgres, under the global limit.
 */
import { benchArchive } from './archive.js';
import { benchConcurrency } from './concurrency.js';
import { benchCrashRuns } from './crash-runs.js';
import { benchDigest } from './digest.js';
import { BRIEFING_COUNT } from './generate.js';
import { benchInteractions } from './interactions.js';
import { Report } from './stats.js';

const json = process.argv.includes('--json');
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = argument('--only') === 'library' ? 'archive' : argument('--only');
const size = Number(argument('--size') ?? BRIEFING_COUNT);
if (!Number.isInteger(size) || size < 1)
  throw new Error(`--size wants a whole number of briefings, not ${argument('--size')}`);
const cpuProf = process.argv.includes('--cpu-prof');
const report = new Report(json);

const suites: Record<string, (report: Report) => Promise<void>> = {
  archive: (report) => benchArchive(report, { size, cpuProf }),
  interactions: (report) => benchInteractions(report, size),
  concurrency: benchConcurrency,
  digest: benchDigest,
  crash: benchCrashRuns,
  instances: async (report) => (await import('./instances.js')).benchInstances(report),
  stance: async (report) => (await import('./stance.js')).benchStance(report),
  chart: async (report) => (await import('./coverage-chart.js')).benchCoverageChart(report),
  insight: async (report) => (await import('./party-insight.js')).benchPartyInsight(report, size),
};
if (only && !(only in suites)) throw new Error(`no suite "${only}": ${Object.keys(suites).join(', ')}`);

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run(report);
}
