/**
 * Names in no registry and names too long to carry: the library looks an unknown name up in its full-text index
 * (and finds what reading every statement would), and every autocomplete value resolves to its party.
 */
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { SearchIndex } from '../../src/library/search-index.js';
import { NameTooLongError } from '../../src/party/name-pattern.js';
import { parsePartiesFile } from '../../src/party/parties-file.js';
import { PARTY_KEY_MAX } from '../../src/party/party-key.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { PartyIndex } from '../../src/party/report-index.js';
import { makeBriefing } from '../support/briefings.js';

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

const library = new Library(briefings, registry);
/** The same questions answered by reading every statement: what the index must agree with. */
const scan = new PartyIndex(registry, briefings);

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
      expect(found.briefings, name).toEqual(scan.report(name).briefings);
    }
    expect(library.party('soren odegard').briefings.map((entry) => entry.id)).toEqual([
      'river-talks',
      'grain-deal',
    ]);
    expect(library.party('Łódź').briefings.map((entry) => entry.id)).toEqual(['river-talks', 'grain-deal']);
  });

  it('asks the index for briefings holding every word, folded as the index folds them', () => {
    const index = new SearchIndex(briefings);
    const ids = (words: string[]) => index.briefingsWithWords(words).map((briefing) => briefing.id);
    expect(ids(['soren', 'odegard'])).toEqual(['river-talks', 'grain-deal']);
    expect(ids(["o'brien"])).toEqual(['river-talks', 'grain-deal']);
    expect(ids(['grain', 'vienna'])).toEqual([]);
    expect(ids([])).toEqual([]);
    // Search folds these letters too: typed plainly, they find the accented names.
    expect(index.search('lodz', 10).map((hit) => hit.briefing.id)).toEqual(
      expect.arrayContaining(['river-talks', 'grain-deal']),
    );
    index.close();
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
