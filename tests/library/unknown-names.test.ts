/**
 * Names in no registry and names too long to carry: the library looks an unknown name up in its full-text index
 * (and finds what reading every statement would), and every autocomplete value resolves to its party.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { Library } from '../../src/library/library.js';
import type { PartyReportBriefing } from '../../src/party/model.js';
import { NameTooLongError, namePattern } from '../../src/party/name-pattern.js';
import { parsePartiesFile } from '../../src/party/parties-file.js';
import { PARTY_KEY_MAX } from '../../src/party/party-key.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { statementsOf } from '../../src/party/statements.js';
import { makeBriefing } from '../support/briefings.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const LONG_NAME =
  'The International Commission for the Protection and Sustainable Development of the Danube River Basin';

const { entries, problems } = parsePartiesFile(
  'parties.yml',
  `- name: ${LONG_NAME}
  kind: organisation
  aliases: [Danube Commission]
`,
);
const registry = PartyRegistry.builtIn().withFile(entries);

const briefings = [
  makeBriefing({
    id: 'river-talks',
    date: '2025-12-15',
    summary: 'The Danube Commission met in Vienna. Søren Ødegård chaired it.',
    sections: {
      whatHappened: ["Mr O'Brien of the Ładoga Trust spoke.", 'Delegates from Łódź and Đakovo came too.'],
      whyItMatters: ['The Rameen-Siddiqui report was tabled.'],
      implications: ['Сказал ПЕСКОВ: talks will go on.'],
    },
  }),
  makeBriefing({
    id: 'grain-deal',
    date: '2025-12-14',
    summary: 'Soren Odegard, not the same man, sold grain. The Donetsk-based firm Donétsk Grain agreed.',
    sections: {
      whatHappened: ['Rameen Siddiqui signed for the buyers.', 'A note on o’brien’s visit followed.'],
      whyItMatters: ['Lodz traders were pleased; Dakovo ones less so.'],
      implications: ['Everyone said grain prices would fall.'],
    },
  }),
  makeBriefing({ id: 'quiet-day', date: '2025-12-13', summary: 'Nothing of note happened.' }),
];

const library = Library.of(briefings, registry);

/**
 * The same question answered by reading every statement of every briefing, newest first: what the index must
 * agree with.
 */
function scan(name: string): PartyReportBriefing[] {
  const pattern = namePattern(name);
  if (!pattern) return [];
  const newestFirst = [...briefings].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1,
  );
  return newestFirst.flatMap((briefing) => {
    const statements = statementsOf(briefing).filter((statement) => {
      pattern.lastIndex = 0;
      return pattern.test(statement.text);
    });
    return statements.length
      ? [{ id: briefing.id, title: briefing.title, date: briefing.date, statements }]
      : [];
  });
}

describe('a name in no registry, through the library', () => {
  it('is found through the full-text index as reading every statement finds it: case, diacritics, ø, ł, đ', () => {
    expect(problems).toEqual([]);
    const names = [
      'Søren Ødegård',
      'soren odegard',
      'Lodz',
      'Łódź',
      'Dakovo',
      "O'Brien",
      'Rameen Siddiqui',
      'песков',
      'Donetsk',
      'grain prices',
      'Ladoga Trust',
      'nobody at all',
    ];
    for (const name of names) {
      const found = library.party(name);
      expect(found.party, name).toBeNull();
      expect(found.briefings, name).toEqual(scan(name));
    }
    expect(library.party('soren odegard').briefings.map((entry) => entry.id)).toEqual([
      'river-talks',
      'grain-deal',
    ]);
    expect(library.party('Łódź').briefings.map((entry) => entry.id)).toEqual(['river-talks', 'grain-deal']);
  });

  it('reads only the briefings the index finds holding every word, folded as the index folds them', () => {
    const fresh = Library.of(briefings, registry);
    const read = vi.spyOn(fresh.reader, 'atRow');
    const readFor = (name: string) => {
      read.mockClear();
      fresh.party(name);
      return read.mock.results.map((result) => (result.value as Briefing | undefined)?.id);
    };
    expect(readFor('soren odegard')).toEqual(['river-talks', 'grain-deal']);
    expect(readFor("o'brien")).toEqual(['river-talks', 'grain-deal']);
    expect(readFor('grain vienna')).toEqual([]);
    expect(readFor('chaired')).toEqual(['river-talks']);
    // A name with no words reads nothing.
    expect(readFor('—')).toEqual([]);
    // Search folds these letters too: typed plainly, they find the accented names.
    expect(fresh.search('lodz', 10).map((hit) => hit.briefing.id)).toEqual(
      expect.arrayContaining(['river-talks', 'grain-deal']),
    );
    fresh.close();
  });

  it('is refused past 100 characters with a message, and a known party by its long name is not', () => {
    expect(() => library.party('x'.repeat(9_000))).toThrow(NameTooLongError);
    expect(LONG_NAME.length).toBeGreaterThan(100);
    expect(library.party(LONG_NAME).party?.name).toBe(LONG_NAME);
  });
});

describe('party autocomplete', () => {
  it('offers a long name whole-looking and shortened, with a value that finds the party again', () => {
    const [choice] = library.completeParties('The International Commission');
    expect(choice?.name).toHaveLength(100);
    expect(choice?.name.endsWith('…')).toBe(true);
    expect(choice?.value.length).toBeLessThanOrEqual(PARTY_KEY_MAX);
    const report = library.party(choice!.value);
    expect(report.party?.name).toBe(LONG_NAME);
    expect(report.briefings.map((entry) => entry.id)).toEqual(['river-talks']);
    // Parties with short names keep them as values.
    expect(library.completeParties('pak').map((c) => c.value)).toContain('Pakistan');
  });
});
