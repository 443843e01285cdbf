/**
 * The coverage chart's figures as text: a sentence a screen reader can read out, then a monospace table of the
 * counts per bucket, cut to the latest buckets when the whole would not fit in one Discord text display.
 */
import { formatDate, plural, titleLine } from '../format.js';
import { type CoverageLine, type CoverageSeries, sum } from './series.js';

/** A Discord text display holds 4,000 characters. */
export const TEXT_DISPLAY_MAX = 4_000;
/** Names in the sentence are cut to this, so four of them never crowd out the table. */
const SUMMARY_NAME_MAX = 100;
/** Column headings are cut to this, so four columns and the date fit a phone's code block. */
const COLUMN_NAME_MAX = 12;
const FENCE = '```';

export function coverageTable(series: CoverageSeries, maxChars: number = TEXT_DISPLAY_MAX): string {
  if (!series.starts.length) return `No briefings mention ${titleLine(series.party, SUMMARY_NAME_MAX)} yet.`;
  const lead = [summary(series), ...(series.clippedBefore ? [clippedNote(series)] : [])];
  const columns = widths(series);
  const header = headerRow(series, columns);
  const rows = series.starts.map((start, index) => row(series, columns, start, index));
  const build = (shown: number) => {
    const left = rows.length - shown;
    const note = left
      ? [
          `Latest ${shown} of ${plural(rows.length, series.bucket)} shown; ${plural(left, `earlier ${series.bucket}`)} left out.`,
        ]
      : [];
    return [...lead, ...note, `${FENCE}text`, header, ...rows.slice(left), FENCE].join('\n');
  };
  // Every row is the same width, so the count that fits is known up front; the note's digits may cost one less.
  const fixed = build(0).length;
  let shown = Math.min(rows.length, Math.max(0, Math.floor((maxChars - fixed) / (header.length + 1))));
  while (shown > 0 && build(shown).length > maxChars) shown--;
  return build(shown);
}

function summary(series: CoverageSeries): string {
  const [own, ...others] = series.lines as [CoverageLine, ...CoverageLine[]];
  const party = titleLine(series.party, SUMMARY_NAME_MAX);
  const total = sum(own.counts);
  const buckets = plural(series.starts.length, series.bucket);
  let text: string;
  if (!total) text = `${party}: no briefings in ${series.starts.length === 1 ? 'this' : 'these'} ${buckets}.`;
  else if (series.starts.length === 1) text = `${party}: ${counted(total, 'briefing')} ${when(series, 0)}.`;
  else {
    const busiest = latestMaximum(own.counts);
    text = `${party}: ${counted(total, 'briefing')} in ${buckets}, most ${when(series, busiest)} (${count(own.counts[busiest]!)}).`;
  }
  const named = others.filter((line) => sum(line.counts) > 0);
  if (total && named.length) {
    const list = named.map(
      (line) => `${titleLine(line.name, SUMMARY_NAME_MAX)} (${count(sum(line.counts))})`,
    );
    // Each companion's own briefings in these buckets (the lines beside the party's on the chart).
    text += ` Beside it, the parties it appears with most: ${list.join(', ')}.`;
  }
  return text;
}

function clippedNote(series: CoverageSeries): string {
  return `Only the latest ${plural(series.starts.length, series.bucket)} are counted, from ${formatDate(series.clippedBefore!)}; earlier briefings are left out.`;
}

/** "in the week of 8 Dec 2025" or "on 8 Dec 2025". */
function when(series: CoverageSeries, index: number): string {
  const date = formatDate(series.starts[index]!);
  return series.bucket === 'week' ? `in the week of ${date}` : `on ${date}`;
}

/** The busiest bucket; of equals, the most recent, which is the one a reader asks about. */
function latestMaximum(counts: readonly number[]): number {
  let best = 0;
  counts.forEach((value, index) => {
    if (value >= counts[best]!) best = index;
  });
  return best;
}

/** Each column as wide as its heading or its largest count; the date column as wide as the longest date. */
interface Widths {
  date: number;
  columns: number[];
}

function widths(series: CoverageSeries): Widths {
  const date = Math.max(
    dateHeading(series).length,
    ...series.starts.map((start) => formatDate(start).length),
  );
  const columns = series.lines.map((line) =>
    Math.max(columnName(line.name).length, ...line.counts.map((value) => count(value).length)),
  );
  return { date, columns };
}

function headerRow(series: CoverageSeries, { date, columns }: Widths): string {
  const names = series.lines.map((line, index) => columnName(line.name).padStart(columns[index]!));
  return [dateHeading(series).padEnd(date), ...names].join('  ');
}

function row(series: CoverageSeries, { date, columns }: Widths, start: string, index: number): string {
  const values = series.lines.map((line, column) => count(line.counts[index]!).padStart(columns[column]!));
  return [formatDate(start).padEnd(date), ...values].join('  ');
}

const dateHeading = (series: CoverageSeries) => (series.bucket === 'week' ? 'Week of' : 'Day');
/** A heading in a code block: one line, short, and no backtick that could close the block. */
const columnName = (name: string) => titleLine(name, COLUMN_NAME_MAX).replaceAll('`', 'ˋ');
const count = (value: number) => value.toLocaleString('en-US');
/** `plural` with thousands separated, as in the table. */
const counted = (value: number, word: string) => `${count(value)} ${value === 1 ? word : `${word}s`}`;
