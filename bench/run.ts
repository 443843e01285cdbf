/** `npm run bench [-- --json] [-- --only library]`: prints the figures the targets are judged by. */
import { benchLibrary } from './library.js';
import { Report } from './stats.js';

const json = process.argv.includes('--json');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const report = new Report(json);

const suites: Record<string, (report: Report) => Promise<void>> = {
  library: benchLibrary,
};

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run(report);
}
