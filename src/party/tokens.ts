/**
 * Words of a text as the matcher sees them. A word keeps its original spelling (for case-sensitive codes
 * like `US`) and a folded key (for everything else). A dotted abbreviation is one word (`U.S.` is `US`),
 * a possessive `'s` is not part of the word, and hyphens join words (`U.S.-led` is `US` then `led`).
 *
 * The reader walks character codes by hand and allocates nothing: it runs over every statement of every
 * briefing, and builds a hash of each word as it goes so most words are dismissed without a string.
 */
import { fold } from './fold.js';

export interface Token {
  /** Original spelling without abbreviation dots or possessive, e.g. `US`, `Ukraine`. */
  raw: string;
  /** Folded spelling: lowercase, no diacritics, e.g. `us`, `ukraine`. */
  key: string;
  /** Only spaces or hyphens separate it from the previous word, so a multi-word name may run across. */
  joined: boolean;
}

/** Flags of a word. */
export const DOTTED = 1;
export const JOINED = 2;
export const NON_ASCII = 4;

/** Bits of the word hash (see wordHash). */
export const HASH_BITS = 16;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** One word of a text, filled in place by readWord. */
export class Word {
  start = 0;
  /** End of the word proper: before a possessive `'s`, after an abbreviation's last stop. */
  end = 0;
  /** Where reading goes on: after the possessive. */
  next = 0;
  flags = 0;
  /** wordHash of the word; meaningful only without NON_ASCII and DOTTED. */
  hash = 0;
}

function mixHash(hash: number): number {
  return (hash ^ (hash >>> 16)) & HASH_MASK;
}

function addToHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
}

/** Hash of `text[start, end)` with ASCII capitals lowered, as readWord computes it while reading. */
export function wordHash(text: string, start = 0, end = text.length): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = addToHash(hash, codeAt.call(text, i));
  return mixHash(hash);
}

// Called through a constant so the engine need not look the method up on each kind of string it has seen.
const codeAt = String.prototype.charCodeAt;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;
const NUMBER_OR_LETTER = /[\p{L}\p{N}]/u;

/** ASCII classes: 1 letter, 2 digit, 4 joiner (space or hyphen), 8 apostrophe. */
const ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) ASCII[code] = 1;
  else if (code >= 48 && code <= 57) ASCII[code] = 2;
  else if (code === 32 || code === 45 || (code >= 9 && code <= 13)) ASCII[code] = 4;
  else if (code === 39) ASCII[code] = 8;
}

// Every look at a character stays inside the text: reading past the end deoptimises the hot loop.

/** Letter, digit or combining mark (marks only continue a word). */
function isWordChar(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = codeAt.call(text, at);
  if (code < 128) return (ASCII[code]! & 3) !== 0;
  return WORD_CHAR.test(text.charAt(at));
}

function isWordStart(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = codeAt.call(text, at);
  if (code < 128) return (ASCII[code]! & 3) !== 0;
  return NUMBER_OR_LETTER.test(text.charAt(at));
}

function isLetter(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = codeAt.call(text, at);
  if (code < 128) return ASCII[code] === 1;
  return LETTER.test(text.charAt(at));
}

function isStop(text: string, at: number): boolean {
  return at < text.length && codeAt.call(text, at) === 46;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2bc || code === 0x2018;
}

/** Space, tab, newline, or a hyphen or dash: what may stand between the words of one name. */
function isJoiner(code: number): boolean {
  return code < 128 ? ASCII[code] === 4 : code === 0xa0 || (code >= 0x2010 && code <= 0x2013);
}

/**
 * Reads the first word at or after `from` into `word`; false when there is none. JOINED says that only
 * spaces or hyphens lie between `from` and the word.
 */
