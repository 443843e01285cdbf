/**
 * Dates as pages print them (`29 July 2019`, `Tuesday 4 June 2024`, `Published 12 May 2023, 08:15 GMT`,
 * `2022-03-03`), read with chrono-node. Only full dates count (day, month and year written), so a
 * weekday or a bare month in a sentence is never taken for the briefing's date.
 */
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** YYYY-MM-DD, the calendar day as written (no time-zone shift). */
  date: string;
  /** Where the date's text starts and ends in the line. */
  start: number;
  end: number;
}

/** Words around a date on a dateline that are not part of the news: `Updated`, `Published on`, `at`. */
const DATELINE_WORDS =
  /^(?:(?:last\s+)?(?:updated|published|posted|modified|first published|date|dated|released|issued|filed)\b[\s:]*(?:on\s+)?|on\s+)/i;

const DATELINE_EXTRA =
  /^(?:(?:at\s+)?[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|UTC[+-]?\d*)?|\d+\s*(?:min|mins|minutes?)(?:\s+read)?|\d+\s+comments?)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first full date in a line, if any. Lines without a digit are never dates: the cheap test first. */
export function findDate(text: string): FoundDate | undefined {
  if (!/\d/.test(text)) return undefined;
  for (const result of chrono.parse(text, undefined, { forwardDate: false })) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (year === null || month === null || day === null) continue;
    return {
      date: `${year}-${pad(month)}-${pad(day)}`,
      start: result.index,
      end: result.index + result.text.length,
    };
  }
  return undefined;
}

/** A line that is only a date (with dateline words such as `Updated` around it): its date. */
export function dateLine(text: string): string | undefined {
  if (text.length > 90) return undefined;
  const found = findDate(text);
  if (!found) return undefined;
  const before = text.slice(0, found.start).trim().replace(DATELINE_WORDS, '').trim();
  const after = text
    .slice(found.end)
    .replace(/^[\s,.|·•–—-]*/, '')
    .trim();
  if (before.replace(/[|·•,:–—-]/g, '').trim()) return undefined;
  // What a dateline adds after the date: a time and zone, a reading time (`14:05 GMT · 5 min read`).
  const extras = after.split(/\s*[|·•]\s*/).filter(Boolean);
  return extras.every((extra) => DATELINE_EXTRA.test(extra)) ? found.date : undefined;
}

/** A date found on a line of the text, with the line it came from. */
export interface TextDate {
  date: string;
  /** 1-based line. */
  line: number;
  text: string;
}

export interface TitleMetadata {
  title: string;
  date?: string;
}

const TITLE_SEPARATOR = /\s+(?:[|·•–—]|-{1,2})\s+/;

/**
 * Page metadata a copy left on the headline's own line (`Senate passes bill | 3 March 2024, 14:05 GMT`,
 * `... — Updated March 3, 2024`): the date is taken, the headline kept.
 */
export function splitTitleMetadata(line: string): TitleMetadata {
  if (!/\d/.test(line)) return { title: line };
  const parts = line.split(TITLE_SEPARATOR);
  for (let cut = 1; cut < parts.length; cut++) {
    const tail = parts.slice(cut).join(' | ');
    const date = dateLine(tail) ?? dateLine(parts[cut]!);
    if (date) return { title: parts.slice(0, cut).join(' — ').trim(), date };
  }
  const found = findDate(line);
  if (
    found &&
    found.start > 0 &&
    dateLine(line.slice(found.start)) &&
    line.slice(0, found.start).trim().split(/\s+/).length >= 3
  ) {
    const title = line
      .slice(0, found.start)
      .replace(/[\s,|·•–—-]*(?:updated|published|posted)?[\s:]*$/i, '')
      .trim();
    return { title, date: found.date };
  }
  return { title: line };
}
