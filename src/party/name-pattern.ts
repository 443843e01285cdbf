/**
 * A regular expression that finds a name in text as written: whole words, any case, any diacritics
 * (`donetsk` finds `Donétsk` and `DONETSK`), words separated by spaces, hyphens or dots. Searching the
 * text as it is spares folding every statement before the first search.
 *
 * The name is typed by a reader, so nothing of it reaches the pattern as written: its words are folded
 * to keys, a-z become classes from a fixed table, other letters and digits stand for themselves, and any
 * other character is written as a `\u{…}` escape. A name longer than MAX_NAME_LENGTH is refused before
 * anything is built (a pattern thousands of words long overflows the engine's stack).
 */
import { fold } from './fold.js';
import { tokenize } from './tokens.js';

/** Longest name a party question may ask about: Discord's limit for a choice value. */
export const MAX_NAME_LENGTH = 100;

/** A name past MAX_NAME_LENGTH: refused, with a message a reader can act on. */
export class NameTooLongError extends RangeError {
  constructor(readonly nameLength: number) {
    super(
      `A name is at most ${MAX_NAME_LENGTH} characters; this one has ${nameLength.toLocaleString('en-US')}.`,
    );
    this.name = 'NameTooLongError';
  }
}

/** Throws NameTooLongError for a name past MAX_NAME_LENGTH. */
export function checkNameLength(name: string): void {
  if (name.length > MAX_NAME_LENGTH) throw new NameTooLongError(name.length);
}

let variants: Map<string, string> | undefined;

/** For each ASCII letter, the accented letters that fold to it (`e` -> `éèêëĕ...`), both cases. */
function letterVariants(): Map<string, string> {
  if (variants) return variants;
  const found = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCharCode(code);
      const base = fold(letter);
      if (/^[a-z]$/.test(base)) found.set(base, (found.get(base) ?? '') + letter);
    }
  }
  variants = found;
  return found;
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]^-]/g, '\\$&');
}

/** One character of a word, safe in a `u` pattern: a letter or digit as itself, anything else escaped. */
function literal(char: string): string {
  return /^[\p{L}\p{N}]$/u.test(char) ? char : `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

function wordPattern(word: string): string {
  let pattern = '';
  for (const char of word) {
    if (/[a-z]/.test(char)) {
      pattern += `[${char}${char.toUpperCase()}${escapeInClass(letterVariants().get(char) ?? '')}]\\p{M}*`;
    } else if (char === "'") pattern += "['’ʼ‘]";
    else pattern += literal(char);
  }
  return pattern;
}

/** The folded words of a name, as namePattern looks for them (`O'Brien` -> `o'brien`). */
export function nameWords(name: string): string[] {
  checkNameLength(name);
  return tokenize(name).map((token) => token.key);
}

/** Undefined when the name has no words to look for. Throws NameTooLongError past MAX_NAME_LENGTH. */
export function namePattern(name: string): RegExp | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const body = words.map(wordPattern).join("[\\s\\-‐‑–.'’]+");
  // Letters outside the Latin alphabet (Cyrillic, Greek) get their case from the engine.
  const flags = words.every((word) => /^[a-z0-9']+$/.test(word)) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
}
