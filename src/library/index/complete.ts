/**
 * Briefing autocomplete from the index: ids and titles by word prefix (a phrase when several words are typed),
 * newest first, then by a one-letter typo in a word. Discord gives autocomplete 3 s and no deferral: each answer
 * is one or two indexed lookups that stop after the choices shown.
 */
import { LIMITS } from '../../message/limits.js';
import { withinOneEdit } from '../autocomplete.js';
import { termsOf } from './fts.js';
import type { BriefingName, IndexReader } from './reader.js';

export class IndexCompleter {
  private readonly matching;
  private readonly vocabularyQuery;
  private vocabulary?: { generation: string; words: string[] };

  constructor(private readonly reader: IndexReader) {
    this.matching = reader.db
      .prepare<[string, number], number>('SELECT rowid FROM names WHERE names MATCH ? ORDER BY rowid LIMIT ?')
      .pluck();
    reader.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.names_vocabulary USING fts5vocab(main, 'names', 'row')",
    );
    this.vocabularyQuery = reader.db.prepare<[], string>('SELECT term FROM temp.names_vocabulary').pluck();
  }

  /** The briefings to offer for what was typed, best first. */
  closest(typed: string, limit: number = LIMITS.autocompleteChoices): BriefingName[] {
    const terms = termsOf(typed);
    if (!terms.length) return this.reader.newestNames(limit);
    // Quoted words only, the last a prefix: no FTS5 syntax gets through.
    const rows = this.matching.all(`"${terms.join(' ')}"*`, limit);
    const query = terms.join('');
    if (rows.length < limit && terms.length === 1 && query.length >= 4) {
      const close = this.typoWords().filter(
        (word) => word !== query && withinOneEdit(word.slice(0, query.length), query),
      );
      if (close.length) {
        const picked = new Set(rows);
        const expression = close
          .slice(0, 50)
          .map((word) => `"${word}"`)
          .join(' OR ');
        for (const row of this.matching.all(expression, limit)) {
          if (picked.size >= limit) break;
          if (!picked.has(row)) {
            picked.add(row);
            rows.push(row);
          }
        }
      }
    }
    return rows.flatMap((row) => this.reader.nameAt(row) ?? []);
  }

  /** Words a typo can be forgiven in: numbers and ids are typed exactly. */
  private typoWords(): string[] {
    const generation = this.reader.generation();
    if (this.vocabulary?.generation !== generation) {
      const words = this.vocabularyQuery.all().filter((word) => word.length >= 4 && !/\d/.test(word));
      this.vocabulary = { generation, words };
    }
    return this.vocabulary.words;
  }
}
