/**
 * A party's coverage as an answer: the chart as an uploaded PNG in a media gallery (its alt text the figures in
 * one sentence), the same figures as a text table under it for screen readers and the terminal, and the buttons
 * to the party's other views.
 */
import type { AppearsWith, CoverageAnswer } from '../library/party-insight.js';
import { container, mediaGallery, separator, textDisplay, v2Message } from '../message/components.js';
import { V2_LIMITS } from '../message/limits.js';
import type { Reply } from '../message/payload.js';
import { coverageSvg } from './coverage/chart-svg.js';
import { renderPng } from './coverage/png.js';
import { type CoverageSeries, coverageSeries } from './coverage/series.js';
import { coverageTable } from './coverage/table.js';
import { COLORS, TITLE_MAX, titleLine } from './format.js';
import { shorten } from './split.js';
import { partyViewButtons } from './stance.js';

/** The chart's file name: the party's id in letters a file name keeps. */
export function chartFileName(partyId: string): string {
  const slug =
    partyId
      .replace(/[^a-z0-9-]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'party';
  return `coverage-${slug}.png`;
}

export function coverageSeriesOf(answer: CoverageAnswer): CoverageSeries {
  return coverageSeries(answer.party.name, answer.lines, {
    ...(answer.from ? { from: answer.from } : {}),
    ...(answer.through ? { through: answer.through } : {}),
  });
}

/** The chart alone, as PNG bytes (what the editor CLI writes to a file). */
export function coverageChartPng(series: CoverageSeries): Buffer {
  return renderPng(coverageSvg(series));
}

export function renderCoverage(
  answer: CoverageAnswer,
  owner: string,
  appearsWith: readonly AppearsWith[],
): Reply {
  const series = coverageSeriesOf(answer);
  const heading = `## ${titleLine(`Coverage of ${answer.party.name}`, TITLE_MAX)}`;
  const buttons = partyViewButtons(answer.party, owner, 'coverage', appearsWith);
  if (!series.starts.length) {
    return v2Message([
      container(COLORS.party, [textDisplay(`${heading}\nNo briefing names ${answer.party.name} yet.`)]),
      ...buttons,
    ]);
  }
  // The table says it all in text; its first line (a sentence of figures) is the image's alt text.
  const room = V2_LIMITS.textPerMessage - heading.length - 400;
  const table = coverageTable(series, room);
  const alt = shorten(table.split('\n')[0] ?? '', V2_LIMITS.mediaDescription);
  const file = chartFileName(answer.party.id);
  return {
    ...v2Message([
      container(COLORS.party, [
        textDisplay(heading),
        mediaGallery([{ file, description: alt }]),
        separator(),
        textDisplay(table),
      ]),
      ...buttons,
    ]),
    files: [{ name: file, data: coverageChartPng(series), description: alt }],
  };
}
