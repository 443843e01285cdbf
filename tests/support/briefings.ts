/**
 * The one factory of briefings built in code, for tests that are not about parsing: it knows every field of a
 * Briefing and its default. A test passes the values its assertions rely on (a title, a date, a source).
 */
import { emptyLists } from '../../src/briefing/metadata.js';
import type { Briefing } from '../../src/briefing/model.js';
import type { Page } from '../../src/library/library.js';

export function makeBriefing(overrides: Partial<Briefing> & Pick<Briefing, 'id'>): Briefing {
  return {
    title: `Briefing ${overrides.id}`,
    date: '2025-12-15',
    summary: 'A summary of the day.',
    sections: {
      whatHappened: ['Something happened.'],
      whyItMatters: ['It matters.'],
      implications: ['It will have consequences.'],
    },
    source: { name: 'Wire services' },
    ...emptyLists(),
    file: `briefings/${overrides.id}.md`,
    format: 'markdown',
    ...overrides,
  };
}

/** Page `page` of the briefings as given (ten a page), as Library.list gives it. */
export function pageOf(briefings: readonly Briefing[], page: number, pageSize = 10): Page<Briefing> {
  const pages = Math.max(1, Math.ceil(briefings.length / pageSize));
  return {
    items: briefings.slice((page - 1) * pageSize, page * pageSize),
    page,
    pages,
    total: briefings.length,
  };
}
