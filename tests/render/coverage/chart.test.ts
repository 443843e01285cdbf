import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  coverageSvg,
  LINE_COLORS,
  PLOT,
} from '../../../src/render/coverage/chart-svg.js';
import { MAX_PNG_BYTES, renderPng } from '../../../src/render/coverage/png.js';
import type { CoverageSeries } from '../../../src/render/coverage/series.js';
import { type Box, decode, largestSeries, mondays } from './helpers.js';

const PARTY_COLOR = LINE_COLORS[0];
/** Inside the plot, clear of the baseline and of the dots drawn on it. */
const ABOVE_BASELINE: Box = {
  left: PLOT.left,
  top: PLOT.top - 6,
  right: PLOT.right,
  bottom: PLOT.bottom - 8,
};
const ON_BASELINE: Box = {
  left: PLOT.left,
  top: PLOT.bottom - 3,
  right: PLOT.right,
  bottom: PLOT.bottom + 3,
};
const TITLE: Box = { left: 0, top: 0, right: CHART_WIDTH, bottom: 45 };

function weekly(counts: number[][], names = ['Russia', 'Ukraine', 'China', 'Iran']): CoverageSeries {
  return {
    party: names[0]!,
    bucket: 'week',
    starts: mondays(counts[0]!.length),
    lines: counts.map((line, index) => ({ name: names[index]!, counts: line })),
  };
}

const chart = (series: CoverageSeries) => decode(renderPng(coverageSvg(series)));

describe('the coverage chart', () => {
  it('is a PNG of the stated size, under 1 MB for the largest series', () => {
    const png = renderPng(coverageSvg(largestSeries()));
    const picture = decode(png);
    expect([picture.width, picture.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.length).toBeLessThan(MAX_PNG_BYTES);
  });

  it('refuses to hand over a PNG larger than allowed', () => {
    expect(() => renderPng(coverageSvg(largestSeries()), { maxBytes: 1_000 })).toThrow(
      /over the 1000 allowed/,
    );
  });

  it("draws the party's line above the baseline, up to the top of the plot at its peak", () => {
    const series = weekly([
      [0, 2, 10, 4, 0, 1],
      [1, 1, 1, 1, 1, 1],
    ]);
    const picture = chart(series);
    expect(picture.count(PARTY_COLOR, ABOVE_BASELINE)).toBeGreaterThan(200);
    expect(picture.count(LINE_COLORS[1], ABOVE_BASELINE)).toBeGreaterThan(50);
    // The peak (10, the top of the scale) is the third of six buckets, whose centre is at 2.5 sixths of the width.
    const peakX = Math.round(PLOT.left + (2.5 * (PLOT.right - PLOT.left)) / 6);
    const peak: Box = { left: peakX - 3, top: PLOT.top - 3, right: peakX + 4, bottom: PLOT.top + 4 };
    expect(picture.count(PARTY_COLOR, peak)).toBeGreaterThan(5);
    const higher: Box = { ...peak, top: 0, bottom: PLOT.top - 8 };
    expect(picture.count(PARTY_COLOR, higher)).toBe(0);
  });

  it('draws nothing above the baseline when every count is zero', () => {
    const picture = chart(weekly([new Array(30).fill(0), new Array(30).fill(0)]));
    expect(picture.count(PARTY_COLOR, ON_BASELINE)).toBeGreaterThan(100);
    expect(picture.count(PARTY_COLOR, ABOVE_BASELINE)).toBe(0);
    expect(picture.count(LINE_COLORS[1], ABOVE_BASELINE)).toBe(0);
  });

  it('draws a single bucket as a dot', () => {
    const picture = chart({
      party: 'Russia',
      bucket: 'day',
      starts: ['2025-03-05'],
      lines: [{ name: 'Russia', counts: [2] }],
    });
    const middle = Math.round((PLOT.left + PLOT.right) / 2);
    expect(
      picture.count(PARTY_COLOR, {
        left: middle - 5,
        top: PLOT.top - 5,
        right: middle + 6,
        bottom: PLOT.top + 6,
      }),
    ).toBeGreaterThan(20);
  });

  it('writes its text with the bundled fonts', () => {
    // Without a font resvg draws no text at all: the title would be blank.
    expect(chart(largestSeries()).count('#1f2328', TITLE)).toBeGreaterThan(300);
  });

  it('says so when nothing mentions the party', () => {
    const svg = coverageSvg({
      party: 'Russia',
      bucket: 'day',
      starts: [],
      lines: [{ name: 'Russia', counts: [] }],
    });
    expect(svg).toContain('No briefings mention Russia yet.');
    expect(decode(renderPng(svg)).count(PARTY_COLOR, ABOVE_BASELINE)).toBe(0);
  });

  it('titles the chart with the party and the bucket, and dates the x axis', () => {
    const svg = coverageSvg(largestSeries());
    expect(svg).toContain('>Coverage of Russia: briefings per week</text>');
    // The newest week is always labelled.
    expect(svg).toContain('>6 Apr 2026</text>');
    expect(svg).toContain('earlier briefings are left out');
  });

  it('escapes names and cuts long ones, and the result still renders', () => {
    const hostile = `A&B <script>"x"'y'</script>`;
    const long = `The ${'Very '.repeat(60)}Long Party`;
    const svg = coverageSvg(
      weekly(
        [
          [1, 2],
          [2, 1],
          [0, 1],
        ],
        [hostile, long, 'Null\u0000 and\u0001 lone \ud800 surrogate'],
      ),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A&amp;B &lt;script&gt;&quot;x&quot;&#39;y&#39;&lt;/script&gt;');
    expect(svg).not.toContain('Very '.repeat(30));
    expect(svg).toContain('…');
    for (const unreadable of ['\u0000', '\u0001', '\ud800']) expect(svg.includes(unreadable)).toBe(false);
    expect(decode(renderPng(svg)).width).toBe(CHART_WIDTH);
  });

  it('renders from the compiled dist/ with its fonts found there', async () => {
    const compiled = (file: string) => pathToFileURL(join(inject('builtSrc'), 'render/coverage', file)).href;
    const script = [
      `import { coverageSvg } from '${compiled('chart-svg.js')}';`,
      `import { renderPng } from '${compiled('png.js')}';`,
      `const svg = coverageSvg(${JSON.stringify(largestSeries())});`,
      'process.stdout.write(renderPng(svg).toString("base64"));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      maxBuffer: 4 * MAX_PNG_BYTES,
    });
    const picture = decode(Buffer.from(stdout, 'base64'));
    expect(picture.width).toBe(CHART_WIDTH);
    expect(picture.count('#1f2328', TITLE)).toBeGreaterThan(300);
  });
});
