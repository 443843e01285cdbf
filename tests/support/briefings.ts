/**
 * The one factory of briefings built in code, for tests that are not about parsing: it knows every field of a
 * Briefing and its default. A test passes the values its assertions rely on (a title, a date, a source).
 */
import { emptyLists } from '../../src/briefing/metadata.js';
import type { Briefing } from '../../src/briefing/model.js';

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
