/** Calendar dates as editors write them: YYYY-MM-DD, never shifted by a time zone. */
import { basename, extname } from 'node:path';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[-_ ](.*))?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export type DateCheck = { ok: true; date: string } | { ok: false; message: string };

/**
 * Reads a written date: `2025-12-15`, or a timestamp starting with one (its calendar date is kept as
 * written). Says what is wrong otherwise.
 */
export function checkDate(written: string): DateCheck {
  const text = written.trim();
  const match = ISO_DATE.exec(text);
  if (!match)
    return { ok: false, message: `date "${clip(text)}" is not written YYYY-MM-DD (e.g. 2025-12-15)` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `date ${match[0].slice(0, 10)} does not exist in the calendar` };
  }
  return { ok: true, date: match[0].slice(0, 10) };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export interface FileNameParts {
  /** The `YYYY-MM-DD` prefix, when the name has one (not yet checked against the calendar). */
  date?: string;
  /** The name without date prefix and extension. */
  id: string;
}

/** `briefings/2025-12-15-berlin-talks.md` -> { date: '2025-12-15', id: 'berlin-talks' }. */
export function fileNameParts(file: string): FileNameParts {
  const name = basename(file, extname(file));
  const match = DATE_PREFIX.exec(name);
  if (!match) return { id: name };
  return { date: match[1], id: match[2] || match[1]! };
}
