/** Ranked full-text search over briefings, with MiniSearch (BM25, prefix and fuzzy terms). */
import MiniSearch from 'minisearch';
import type { Briefing } from '../briefing/model.js';

interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  body: string;
  tags: string;
}

export interface SearchHit {
  briefing: Briefing;
  score: number;
}

// Folding accents lets "Zelensky" find "Zelenský"; plain ASCII (most terms) skips the costly normalisation.
const fold = (term: string) =>
  /^[\x20-\x7e]*$/.test(term)
    ? term.toLowerCase()
    : term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function toDocument(briefing: Briefing): SearchDocument {
  const { whatHappened, whyItMatters, implications, other = [] } = briefing.sections;
  const extra = other.flatMap((section) => [section.heading, ...section.items]);
  return {
    id: briefing.id,
    title: briefing.title,
    summary: briefing.summary,
    body: [...whatHappened, ...whyItMatters, ...implications, ...extra].join('\n'),
    tags: briefing.tags.join(' '),
  };
}

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'body', 'tags'],
    processTerm: (term) => fold(term),
    searchOptions: { boost: { title: 3, tags: 2, summary: 1.5 }, combineWith: 'AND' },
  });

  constructor(private readonly byId: ReadonlyMap<string, Briefing>) {
    this.index.addAll([...byId.values()].map(toDocument));
  }

  /**
   * Best matches first. Every word must match and the last may be half-typed; only when that finds nothing
   * are typos tolerated, and then any one word is enough: the costly forms run only when they are needed.
   */
  search(query: string, limit: number): SearchHit[] {
    const text = query.trim();
    if (!text) return [];
    const lastTermPrefix = (term: string, index: number, terms: string[]) =>
      index === terms.length - 1 && term.length >= 3;
    const attempts = [
      () => this.index.search(text, { combineWith: 'AND', prefix: lastTermPrefix }),
      () =>
        this.index.search(text, {
          combineWith: 'AND',
          prefix: lastTermPrefix,
          fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        }),
      () =>
        this.index.search(text, {
          combineWith: 'OR',
          prefix: lastTermPrefix,
          fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        }),
    ];
    let results: ReturnType<MiniSearch<SearchDocument>['search']> = [];
    for (const attempt of attempts) {
      results = attempt();
      if (results.length) break;
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      const briefing = this.byId.get(String(result.id));
      if (briefing) hits.push({ briefing, score: Math.round(result.score * 1000) / 1000 });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
