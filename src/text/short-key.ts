/**
 * One short, stable key for a text that may be too long for where Discord counts characters (a page button's
 * custom_id, an autocomplete value): the text itself when it is short, else a hash of it. Whoever reads a key back
 * knows what it stands for and finds it by that: a briefing by its id, a party by its id, a question asked by the
 * text remembered when it was asked.
 */
import { createHash } from 'node:crypto';

/** Longest text carried as it is: a page button's custom_id leaves about this much room after its state. */
export const KEY_MAX = 40;

const HASHED = '~';
const HASHED_KEY = /^~[\w-]{16}$/;

/** The hash form alone: `~` and 16 characters of base64url. */
export function hashKey(text: string): string {
  return HASHED + createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** The text may be carried as it is: at most `max` characters, and not to be taken for a hash. */
export function carriedAsItIs(text: string, max: number = KEY_MAX): boolean {
  return text.length <= max && !text.startsWith(HASHED);
}

/** The text itself when it may be carried as it is, else its hash. */
export function shortKey(text: string, max: number = KEY_MAX): string {
  return carriedAsItIs(text, max) ? text : hashKey(text);
}

export function isHashKey(text: string): boolean {
  return HASHED_KEY.test(text);
}
