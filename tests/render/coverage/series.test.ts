import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { coverageSeries, MAX_WEEKS } from '../../../src/render/coverage/series.js';

const party = (dates: string[]) => ({ name: 'Russia', dates });
const countAt = (series: ReturnType<typeof coverageSeries>, start: string, line = 0) =>
  series.lines[line]!.counts[series.starts.indexOf(start)];

describe('coverageSeries', () => {
  it('has no buckets when nothing mentions the party', () => {
    expect(coverageSeries('Russia', [])).toEqual({
      party: 'Russia',
      bucket: 'day',
      starts: [],
      lines: [{ name: 'Russia', counts: [] }],
    });
    expect(coverageSeries('Russia', [party([])]).starts).toEqual([]);
  });

  it('counts a single day, once per briefing', () => {
    const series = coverageSeries('Russia', [party(['2025-03-05', '2025-03-05'])]);
    expect(series).toEqual({
      party: 'Russia',
      bucket: 'day',
      starts: ['2025-03-05'],
      lines: [{ name: 'Russia', counts: [2] }],
    });
  });

  it('counts by day across a year boundary, with the days between at zero', () => {
    const series = coverageSeries('Russia', [
      party(['2026-01-02', '2025-12-30', '2026-01-02']),
      { name: 'Ukraine', dates: ['2025-12-31'] },
    ]);
    expect(series.bucket).toBe('day');
    expect(series.starts).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(series.lines).toEqual([
      { name: 'Russia', counts: [1, 0, 0, 2] },
      { name: 'Ukraine', counts: [0, 1, 0, 0] },
    ]);
    expect(series.clippedBefore).toBeUndefined();
  });

  it('counts by day up to a 60-day span and by week beyond', () => {
    const sixty = coverageSeries('Russia', [party(['2025-01-01', '2025-03-02'])]);
    expect(sixty.bucket).toBe('day');
    expect(sixty.starts).toHaveLength(61);
    expect(sixty.lines[0]!.counts.at(-1)).toBe(1);

    const sixtyOne = coverageSeries('Russia', [party(['2025-01-01', '2025-03-03'])]);
    expect(sixtyOne.bucket).toBe('week');
    // 2025-01-01 is a Wednesday in the ISO week that starts on Monday 2024-12-30.
    expect(sixtyOne.starts[0]).toBe('2024-12-30');
    expect(sixtyOne.starts.at(-1)).toBe('2025-03-03');
    expect(sixtyOne.lines[0]!.counts).toEqual([1, ...new Array(8).fill(0), 1]);
  });

  it('puts the days of ISO week 53 in one week that starts in December', () => {
    // 2020 has 53 ISO weeks: W53 runs Monday 2020-12-28 to Sunday 2021-01-03; 2021-W01 starts on 2021-01-04.
    const series = coverageSeries('Russia', [
      party(['2020-10-01', '2020-12-31', '2021-01-03', '2021-01-04']),
    ]);
    expect(series.bucket).toBe('week');
    expect(series.starts[0]).toBe('2020-09-28');
    expect(countAt(series, '2020-12-28')).toBe(2);
    expect(countAt(series, '2021-01-04')).toBe(1);
    expect(DateTime.fromISO('2020-12-28').weekNumber).toBe(53);
    for (const [index, start] of series.starts.entries()) {
      const day = DateTime.fromISO(start, { zone: 'utc' });
      expect(day.weekday).toBe(1);
      if (index)
        expect(day.diff(DateTime.fromISO(series.starts[index - 1]!, { zone: 'utc' }), 'days').days).toBe(7);
    }
  });

  it('keeps the latest 156 weeks and says from when', () => {
    const dates = ['2021-06-01', '2022-02-14', '2023-05-10', '2024-07-04', '2025-12-31'];
    const series = coverageSeries('Russia', [party(dates)]);
    expect(series.starts).toHaveLength(MAX_WEEKS);
    expect(series.starts.at(-1)).toBe('2025-12-29');
    expect(series.clippedBefore).toBe(series.starts[0]);
    expect(series.starts[0]).toBe('2023-01-09');
    // The two dates before the clip are left out; the others are counted where they fall.
    expect(series.lines[0]!.counts.reduce((a, b) => a + b)).toBe(3);
    expect(countAt(series, '2023-05-08')).toBe(1);
    expect(countAt(series, '2024-07-01')).toBe(1);
  });

  it('keeps the party first and the three co-mentioned parties with the most briefings, most first', () => {
    const day = (count: number) => new Array<string>(count).fill('2025-05-05');
    const series = coverageSeries('Russia', [
      party(day(1)),
      { name: 'Iran', dates: day(2) },
      { name: 'Ukraine', dates: day(9) },
      { name: 'China', dates: day(4) },
      { name: 'Belarus', dates: day(4) },
      { name: 'India', dates: day(3) },
    ]);
    expect(series.lines.map((line) => [line.name, line.counts[0]])).toEqual([
      ['Russia', 1],
      ['Ukraine', 9],
      ['China', 4],
      ['Belarus', 4],
    ]);
  });

  it('covers the whole range asked for, zeros where the party is not mentioned', () => {
    const series = coverageSeries('Russia', [party(['2025-03-03'])], {
      from: '2025-03-01',
      through: '2025-03-05',
    });
    expect(series.starts).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05']);
    expect(series.lines[0]!.counts).toEqual([0, 0, 1, 0, 0]);
  });

  it('counts an archive of hundreds of thousands of briefings', () => {
    const dates = Array.from({ length: 300_000 }, (_, index) => (index % 2 ? '2024-02-29' : '2025-02-28'));
    const series = coverageSeries('Russia', [party(dates)]);
    expect(series.lines[0]!.counts.reduce((a, b) => a + b)).toBe(300_000);
    expect(countAt(series, '2024-02-26')).toBe(150_000);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => coverageSeries('Russia', [party(['2025-02-30'])])).toThrow(/YYYY-MM-DD/);
    expect(() => coverageSeries('Russia', [party(['5 March 2025'])])).toThrow(/YYYY-MM-DD/);
  });

  it('counts every briefing in the bucket its date falls in', () => {
    const day = fc
      .integer({ min: 0, max: 1_000 })
      .map((offset) => DateTime.fromISO('2022-12-20', { zone: 'utc' }).plus({ days: offset }).toISODate()!);
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 60 }), (dates) => {
        const series = coverageSeries('Russia', [party(dates)]);
        const size = series.bucket === 'day' ? 1 : 7;
        expect(series.lines[0]!.counts.reduce((a, b) => a + b)).toBe(dates.length);
        series.starts.forEach((start, index) => {
          const end = DateTime.fromISO(start).plus({ days: size }).toISODate()!;
          const inside = dates.filter((date) => date >= start && date < end).length;
          expect(series.lines[0]!.counts[index]).toBe(inside);
        });
      }),
    );
  });
});
