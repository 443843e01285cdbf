import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { makeBriefing } from '../support/briefings.js';

const registry = PartyRegistry.builtIn();

const briefings = [
  makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    title: 'Berlin talks enter a second day',
    summary: 'Negotiators meet again over security guarantees for Ukraine.',
    sections: {
      whatHappened: ['Envoys met in Berlin.'],
      whyItMatters: ['Russia rejects any NATO role for Ukraine.'],
      implications: ['A deal may hinge on guarantees ratified by parliament.'],
    },
    tags: ['peace talks'],
  }),
  makeBriefing({
    id: 'donetsk-demand',
    date: '2025-12-14',
    title: 'Washington presses Kyiv on Donetsk',
    summary: 'The United States reportedly wants Ukraine to leave Donetsk.',
    tags: ['territory'],
  }),
  makeBriefing({
    id: 'monsoon-floods',
    date: '2025-12-14',
    title: 'Monsoon floods hit Pakistan',
    summary: 'Floods displaced thousands in Pakistan; India offered help.',
    sections: {
      whatHappened: ['Rivers burst their banks in Sindh.'],
      whyItMatters: ['Harvests in Pakistan are at risk.'],
      implications: ['Zoë Müller of the aid agency expects more rain.'],
    },
  }),
];

const library = Library.of(briefings, registry);

describe('Library', () => {
  it('orders briefings newest first, then by id', () => {
    expect(library.list(1, 10).items.map((b) => b.id)).toEqual([
      'berlin-talks',
      'donetsk-demand',
      'monsoon-floods',
    ]);
    expect(library.latest()?.id).toBe('berlin-talks');
  });

  it('finds briefings by id and by date', () => {
    expect(library.get('donetsk-demand')?.title).toBe('Washington presses Kyiv on Donetsk');
    expect(library.get('nope')).toBeUndefined();
    expect(library.onDate('2025-12-14').map((b) => b.id)).toEqual(['donetsk-demand', 'monsoon-floods']);
    expect(library.onDate('2025-12-13')).toEqual([]);
  });

  it("answers today in the reader's time zone", () => {
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    const lateEvening = new Date('2025-12-14T23:30:00Z');
    expect(library.today('UTC', lateEvening).map((b) => b.id)).toEqual(['donetsk-demand', 'monsoon-floods']);
    expect(library.today('Europe/Berlin', lateEvening).map((b) => b.id)).toEqual(['berlin-talks']);
  });

  it('pages the list and clamps pages out of range', () => {
    expect(library.list(1, 2)).toMatchObject({ page: 1, pages: 2, total: 3 });
    expect(library.list(2, 2).items.map((b) => b.id)).toEqual(['monsoon-floods']);
    expect(library.list(9, 2).page).toBe(2);
    expect(library.list(0, 2).page).toBe(1);
  });

  it('ranks search results, with the last word as a prefix and diacritics folded', () => {
    expect(library.search('security guarantees')[0]?.briefing.id).toBe('berlin-talks');
    expect(library.search('Donets').map((hit) => hit.briefing.id)).toEqual(['donetsk-demand']);
    expect(library.search('zoe muller').map((hit) => hit.briefing.id)).toEqual(['monsoon-floods']);
    const [first, second] = library.search('Pakistan floods');
    expect(first?.briefing.id).toBe('monsoon-floods');
    expect(second).toBeUndefined();
  });

  it('tolerates a typo only when the exact words find nothing', () => {
    expect(library.search('monsoom').map((hit) => hit.briefing.id)).toEqual(['monsoon-floods']);
    expect(library.search('xylophone')).toEqual([]);
  });

  it('answers party questions about countries nobody listed, with citations', () => {
    const report = library.party('Pakistan');
    expect(report.party?.name).toBe('Pakistan');
    expect(report.briefings.map((b) => b.id)).toEqual(['monsoon-floods']);
    expect(report.briefings[0]?.statements).toContainEqual({
      section: 'Why it matters',
      text: 'Harvests in Pakistan are at risk.',
    });
    expect(library.mentions('monsoon-floods', 'India')).toBe(true);
    expect(library.mentions('berlin-talks', 'India')).toBe(false);
  });

  it('autocompletes ids and titles by prefix, word and typo, at most 25', () => {
    expect(library.completeBriefings('').map((c) => c.value)).toEqual([
      'berlin-talks',
      'donetsk-demand',
      'monsoon-floods',
    ]);
    expect(library.completeBriefings('don').map((c) => c.value)).toEqual(['donetsk-demand']);
    expect(library.completeBriefings('floods').map((c) => c.value)).toEqual(['monsoon-floods']);
    expect(library.completeBriefings('monsonn').map((c) => c.value)).toEqual(['monsoon-floods']);
    expect(library.completeBriefings('presses kyiv').map((c) => c.value)).toEqual(['donetsk-demand']);
    expect(library.completeBriefings('donetsk-dem').map((c) => c.value)).toEqual(['donetsk-demand']);
    for (const choice of library.completeBriefings('')) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(library.completeParties('pak').map((c) => c.value)).toContain('Pakistan');
    expect(library.completeParties('').length).toBeLessThanOrEqual(25);
  });

  it('suggests close ids for one that does not exist', () => {
    expect(library.closestIds('berlin')).toEqual(['berlin-talks']);
  });

  it('counts the parties the briefings mention, most first', () => {
    const counts = library.partyCounts();
    expect(counts[0]).toMatchObject({ name: 'Ukraine', count: 2 });
    expect(counts.find((row) => row.name === 'India')).toMatchObject({ kind: 'country', count: 1 });
  });
});
