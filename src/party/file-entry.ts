import type { PartyKind } from './model.js';

/** One party as briefings/parties.yml describes it, before it is merged with the built-in parties. */
export interface PartyFileEntry {
  name: string;
  /** Absent: the built-in party's kind when the entry extends one, else `person`. */
  kind?: PartyKind;
  aliases: string[];
  /** Names of the parties that belong to this one; a name nobody defines becomes a person. */
  members: string[];
  /** Where the entry starts, for messages. */
  file?: string;
  line?: number;
}

/** What a name in parties.yml may hold besides letters and digits: spaces, hyphens and dashes, dots, apostrophes, `&`, `/`, commas. */
const NAME_PUNCTUATION = /[\s\-‐‑–—.'’ʼ‘&/,]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
/** A name with no capital matches in any case: shorter than this, it is an everyday word (`a`, `us`, `eu`). */
export const LOWER_CASE_MIN_LETTERS = 3;

/**
 * Why a name, alias or member of parties.yml cannot be a name, or undefined when it can. The matcher takes a
 * name's words: `(a+)+$` would be the word `a`, and claim every statement holding it.
 */
export function nameProblem(text: string): string | undefined {
  const stray = [
    ...new Set([...text].filter((char) => !/[\p{L}\p{M}\p{N}]/u.test(char) && !NAME_PUNCTUATION.test(char))),
  ];
  if (stray.length) {
    const listed = stray.slice(0, 5).map((char) => `"${char}"`);
    return `${listed.join(', ')} ${listed.length === 1 ? 'is' : 'are'} not part of a name (letters, with digits, spaces, hyphens, dots, apostrophes, "&" or "/")`;
  }
  const letters = [...text].filter((char) => LETTER.test(char)).length;
  if (letters === 0) return 'a name needs letters';
  if (letters === 1) return 'one letter is not a name';
  if (letters < LOWER_CASE_MIN_LETTERS && !UPPER.test(text))
    return `a lower-case name needs at least ${LOWER_CASE_MIN_LETTERS} letters (write a short form in capitals, like "EU", and it counts only in capitals)`;
  return undefined;
}
