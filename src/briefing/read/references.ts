/**
 * Reference markers a copy from an encyclopedia or a footnoted page leaves in the text: `[1]`, `[2][3]`,
 * `[citation needed]`, and a footnote number stuck to the end of a word (`agreement.2 The`). They are
 * taken out of the sentence and reported, never kept.
 */

const BRACKETED = /\s?\[(?:\d{1,3}|citation needed|edit|note \d{1,3})\](?:\[\d{1,3}\])*/gi;
/**
 * A footnote number stuck to the punctuation after a word: `said.3 The`, `talks,12 and`. A number
 * stuck to the word itself (`web3`, `covid19`, `G20`) is part of the word and stays.
 */
const STUCK_DIGITS = /(?<=\p{Ll}{2}[.,;:!?"”’)])\d{1,2}(?=\s|$)/gu;

export interface StrippedReferences {
  text: string;
  /** The markers taken out, in order. */
  markers: string[];
}

/** A bracket, or a digit right after something other than a space, digit, `$` or `-`: most lines have neither. */
const MAY_HAVE_MARKERS = /\[|[^\s\d$-]\d/;

export function stripReferences(text: string): StrippedReferences {
  if (!MAY_HAVE_MARKERS.test(text)) return { text, markers: [] };
  const markers: string[] = [];
  const collect = (marker: string) => {
    markers.push(marker.trim());
    return '';
  };
  const out = text.replace(BRACKETED, collect).replace(STUCK_DIGITS, collect);
  return markers.length ? { text: out.replace(/ {2,}/g, ' ').trim(), markers } : { text, markers };
}
