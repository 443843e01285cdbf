/**
 * The party coverage chart at its largest: 156 weeks, the party and three co-mentioned parties. Times building the
 * series from briefing dates, the SVG and the PNG, and gives the PNG's size (held under 1 MB by renderPng).
 */
import { coverageSvg } from '../src/render/coverage/chart-svg.js';
import { MAX_PNG_BYTES, renderPng } from '../src/render/coverage/png.js';
import { type CoverageDates, coverageSeries, MAX_WEEKS } from '../src/render/coverage/series.js';
import { coverageTable } from '../src/render/coverage/table.js';
import { percentile, type Report, sample } from './stats.js';

const DAY_MS = 86_400_000;

/** About 10,000 briefings over three years, the party in most, the others in fewer: counts that vary week to week. */
function briefingDates(): CoverageDates[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const first = Date.UTC(2023, 0, 2);
  const days = MAX_WEEKS * 7;
  const share = [0.6, 0.35, 0.2, 0.1];
  const lines = ['Russia', 'Ukraine', 'United States', 'European Union'].map((name) => ({
    name,
    dates: [] as string[],
  }));
  for (let day = 0; day < days; day++) {
    const date = new Date(first + day * DAY_MS).toISOString().slice(0, 10);
    const briefings = Math.round(3 + 8 * random());
    for (let briefing = 0; briefing < briefings; briefing++) {
      lines.forEach((line, index) => {
        if (random() < share[index]!) line.dates.push(date);
      });
    }
  }
  return lines;
}

function timings(report: Report, name: string, durations: number[]): void {
  report.add({ metric: `${name} p50`, value: percentile(durations, 50), unit: 'ms' });
  report.add({ metric: `${name} p99`, value: percentile(durations, 99), unit: 'ms' });
}

export async function benchCoverageChart(report: Report): Promise<void> {
  report.note(`Party coverage chart: ${MAX_WEEKS} weeks, 4 lines`);
  const dates = briefingDates();
  const series = coverageSeries('Russia', dates);
  const svg = coverageSvg(series);
  renderPng(svg); // the first render reads the fonts; the figures are for a warm process

  timings(
    report,
    'chart: series from briefing dates',
    sample(50, () => coverageSeries('Russia', dates)),
  );
  timings(
    report,
    'chart: SVG build',
    sample(200, () => coverageSvg(series)),
  );
  timings(
    report,
    'chart: PNG render',
    sample(30, () => renderPng(svg)),
  );
  timings(
    report,
    'chart: text table',
    sample(200, () => coverageTable(series)),
  );
  report.add({
    metric: 'chart: PNG size',
    value: renderPng(svg).length / 1024,
    unit: 'KiB',
    target: `< ${MAX_PNG_BYTES / 1000} kB`,
  });
  report.add({ metric: 'chart: SVG size', value: svg.length / 1024, unit: 'KiB' });
}
