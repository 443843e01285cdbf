/**
 * The coverage chart as SVG: one line per party over the buckets, the party's bold and drawn last (on top), a
 * legend beside the plot with each name and its total, date labels under the x axis and whole-number ticks on y.
 * Fixed size, so the PNG is always the same shape in Discord.
 */
import { formatDate, plural } from '../format.js';
import { oneLine, shorten } from '../split.js';
import { type CoverageSeries, sum } from './series.js';

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 500;
/** The plot area, in pixels: the legend sits to its right, the title above, the date labels below. */
export const PLOT = { left: 64, right: 750, top: 84, bottom: 440 } as const;
/** The party first, then the co-mentioned ones (Okabe–Ito, told apart by colour-blind readers too). */
export const LINE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'] as const;
/** The co-mentioned lines are dashed differently as well, for readers who cannot tell the colours apart. */
const DASHES = ['', '9 4', '2 3', '12 3 3 3'] as const;
const PARTY_STROKE = 3;
const OTHER_STROKE = 2;
const FONT = 'DejaVu Sans';
const TEXT = '#1f2328';
const MUTED = '#59636e';
const GRID = '#d8dee4';
/** Names are cut to these many characters: in the title, and in the legend at 14 px in about 220 px. */
const TITLE_NAME_MAX = 40;
const LEGEND_NAME_MAX = 24;
/** Above this many buckets the points are too close for markers; at or under it each count gets a dot. */
const MARKERS_UP_TO = 60;
const MAX_X_LABELS = 7;

export function coverageSvg(series: CoverageSeries): string {
  const title = `Coverage of ${label(series.party, TITLE_NAME_MAX)}: briefings per ${series.bucket}`;
  const parts = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    text(24, 36, title, { size: 22, weight: 'bold' }),
    text(24, 60, subtitle(series), { size: 13, fill: MUTED }),
    ...(series.starts.length ? plot(series) : [nothingToDraw(series.party)]),
    ...legend(series),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<g font-family="${FONT}" fill="${TEXT}">`,
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n');
}

function subtitle(series: CoverageSeries): string {
  const { starts, bucket } = series;
  if (!starts.length) return 'No briefings to count yet';
  const range =
    starts.length === 1
      ? formatDate(starts[0]!)
      : `${formatDate(starts[0]!)} – ${formatDate(starts.at(-1)!)}`;
  const what =
    bucket === 'week'
      ? `${range}, ${plural(starts.length, 'week')} (weeks start on Monday)`
      : `${range}, ${plural(starts.length, 'day')}`;
  return series.clippedBefore ? `${what}; earlier briefings are left out` : what;
}

function nothingToDraw(party: string): string {
  const x = (PLOT.left + PLOT.right) / 2;
  const y = (PLOT.top + PLOT.bottom) / 2;
  return text(x, y, `No briefings mention ${label(party, TITLE_NAME_MAX)} yet.`, {
    size: 16,
    fill: MUTED,
    anchor: 'middle',
  });
}

function plot(series: CoverageSeries): string[] {
  const count = series.starts.length;
  const top = yTop(Math.max(0, ...series.lines.flatMap((line) => line.counts)));
  const x = (index: number) => PLOT.left + ((index + 0.5) * (PLOT.right - PLOT.left)) / count;
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);
  const parts: string[] = [];

  for (const tick of yTicks(top)) {
    const at = px(y(tick));
    if (tick > 0)
      parts.push(
        `<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.right}" y2="${at}" stroke="${GRID}" stroke-width="1"/>`,
      );
    parts.push(text(PLOT.left - 8, at + 4, formatCount(tick), { size: 12, fill: MUTED, anchor: 'end' }));
  }
  for (const index of xLabelIndexes(count)) {
    const at = px(x(index));
    parts.push(
      `<line x1="${at}" y1="${PLOT.bottom}" x2="${at}" y2="${PLOT.bottom + 5}" stroke="${MUTED}" stroke-width="1"/>`,
    );
    parts.push(
      text(at, PLOT.bottom + 22, formatDate(series.starts[index]!), {
        size: 12,
        fill: MUTED,
        anchor: 'middle',
      }),
    );
  }
  parts.push(
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="${MUTED}" stroke-width="1"/>`,
  );

  // Co-mentioned first, the party last: where lines cross, the party's stays visible.
  const order = series.lines.map((line, index) => ({ line, index })).reverse();
  for (const { line, index } of order) {
    const points = line.counts.map((value, at) => `${px(x(at))},${px(y(value))}`);
    const stroke = strokeOf(index);
    if (points.length > 1)
      parts.push(`<polyline points="${points.join(' ')}" fill="none" ${stroke} stroke-linejoin="round"/>`);
    if (count <= MARKERS_UP_TO) {
      const radius = index === 0 ? 4 : 3;
      for (const point of points) {
        const [cx, cy] = point.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="${radius}" fill="${LINE_COLORS[index]}"/>`);
      }
    }
  }
  return parts;
}

