/** Checks what a server manager typed, with answers they can act on. */
import { canonicalZone, searchTimezones } from './timezones.js';

export { listTimezones } from './timezones.js';

export type ScheduleErrorCode =
  | 'invalid-time'
  | 'invalid-timezone'
  | 'invalid-input'
  | 'not-subscribed'
  | 'database-lost';

/** A request the schedule refuses; `message` is written for the person who asked. */
export class ScheduleError extends Error {
  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `8:05` or `08:05` -> `08:05`; anything outside 00:00-23:59 is refused. */
export function normalizeTime(input: string): string {
  const match = TIME.exec(input.trim());
  if (!match) {
    throw new ScheduleError(
      'invalid-time',
      `"${input}" is not a time of day: use HH:MM on a 24-hour clock, from 00:00 to 23:59 (for example 07:30 or 18:00).`,
    );
  }
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/**
 * An IANA zone in its canonical current spelling (`europe/berlin` -> `Europe/Berlin`, `Europe/Kiev` ->
 * `Europe/Kyiv`). A city or country typed instead gets the zones it names as suggestions.
 */
export function normalizeTimezone(input: string): string {
  const zone = canonicalZone(input);
  if (zone) return zone;
  const close = input.trim() ? searchTimezones(input, 3).map((match) => match.zone) : [];
  const hint = close.length ? ` Did you mean ${close.join(', ')}?` : '';
  throw new ScheduleError(
    'invalid-timezone',
    `"${input}" is not a known time zone.${hint} Pick one from the list, such as Europe/Berlin, America/New_York or UTC.`,
  );
}

/** Optional free text (party, tag): trimmed, empty means none, and kept to a sane length. */
export function optionalText(input: string | null | undefined, what: string, max = 100): string | null {
  const text = input?.trim();
  if (!text) return null;
  if (text.length > max) {
    throw new ScheduleError('invalid-input', `The ${what} is too long: at most ${max} characters.`);
  }
  return text;
}

/** Discord ids are snowflakes; local mode uses plain names. Either way: non-empty, no spaces. */
export function requireId(input: string, what: string): string {
  const id = input.trim();
  if (!id || /\s/.test(id) || id.length > 64) {
    throw new ScheduleError('invalid-input', `The ${what} is missing or malformed.`);
  }
  return id;
}
