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

// Folding accents lets "Zelensky" find "Zelenský" and keeps indexing and querying symmetrical.
const fold = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

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

  /** Best matches first. Every term must match; the last one may be a prefix, longer ones tolerate a typo. */
  search(query: string, limit: number): SearchHit[] {
    const text = query.trim();
    if (!text) return [];
    const run = (combineWith: 'AND' | 'OR') =>
      this.index.search(text, {
        combineWith,
        prefix: (_term, index, terms) => index === terms.length - 1,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      });
    // A query where no briefing has every word still deserves the closest answers.
    let results = run('AND');
    if (results.length === 0) results = run('OR');
    const hits: SearchHit[] = [];
    for (const result of results) {
      const briefing = this.byId.get(String(result.id));
      if (briefing) hits.push({ briefing, score: Math.round(result.score * 1000) / 1000 });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
