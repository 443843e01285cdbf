/** Percentiles and the two ways figures are printed: a table for people, one JSON object a line for scripts. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  /** Target, printed beside the figure. */
  target?: string;
  /** The bare bot's figure (same unit), printed beside this one where it applies. */
  bare?: number;
}

/** Times `run` `times` times and returns the sorted durations in milliseconds. */
export function sample(times: number, run: (index: number) => void): number[] {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    run(index);
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export class Report {
  readonly metrics: Metric[] = [];

  constructor(private readonly json: boolean) {}

  add(metric: Metric): void {
    const rounded = {
      ...metric,
      value: round(metric.value),
      ...(metric.bare === undefined ? {} : { bare: round(metric.bare) }),
    };
    this.metrics.push(rounded);
    if (this.json) {
      const { metric: name, value, unit, bare } = rounded;
      process.stdout.write(
        `${JSON.stringify({ metric: name, value, unit, ...(bare === undefined ? {} : { bare }) })}\n`,
      );
    } else {
      const target = metric.target ? `  (target ${metric.target})` : '';
      const bare = rounded.bare === undefined ? '' : `  [bare bot ${rounded.bare} ${rounded.unit}]`;
      process.stdout.write(
        `${rounded.metric.padEnd(44)} ${String(rounded.value).padStart(10)} ${rounded.unit}${target}${bare}\n`,
      );
    }
  }

  note(text: string): void {
    if (!this.json) process.stdout.write(`\n${text}\n`);
  }
}
