/**
 * The statement's tokens as the classifier reads them: the library's tokens placed back on the text (so they
 * line up with the matcher's party mentions and with quotation marks), each marked with the quote and the
 * mention it falls in.
 */
import type { Mention } from '../matcher.js';
import { readPlainWord, readWord, Word } from '../tokens.js';
import type { Analyser } from './nlp.js';

export interface Tok {
  start: number;
  end: number;
  lower: string;
  pos: string;
  lemma: string;
  /** Index of the quote it is inside, -1 outside any. */
  quote: number;
  /** Index of the party mention it is part of, -1 for none. */
  mention: number;
}

/** A party mention placed on the text. */
export interface PlacedMention {
  partyId: string;
  start: number;
  end: number;
  /** One of the parties asked about. */
  ours: boolean;
  /** First and last token of it. */
  first: number;
  last: number;
}

export interface Span {
  start: number;
  end: number;
}

/** Character spans of the matcher's words, read the way the matcher reads them. */
function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  const word = new Word();
  for (let at = 0; readPlainWord(text, at, word) || readWord(text, at, word); at = word.next) {
    spans.push({ start: word.start, end: word.end });
  }
  return spans;
}

export function placeMentions(text: string, mentions: Mention[], ours: ReadonlySet<string>): PlacedMention[] {
  const spans = wordSpans(text);
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const first = spans[mention.start];
    const last = spans[mention.start + mention.length - 1];
    if (!first || !last) continue;
    placed.push({
      partyId: mention.partyId,
      start: first.start,
      end: last.end,
      ours: ours.has(mention.partyId),
      first: -1,
      last: -1,
    });
  }
  return placed;
}

export function placeTokens(
  text: string,
  analyse: Analyser,
  quotes: readonly Span[],
  mentions: PlacedMention[],
): Tok[] {
  const tokens: Tok[] = [];
  let cursor = 0;
  for (const raw of analyse(text)) {
    const found = raw.value ? text.indexOf(raw.value, cursor) : -1;
    // A token the library rewrote is placed where reading stands, one character long.
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? found + raw.value.length : Math.min(text.length, cursor + 1);
    cursor = end;
    tokens.push({
      start,
      end,
      lower: raw.value.toLowerCase(),
      pos: raw.pos,
      lemma: raw.lemma.toLowerCase(),
      quote: quotes.findIndex((quote) => start >= quote.start && start < quote.end),
      mention: -1,
    });
  }
  mentions.forEach((mention, index) => {
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!;
      if (token.end <= mention.start || token.start >= mention.end) continue;
      token.mention = index;
      // However the library tagged the pieces of a name, together they are one proper noun.
      token.pos = 'PROPN';
      if (mention.first < 0) mention.first = at;
      mention.last = at;
    }
  });
  return tokens;
}
