/**
 * How briefings go into the full-text tables and how typed words become FTS5 queries: BM25 ranking, prefix
 * queries and diacritic folding happen in SQLite's native code.
 */
import type { Briefing } from '../../briefing/model.js';

/** Field weights for BM25, in column order of the docs table: a word in the title counts most. */
export const WEIGHTS = { title: 3, summary: 1.5, body: 1, tags: 2 };

/** Words as FTS5's unicode61 tokenizer sees them; anything else is a separator. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Letters FTS5's diacritic removal leaves alone but readers (and the party name patterns, src/party/fold.ts)
 * treat as plain Latin: written plainly in the index and in queries, `Søren` is found as `soren`.
 */
const UNFOLDED: Readonly<Record<string, string>> = {
  Ø: 'o',
  ø: 'o',
  Ǿ: 'o',
  ǿ: 'o',
  Ð: 'd',
  ð: 'd',
  Đ: 'd',
  đ: 'd',
  Ł: 'l',
  ł: 'l',
  ı: 'i',
  Ǡ: 'a',
  ǡ: 'a',
};
const HAS_UNFOLDED = /[ØøǾǿÐðĐđŁłıǠǡ]/;
const UNFOLDED_LETTERS = /[ØøǾǿÐðĐđŁłıǠǡ]/g;

export const plain = (text: string) =>
  HAS_UNFOLDED.test(text) ? text.replace(UNFOLDED_LETTERS, (letter) => UNFOLDED[letter] ?? letter) : text;

export const fold = (term: string) => plain(term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());

/** The typed text's words, folded as the index folds them. */
export const termsOf = (text: string) => [...fold(text).matchAll(WORD)].map((match) => match[0]);

function bodyOf(briefing: Briefing): string {
  const { whatHappened, whyItMatters, implications, other = [] } = briefing.sections;
  const extra = other.flatMap((section) => [section.heading, ...section.items]);
  return [...whatHappened, ...whyItMatters, ...implications, ...extra].join('\n');
}

/** The docs table's columns for a briefing: title, summary, body, tags. */
export function docFields(briefing: Briefing): [string, string, string, string] {
  return [
    plain(briefing.title),
    plain(briefing.summary),
    plain(bodyOf(briefing)),
    plain(briefing.tags.join(' ')),
  ];
}

/** The names table's text for a briefing: what autocomplete finds it by. */
export function nameText(briefing: Briefing): string {
  return plain(`${briefing.id} ${briefing.title}`);
}

/** A MATCH expression from typed words: each quoted (no FTS5 syntax gets through), the last one a prefix. */
export function matchExpression(terms: readonly string[], operator: 'AND' | 'OR'): string {
  return terms
    .map((term, index) => (index === terms.length - 1 && term.length >= 3 ? `"${term}"*` : `"${term}"`))
    .join(` ${operator} `);
}

/**
 * A MATCH expression for briefings whose summary or sections hold every word, or undefined for no words. Words are
 * names' folded words (`o'brien`, `donetsk`); each is split as the index splits text (`o`, `brien`).
 */
export function wordsExpression(words: readonly string[]): string | undefined {
  const terms = [...new Set(words.flatMap((word) => termsOf(word)))];
  if (!terms.length) return undefined;
  // Terms are letters and digits only, quoted: no FTS5 syntax gets through.
  return `{summary body} : (${terms.map((term) => `"${term}"`).join(' AND ')})`;
}