export function readWord(text: string, from: number, word: Word): boolean {
  const length = text.length;
  let at = from;
  let joined = true;
  while (at < length) {
    const code = codeAt.call(text, at);
    if (code < 128 ? (ASCII[code]! & 3) !== 0 : isWordStart(text, at)) break;
    if (joined && !isJoiner(code)) joined = false;
    at++;
  }
  if (at >= length) return false;
  const start = at;
  let flags = joined ? JOINED : 0;
  let end: number;
  let hash = 0;
  if (isStop(text, at + 1) && isLetter(text, at) && isLetter(text, at + 2) && !isWordChar(text, at + 3)) {
    // A dotted abbreviation: single letters each followed by a stop (U.S., D.C., U.N.).
    let last = at + 2;
    while (isStop(text, last + 1) && isLetter(text, last + 2) && !isWordChar(text, last + 3)) last += 2;
    end = last + 1;
    if (isStop(text, end)) end++;
    word.next = end;
    flags |= DOTTED;
  } else {
    while (at < length) {
      const code = codeAt.call(text, at);
      if (code < 128) {
        const kind = ASCII[code]!;
        if ((kind & 3) === 0 && !(kind === 8 && isWordStart(text, at + 1))) break;
        // Lowercase of an ASCII letter is its code with bit 5 set; digits and apostrophes stay as they are.
        hash = (Math.imul(hash, 31) + (code | ((kind & 1) << 5))) | 0;
      } else if (isWordChar(text, at) || (isApostrophe(code) && isWordStart(text, at + 1))) {
        flags |= NON_ASCII;
      } else break;
      at++;
    }
    end = at;
    word.next = at;
    const last = codeAt.call(text, end - 1);
    if (end - start >= 3 && (last === 115 || last === 83) && isApostrophe(codeAt.call(text, end - 2))) {
      // Without its possessive the word may be plain ASCII again, with another hash.
      end -= 2;
      flags &= ~NON_ASCII;
      hash = 0;
      for (let i = start; i < end; i++) {
        const code = codeAt.call(text, i);
        if (code >= 128) flags |= NON_ASCII;
        hash = addToHash(hash, code);
      }
    }
  }
  word.start = start;
  word.end = end;
  word.flags = flags;
  word.hash = mixHash(hash);
  return true;
}

/**
 * readWord's quick road for the common word, ASCII letters and digits between ASCII separators: fills `word`
 * exactly as readWord would and returns true. Returns false, having read nothing, at anything else (no word
 * left, a character beyond ASCII, an apostrophe, a letter followed by a stop): readWord then reads it.
 */
export function readPlainWord(text: string, from: number, word: Word): boolean {
  const length = text.length;
  let at = from;
  let flags = JOINED;
  for (; at < length; at++) {
    const code = codeAt.call(text, at);
    if (code >= 128) return false;
    const kind = ASCII[code]!;
    if ((kind & 3) !== 0) break;
    if (kind !== 4) flags = 0;
  }
  // A stop right after the first letter may make an abbreviation (U.S.).
  if (at + 1 >= length || codeAt.call(text, at + 1) === 46) return false;
  const start = at;
  let hash = 0;
  for (; at < length; at++) {
    const code = codeAt.call(text, at);
    if (code >= 128) return false;
    const kind = ASCII[code]!;
    if ((kind & 3) === 0) {
      // An apostrophe may continue the word (O'Brien) or start a possessive.
      if (kind === 8) return false;
      break;
    }
    hash = (Math.imul(hash, 31) + (code | ((kind & 1) << 5))) | 0;
  }
  word.start = start;
  word.end = at;
  word.next = at;
  word.flags = flags;
  word.hash = mixHash(hash);
  return true;
}

/** The word as written, without abbreviation dots. */
export function rawWord(text: string, word: Word): string {
  const raw = text.slice(word.start, word.end);
  return (word.flags & DOTTED) !== 0 ? raw.replaceAll('.', '') : raw;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const word = new Word();
  for (let at = 0; readWord(text, at, word); at = word.next) {
    const raw = rawWord(text, word);
    tokens.push({ raw, key: fold(raw), joined: tokens.length > 0 && (word.flags & JOINED) !== 0 });
  }
  return tokens;
}

/** The key a name is indexed under: its words' keys joined by single spaces (`U.S.` and `US` are `us`). */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((token) => token.key)
    .join(' ');
}
