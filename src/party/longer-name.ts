/**
 * Whether a country's name, as found in a text, is only part of a longer proper name: `The Moscow Times`,
 * `Russian Orthodox Church`, `German Marshall Fund`, `Turkish Airlines`, `Australian Open`, `Bank of Japan`,
 * `Sea of Japan` name a newspaper, a church, a think tank, a company, a tournament, a bank, a sea, and say
 * nothing about the country by being named.
 *
 * The rule: the country's name is part of a longer name when
 * - up to four capitalised words follow it, joined by spaces only, and one of them is the head noun of an
 *   institution, company, medium, event or body of water (HEAD_NOUNS: `Times`, `Church`, `Fund`, `Bank`,
 *   `Open`, `Sea`); or
 * - it follows `<Head> of` or `<Head> of the`, the head capitalised (`Bank of England`, `Times of India`).
 * Offices and organs of state are no head nouns, so `Russian President Vladimir Putin`, `the Russian Foreign
 * Ministry` and `Chinese Embassy` stay mentions; a lowercase word ends the run, so `the British government`,
 * `Chinese officials` and `Moscow said` do too. A possessive is the country's own (`Russia's Central Bank`),
 * and a hyphen makes a compound, not a name (`US-Ukraine Investment Fund` still names the US).
 * Only capitals after the country's name, or of the head before `of`, are read, never the name's own: a
 * name opening a sentence is capitalised anyway. A head before `of` may itself open the sentence, and a
 * capitalised noun followed by `of Japan` names something all the same.
 */
import { fold } from './fold.js';
import { JOINED, readWord, Word } from './tokens.js';

const HEAD_NOUNS = new Set(
  [
    // Media
    'times post daily herald tribune journal gazette telegraph chronicle observer express mail news review',
    'standard independent today',
    // Companies and markets
    'airlines airways railways bank company corporation holdings exchange',
    // Faiths
    'church patriarchate cathedral',
    // Learning, research and civil society
    'university college school academy institute foundation fund society association',
    // Culture and sport
    'museum gallery library orchestra opera ballet theatre theater festival open prix league',
    // Waters
    'ocean sea gulf bay',
  ]
    .join(' ')
    .split(' '),
);

// Called through a constant, as in tokens.ts: the texts are strings of several kinds (sliced, flat), and a
// method looked up on each kind makes this hot path slow.
const codeAt = String.prototype.charCodeAt;

/** Capitalised words read after the country's name, the head included: `Japanese Red Cross Society`. */
const MAX_WORDS_AFTER = 4;

function startsWithCapital(text: string, at: number): boolean {
  const code = codeAt.call(text, at);
  if (code < 128) return code >= 65 && code <= 90;
  const letter = text.charAt(at);
  return letter !== letter.toLowerCase();
}

function isHeadNoun(text: string, start: number, end: number): boolean {
  return startsWithCapital(text, start) && HEAD_NOUNS.has(fold(text.slice(start, end)));
}

/** `text[start, end)` is `word` (lowercase ASCII) in any case. */
function isWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++)
    if ((codeAt.call(text, start + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/** After spaces from `at` (at least one) comes a capital letter. */
function capitalAfterSpaces(text: string, at: number): boolean {
  let next = at;
  while (next < text.length && isSpace(codeAt.call(text, next))) next++;
  return next > at && next < text.length && startsWithCapital(text, next);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function isLetter(text: string, at: number): boolean {
  const code = codeAt.call(text, at);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(text.charAt(at));
}

/**
 * Whether the name from `start` to `end` (without a possessive) may be part of a longer name, decided on two
 * letters: a lowercase word after it, and a word before it that ends in neither `of` nor `the`, leave no
 * room for one, and most names are decided so. Every look stays inside the text: reading past its ends
 * deoptimises the matcher's loop.
 */
export function mayBeInLongerName(text: string, start: number, end: number): boolean {
  const after = end + 1 < text.length ? codeAt.call(text, end + 1) : 97;
  if (!(after >= 97 && after <= 122) && isSpace(codeAt.call(text, end))) return true;
  const before = start >= 2 ? codeAt.call(text, start - 2) | 32 : 0;
  return (before === 102 || before === 101) && isSpace(codeAt.call(text, start - 1));
}

export class LongerNames {
  /** Scratch word for reading ahead; one text at a time. */
  private readonly word = new Word();
  /** Start of the word wordBefore found. */
  private foundStart = 0;

  /**
   * The country's name, from `start` to the end of its last word `last`, is part of a longer proper name.
   * Call only where mayBeInLongerName says it may be.
   */
  contains(text: string, start: number, last: Word): boolean {
    return this.headFollows(text, last.end) || this.headBeforeOf(text, start);
  }

  private headFollows(text: string, from: number): boolean {
    if (!capitalAfterSpaces(text, from)) return false;
    const word = this.word;
    let at = from;
    for (let n = 0; n < MAX_WORDS_AFTER && readWord(text, at, word); n++) {
      if ((word.flags & JOINED) === 0 || !startsWithCapital(text, word.start)) return false;
      for (let i = at; i < word.start; i++) if (!isSpace(codeAt.call(text, i))) return false;
      if (isHeadNoun(text, word.start, word.end)) return true;
      // A possessive ends the name it belongs to.
      if (word.next !== word.end) return false;
      at = word.next;
    }
    return false;
  }

  /** `<Head> of` or `<Head> of the` just before `start`. */
  private headBeforeOf(text: string, start: number): boolean {
    let end = this.wordBefore(text, start);
    if (end < 0) return false;
    if (isWord(text, this.foundStart, end, 'the')) {
      end = this.wordBefore(text, this.foundStart);
      if (end < 0) return false;
    }
    if (!isWord(text, this.foundStart, end, 'of')) return false;
    end = this.wordBefore(text, this.foundStart);
    return end >= 0 && isHeadNoun(text, this.foundStart, end);
  }

  /**
   * The word of letters that ends right before the spaces before `at`: returns its end and keeps its start in
   * foundStart; -1 when no such word is there (punctuation, a hyphen, the start of the text).
   */
  private wordBefore(text: string, at: number): number {
    let end = at;
    while (end > 0 && isSpace(codeAt.call(text, end - 1))) end--;
    if (end === at || end === 0 || !isLetter(text, end - 1)) return -1;
    let begin = end - 1;
    while (begin > 0 && isLetter(text, begin - 1)) begin--;
    this.foundStart = begin;
    return end;
  }
}
