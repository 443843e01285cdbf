/**
 * A party's coverage over time: how many briefings mention it in each day or ISO week, beside the parties it is
 * most often named with. Pure: the caller reads the dates from the index.
 */
import { DateTime } from 'luxon';
import { COVERAGE_WEEKS, type CoverageDates } from '../../library/party-insight.js';

export type Bucket = 'day' | 'week';

/** One count per bucket, in the order of `CoverageSeries.starts`. */
export interface CoverageLine {
  name: string;
  counts: number[];
}

export interface CoverageSeries {
  party: string;
  bucket: Bucket;
  /** The first day (YYYY-MM-DD) of each bucket, oldest first; a week starts on its ISO Monday. */
  starts: string[];
  /** The party first, then up to 3 co-mentioned parties, most briefings first. */
  lines: CoverageLine[];
  /** Set when older buckets were dropped to keep the chart readable: briefings before this day are not counted. */
  clippedBefore?: string;
}

export type { CoverageDates };

export interface CoverageOptions {
  /** The first and last day the chart covers (e.g. the archive's), so quiet stretches at either end show. */
  from?: string;
  through?: string;
}

/** Spans up to this many days are counted by day; longer ones by ISO week. */
export const DAY_BUCKET_SPAN = 60;
/** At most this many weeks (three years) are drawn; beyond that the bars are too thin to read. */
export const MAX_WEEKS = COVERAGE_WEEKS;
export const MAX_CO_MENTIONED = 3;

const DAY_MS = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, by arithmetic: an archive has thousands of distinct days. */
function dayNumberOf(date: string): number {
  const match = ISO_DAY.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2025-02-30 over into March: a day that does not read back the same is not a date.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new Error(`coverage wants dates as YYYY-MM-DD, not ${JSON.stringify(date)}`);
  return Math.round(ms / DAY_MS);
}

/** Days since 1970-01-01: whole numbers, so bucket indexes are plain arithmetic. */
const epochDay = (day: DateTime) => Math.round(day.toMillis() / DAY_MS);
const dayOf = (epoch: number) => DateTime.fromMillis(epoch * DAY_MS, { zone: 'utc' }).toISODate()!;

/**
 * Counts each line's briefings per bucket. `lines[0]` is the party's own mentions; of the rest, the three with the
 * most briefings in the buckets shown are kept. Day buckets when the span is at most 60 days, else ISO weeks, of
 * which only the latest 156 are kept (`clippedBefore` says from when). No dates at all: no buckets.
 */
export function coverageSeries(
  party: string,
  lines: readonly CoverageDates[],
  options: CoverageOptions = {},
): CoverageSeries {
  // Many briefings share a day: each distinct date is parsed once.
  const parsed = new Map<string, number>();
  const dayNumber = (date: string) => {
    const known = parsed.get(date);
    if (known !== undefined) return known;
    const day = dayNumberOf(date);
    parsed.set(date, day);
    return day;
  };
  const days = lines.map((line) => line.dates.map(dayNumber));
  const bounds = [options.from, options.through].filter((date) => date !== undefined).map(dayNumber);
  const span = dayRange([...days, bounds]);
  const own = lines[0] ?? { name: party, dates: [] };
  if (!span) return { party, bucket: 'day', starts: [], lines: [{ name: own.name, counts: [] }] };

  let first = options.from ? dayNumber(options.from) : span.first;
  const last = options.through ? dayNumber(options.through) : span.last;
  if (first > last) throw new Error(`coverage from ${options.from} is after ${options.through}`);
  const bucket: Bucket = last - first <= DAY_BUCKET_SPAN ? 'day' : 'week';
  const size = bucket === 'day' ? 1 : 7;
  if (bucket === 'week')
    first = epochDay(DateTime.fromMillis(first * DAY_MS, { zone: 'utc' }).startOf('week'));

  let count = Math.floor((last - first) / size) + 1;
  let clippedBefore: string | undefined;
  if (bucket === 'week' && count > MAX_WEEKS) {
    first += (count - MAX_WEEKS) * size;
    count = MAX_WEEKS;
    clippedBefore = dayOf(first);
  }
  const starts = Array.from({ length: count }, (_, index) => dayOf(first + index * size));
  const counted = lines.map((line, index) => ({
    name: line.name,
    counts: countInBuckets(days[index]!, first, size, count),
  }));

  const [ownLine = { name: own.name, counts: new Array<number>(count).fill(0) }, ...others] = counted;
  const coMentioned = others
    .map((line) => ({ line, total: sum(line.counts) }))
    .sort((a, b) => b.total - a.total) // stable: equal totals keep the caller's order
    .slice(0, MAX_CO_MENTIONED)
    .map(({ line }) => line);
  return {
    party,
    bucket,
    starts,
    lines: [ownLine, ...coMentioned],
    ...(clippedBefore ? { clippedBefore } : {}),
  };
}

/** The earliest and latest day; a loop, not Math.min(...days), which overflows the stack on long archives. */
function dayRange(groups: readonly (readonly number[])[]): { first: number; last: number } | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const days of groups) {
    for (const day of days) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  return first <= last ? { first, last } : undefined;
}

function countInBuckets(days: readonly number[], first: number, size: number, count: number): number[] {
  const counts = new Array<number>(count).fill(0);
  for (const day of days) {
    const index = Math.floor((day - first) / size);
    // Outside the range shown: before the clip or the caller's `from`, after its `through`.
    if (index >= 0 && index < count) counts[index]!++;
  }
  return counts;
}

export function sum(counts: readonly number[]): number {
  let total = 0;
  for (const count of counts) total += count;
  return total;
}
