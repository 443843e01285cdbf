/** Checks what a server manager typed; what is wrong is thrown as a DigestError with the facts to answer it. */
import { DigestError } from '../errors.js';
import { canonicalZone, searchTimezones } from './timezones.js';

export { listTimezones } from './timezones.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `8:05` or `08:05` -> `08:05`; anything outside 00:00-23:59 is refused. */
export function normalizeTime(input: string): string {
  const match = TIME.exec(input.trim());
  if (!match) {
    throw new DigestError({ code: 'invalid-time', input });
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
  const suggestions = input.trim() ? searchTimezones(input, 3).map((match) => match.zone) : [];
  throw new DigestError({ code: 'invalid-timezone', input, suggestions });
}

/** Optional free text (party, tag): trimmed, empty means none, and kept to a sane length. */
export function optionalText(
  input: string | null | undefined,
  field: 'party' | 'tag' | 'channel name',
  max = 100,
): string | null {
  const text = input?.trim();
  if (!text) return null;
  if (text.length > max) throw new DigestError({ code: 'too-long', field, max });
  return text;
}

/** Discord ids are snowflakes; local mode uses plain names. Either way: non-empty, no spaces. */
export function requireId(input: string, field: 'channel' | 'server' | 'role'): string {
  const id = input.trim();
  if (!id || /\s/.test(id) || id.length > 64) throw new DigestError({ code: 'malformed-id', field });
  return id;
}
