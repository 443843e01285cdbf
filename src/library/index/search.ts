/**
 * Ranked full-text search in the index: every word must match and the last may be half-typed; if nothing has
 * them all, any word will do; if still nothing, each word is replaced by the indexed words one typo away.
 */
import type { Briefing } from '../../briefing/model.js';
import { withinOneEdit } from '../autocomplete.js';
import { matchExpression, termsOf, WEIGHTS } from './fts.js';
import type { IndexReader } from './reader.js';

export interface SearchHit {
  briefing: Briefing;
  /** BM25 relevance, higher is better. */
  score: number;
}

const weights = Object.values(WEIGHTS).join(', ');
/** See IndexSearch's constructor. */
const RANKED_WINDOW = 300;

export class IndexSearch {
  private readonly newest;
  private readonly vocabularyQuery;
  private vocabulary?: { generation: string; words: string[] };

  /**
   * `window`: how many of the newest matches are ranked. A query matching fewer is ranked whole (BM25 over every
   * match); one matching more, a word most of the archive holds, is ranked among its newest `window` matches, so
   * its cost stays flat however large the archive grows (ranking every match costs a tenth of a second at 100,000).
   */
  constructor(
    private readonly reader: IndexReader,
    private readonly window = RANKED_WINDOW,
  ) {
    // Rows order briefings newest first (row-key.ts): FTS5 reads matches in rowid order and stops at the window.
    this.newest = reader.db.prepare<[string, number], { rowid: number; score: number }>(
      `SELECT rowid, -bm25(docs, ${weights}) AS score FROM docs WHERE docs MATCH ? ORDER BY rowid LIMIT ?`,
    );
    reader.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.docs_vocabulary USING fts5vocab(main, 'docs', 'row')",
    );
    this.vocabularyQuery = reader.db.prepare<[], string>('SELECT term FROM temp.docs_vocabulary').pluck();
  }

  search(text: string, limit: number): SearchHit[] {
    const terms = termsOf(text);
    if (!terms.length) return [];
    let rows = this.run(matchExpression(terms, 'AND'), limit);
    if (!rows.length && terms.length > 1) rows = this.run(matchExpression(terms, 'OR'), limit);
    if (!rows.length) {
      const corrected = terms.flatMap((term) => this.closeWords(term));
      if (corrected.length) rows = this.run(corrected.map((term) => `"${term}"`).join(' OR '), limit);
    }
    // A hit's briefing is read when a page shows it: a hundred hits, five on a page.
    const reader = this.reader;
    return rows.map((row) => {
      let briefing: Briefing | undefined;
      return {
        score: Math.round(row.score * 1000) / 1000,
        get briefing(): Briefing {
          briefing ??= reader.atRow(row.rowid);
          if (!briefing) throw new Error('a search hit outlived its briefing');
          return briefing;
        },
      };
    });
  }

  /** Best first, the newer of two equal scores first. */
  private run(expression: string, limit: number) {
    return this.newest
      .all(expression, Math.max(limit, this.window))
      .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
      .slice(0, limit);
  }

  /** Indexed words one edit away from a word of five letters or more (shorter ones are too ambiguous). */
  private closeWords(term: string): string[] {
    if (term.length < 5) return [];
    const generation = this.reader.generation();
    if (this.vocabulary?.generation !== generation)
      this.vocabulary = { generation, words: this.vocabularyQuery.all() };
    return this.vocabulary.words.filter((word) => word !== term && withinOneEdit(word, term)).slice(0, 10);
  }
}
