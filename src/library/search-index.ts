/**
 * Ranked full-text search over briefings with SQLite's FTS5 (through better-sqlite3, already the bot's database
 * library): BM25 ranking, prefix queries and diacritic folding in native code, so 10,000 briefings index in
 * well under a second and a query costs milliseconds. The index lives in memory and is rebuilt with the library.
 */
import Database from 'better-sqlite3';
import type { Briefing } from '../briefing/model.js';
import { withinOneEdit } from './autocomplete.js';

export interface SearchHit {
  briefing: Briefing;
  /** BM25 relevance, higher is better. */
  score: number;
}

/** Field weights for BM25, in column order: a word in the title counts most. */
const WEIGHTS = { title: 3, summary: 1.5, body: 1, tags: 2 };

/** Words as FTS5's unicode61 tokenizer sees them; anything else is a separator. */
const WORD = /[\p{L}\p{N}]+/gu;

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

const plain = (text: string) =>
  HAS_UNFOLDED.test(text) ? text.replace(UNFOLDED_LETTERS, (letter) => UNFOLDED[letter] ?? letter) : text;

const fold = (term: string) => plain(term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());

function bodyOf(briefing: Briefing): string {
  const { whatHappened, whyItMatters, implications, other = [] } = briefing.sections;
  const extra = other.flatMap((section) => [section.heading, ...section.items]);
  return [...whatHappened, ...whyItMatters, ...implications, ...extra].join('\n');
}

/** A MATCH expression from typed words: each quoted (no FTS5 syntax gets through), the last one a prefix. */
function matchExpression(terms: readonly string[], operator: 'AND' | 'OR'): string {
  return terms
    .map((term, index) => (index === terms.length - 1 && term.length >= 3 ? `"${term}"*` : `"${term}"`))
    .join(` ${operator} `);
}

/**
 * A MATCH expression for briefings whose summary or sections hold every word, or undefined for no words. Words are
 * names' folded words (`o'brien`, `donetsk`); each is split as the index splits text (`o`, `brien`).
 */
function wordsExpression(words: readonly string[]): string | undefined {
  const terms = [...new Set(words.flatMap((word) => [...fold(word).matchAll(WORD)].map((m) => m[0])))];
  if (!terms.length) return undefined;
  // Terms are letters and digits only, quoted: no FTS5 syntax gets through.
  return `{summary body} : (${terms.map((term) => `"${term}"`).join(' AND ')})`;
}

/** eachBriefingWithWords fetches this many briefings first (a page's worth and more), then twice as many each time. */
const FIRST_BATCH = 32;
const MAX_BATCH = 1024;

export class SearchIndex {
  private readonly db = new Database(':memory:');
  private readonly byRow: Briefing[];
  private readonly query: Database.Statement<[string, number], { rowid: number; score: number }>;
  private readonly rowsMatching: Database.Statement<[string], { rowid: number }>;
  private readonly rowsMatchingAfter: Database.Statement<[string, number, number], number>;
  private readonly countMatching: Database.Statement<[string], number>;
  private vocabulary?: string[];

  constructor(briefings: Iterable<Briefing>) {
    this.byRow = [...briefings];
    // Contentless: the briefings are in memory already. detail=column keeps which field a word is in (for the
    // field weights) without word positions, which only phrase queries need: the index builds twice as fast.
    this.db.exec(`CREATE VIRTUAL TABLE docs USING fts5(
      title, summary, body, tags, content = '', detail = column, tokenize = 'unicode61 remove_diacritics 2')`);
    const insert = this.db.prepare(
      'INSERT INTO docs (rowid, title, summary, body, tags) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.byRow.forEach((briefing, row) => {
        insert.run(
          row,
          plain(briefing.title),
          plain(briefing.summary),
          plain(bodyOf(briefing)),
          plain(briefing.tags.join(' ')),
        );
      });
    })();
    const weights = Object.values(WEIGHTS).join(', ');
    this.query = this.db.prepare(
      `SELECT rowid, -bm25(docs, ${weights}) AS score FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, ${weights}) LIMIT ?`,
    );
    this.rowsMatching = this.db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid');
    this.rowsMatchingAfter = this.db
      .prepare<[string, number, number], number>(
        'SELECT rowid FROM docs WHERE docs MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?',
      )
      .pluck();
    this.countMatching = this.db
      .prepare<[string], number>('SELECT count(*) FROM docs WHERE docs MATCH ?')
      .pluck();
  }

  /**
   * Briefings whose summary or sections hold every word given (see wordsExpression), in the order they were
   * indexed: what a party question about a name in no registry reads, instead of every statement. No words: none.
   */
  briefingsWithWords(words: readonly string[]): Briefing[] {
    const expression = wordsExpression(words);
    if (!expression) return [];
    return this.rowsMatching.all(expression).map((row) => this.byRow[row.rowid]!);
  }

  /** How many briefings briefingsWithWords finds, counted in the index without reading them. */
  countBriefingsWithWords(words: readonly string[]): number {
    const expression = wordsExpression(words);
    return expression ? this.countMatching.get(expression)! : 0;
  }

  /**
   * The briefings briefingsWithWords finds, in the same order, fetched a few at a time as the caller goes on:
   * a report on a word most briefings hold reads only as far as the page it shows.
   */
  *eachBriefingWithWords(words: readonly string[]): Generator<Briefing, void, undefined> {
    const expression = wordsExpression(words);
    if (!expression) return;
    // Each batch is a query of its own: no statement stays open between pages (it would hold the connection).
    for (let after = -1, batch = FIRST_BATCH; ; batch = Math.min(batch * 2, MAX_BATCH)) {
      const rows = this.rowsMatchingAfter.all(expression, after, batch);
      for (const row of rows) yield this.byRow[row]!;
      if (rows.length < batch) return;
      after = rows.at(-1)!;
    }
  }

  /**
   * Best matches first. Every word must match and the last may be half-typed; if nothing has them all, any
   * word will do; if still nothing, each word is replaced by the indexed words one typo away.
   */
  search(text: string, limit: number): SearchHit[] {
    const terms = [...fold(text).matchAll(WORD)].map((match) => match[0]);
    if (!terms.length) return [];
    let rows = this.run(matchExpression(terms, 'AND'), limit);
    if (!rows.length && terms.length > 1) rows = this.run(matchExpression(terms, 'OR'), limit);
    if (!rows.length) {
      const corrected = terms.flatMap((term) => this.closeWords(term));
      if (corrected.length) rows = this.run(corrected.map((term) => `"${term}"`).join(' OR '), limit);
    }
    return rows.map((row) => ({
      briefing: this.byRow[row.rowid]!,
      score: Math.round(row.score * 1000) / 1000,
    }));
  }

  /** Frees the native index; the library calls it when a newer one replaces it. */
  close(): void {
    this.db.close();
  }

  private run(expression: string, limit: number) {
    return this.query.all(expression, limit);
  }

  /** Indexed words one edit away from a word of five letters or more (shorter ones are too ambiguous). */
  private closeWords(term: string): string[] {
    if (term.length < 5) return [];
    this.vocabulary ??= this.loadVocabulary();
    return this.vocabulary.filter((word) => word !== term && withinOneEdit(word, term)).slice(0, 10);
  }

  private loadVocabulary(): string[] {
    this.db.exec("CREATE VIRTUAL TABLE vocabulary USING fts5vocab('docs', 'row')");
    return this.db
      .prepare<[], { term: string }>('SELECT term FROM vocabulary')
      .all()
      .map((row) => row.term);
  }
}