function legend(series: CoverageSeries): string[] {
  const left = PLOT.right + 24;
  const parts: string[] = [];
  let y = PLOT.top + 4;
  series.lines.forEach((line, index) => {
    if (index === 1) {
      parts.push(text(left, y, 'Most often named with', { size: 12, fill: MUTED }));
      y += 24;
    }
    parts.push(`<line x1="${left}" y1="${y - 5}" x2="${left + 26}" y2="${y - 5}" ${strokeOf(index)}/>`);
    parts.push(
      text(left + 34, y, label(line.name, LEGEND_NAME_MAX), {
        size: 14,
        weight: index === 0 ? 'bold' : undefined,
      }),
    );
    parts.push(
      text(
        left + 34,
        y + 18,
        `${formatCount(sum(line.counts))} ${sum(line.counts) === 1 ? 'briefing' : 'briefings'}`,
        { size: 12, fill: MUTED },
      ),
    );
    y += index === 0 ? 56 : 48;
  });
  return parts;
}

function strokeOf(index: number): string {
  const width = index === 0 ? PARTY_STROKE : OTHER_STROKE;
  const dash = DASHES[index] ? ` stroke-dasharray="${DASHES[index]}"` : '';
  return `stroke="${LINE_COLORS[index]}" stroke-width="${width}"${dash}`;
}

/** The top of the y axis: a round number at or above the largest count, at least 1 so all zeros still has a scale. */
export function yTop(max: number): number {
  const step = yStep(max);
  return Math.max(step, Math.ceil(max / step) * step);
}

/** Whole-number steps of 1, 2 or 5 times a power of ten, about five of them up to the largest count. */
function yStep(max: number): number {
  const raw = max / 5;
  if (raw <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * magnitude >= raw)!;
  return factor * magnitude;
}

function yTicks(top: number): number[] {
  const step = yStep(top);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}

/** Which buckets get a date: evenly spaced, counted back from the latest so the newest bucket is always named. */
function xLabelIndexes(count: number): number[] {
  const stride = Math.ceil(count / MAX_X_LABELS);
  const indexes: number[] = [];
  for (let index = count - 1; index >= 0; index -= stride) indexes.unshift(index);
  return indexes;
}

interface TextStyle {
  size: number;
  fill?: string;
  weight?: 'bold' | undefined;
  anchor?: 'start' | 'middle' | 'end';
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const fill = style.fill ? ` fill="${style.fill}"` : '';
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${px(x)}" y="${px(y)}" font-size="${style.size}"${fill}${weight}${anchor}>${escapeXml(content)}</text>`;
}

/** A name on one line, cut with an ellipsis; escaped later, so an entity is never cut in half. */
function label(name: string, max: number): string {
  return shorten(oneLine(xmlCharacters(name)), max);
}

const px = (value: number) => Math.round(value * 10) / 10;
const formatCount = (value: number) => value.toLocaleString('en-US');

/** Text safe in an XML text node or attribute: the five markup characters escaped. */
export function escapeXml(text: string): string {
  return xmlCharacters(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Drops what XML 1.0 cannot hold at all (control characters, lone surrogates), which would make the SVG unreadable. */
function xmlCharacters(text: string): string {
  let kept = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) kept += character;
  }
  return kept;
}
