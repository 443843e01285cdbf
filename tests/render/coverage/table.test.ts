import { describe, expect, it } from 'vitest';
import type { CoverageSeries } from '../../../src/render/coverage/series.js';
import { coverageTable, TEXT_DISPLAY_MAX } from '../../../src/render/coverage/table.js';
import { largestSeries, mondays } from './helpers.js';

const fourWeeks: CoverageSeries = {
  party: 'Russia',
  bucket: 'week',
  starts: mondays(4),
  lines: [
    { name: 'Russia', counts: [3, 31, 0, 1_200] },
    { name: 'Ukraine', counts: [2, 20, 0, 900] },
    { name: 'United States of America', counts: [1, 0, 0, 5] },
    { name: 'Iran', counts: [0, 0, 0, 0] },
  ],
};

/** The table's rows, each split into its cells. */
const rowsOf = (text: string) =>
  text
    .slice(text.indexOf('```text\n') + 8, text.lastIndexOf('\n```'))
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));

describe('the coverage table', () => {
  it('sums up the party in a sentence: total, busiest bucket, the parties named with it', () => {
    const text = coverageTable(fourWeeks);
    expect(text.split('\n')[0]).toBe(
      'Russia: 1,234 briefings in 4 weeks, most in the week of 8 May 2023 (1,200). ' +
        'Beside it, the parties it appears with most: Ukraine (922), United States of America (6).',
    );
  });

  it('shows each bucket with every line’s count', () => {
    expect(rowsOf(coverageTable(fourWeeks))).toEqual([
      ['Week of', 'Russia', 'Ukraine', 'United Stat…', 'Iran'],
      ['17 Apr 2023', '3', '2', '1', '0'],
      ['24 Apr 2023', '31', '20', '0', '0'],
      ['1 May 2023', '0', '0', '0', '0'],
      ['8 May 2023', '1,200', '900', '5', '0'],
    ]);
  });

  it('speaks of days, of one bucket, and of nothing at all', () => {
    const oneDay: CoverageSeries = {
      party: 'Russia',
      bucket: 'day',
      starts: ['2025-03-05'],
      lines: [{ name: 'Russia', counts: [1] }],
    };
    expect(coverageTable(oneDay).split('\n')[0]).toBe('Russia: 1 briefing on 5 Mar 2025.');
    expect(rowsOf(coverageTable(oneDay))).toEqual([
      ['Day', 'Russia'],
      ['5 Mar 2025', '1'],
    ]);
    const quiet = { ...fourWeeks, lines: [{ name: 'Russia', counts: [0, 0, 0, 0] }] };
    expect(coverageTable(quiet).split('\n')[0]).toBe('Russia: no briefings in these 4 weeks.');
    expect(coverageTable({ ...fourWeeks, starts: [], lines: [{ name: 'Russia', counts: [] }] })).toBe(
      'No briefings mention Russia yet.',
    );
  });

  it('fits a text display by showing the latest buckets and saying how many are left out', () => {
    const series = largestSeries();
    const text = coverageTable(series);
    expect(text.length).toBeLessThanOrEqual(TEXT_DISPLAY_MAX);
    const rows = rowsOf(text).slice(1);
    const shown = rows.length;
    expect(shown).toBeGreaterThan(20);
    expect(shown).toBeLessThan(156);
    expect(text).toContain(`Latest ${shown} of 156 weeks shown; ${156 - shown} earlier weeks left out.`);
    expect(text).toContain('Only the latest 156 weeks are counted, from 17 Apr 2023');
    // The newest bucket is the last row, with its counts.
    expect(rows.at(-1)).toEqual([
      '6 Apr 2026',
      ...series.lines.map((line) => line.counts.at(-1)!.toLocaleString('en-US')),
    ]);
    // One more row would not have fitted.
    const rowLength = text.split('\n').at(-2)!.length;
    expect(text.length + rowLength + 1).toBeGreaterThan(TEXT_DISPLAY_MAX);
  });

  it('keeps a backtick in a name from closing the code block', () => {
    const text = coverageTable({ ...fourWeeks, lines: [{ name: 'Ru```ssia', counts: [1, 2, 3, 4] }] });
    expect(text.match(/```/g)).toHaveLength(2);
  });
});
