import { describe, expect, it } from 'vitest';
import { decodePageId } from '../../src/render/page-id.js';
import { renderPartiesOverview } from '../../src/render/parties.js';
import { renderListPage, renderSearchPage } from '../../src/render/search.js';
import { snippet } from '../../src/render/snippet.js';
import { makeBriefing, pageOf } from '../support/briefings.js';
import {
  berlinTalks,
  buttonsOf,
  expectWithinLimits,
  leadOf,
  messagesOf,
  sectionsOf,
  sectionText,
  smallPrintOf,
  titleOf,
  words,
} from './helpers.js';

const OWNER = '998877665544332211';

const many = Array.from({ length: 23 }, (_, i) =>
  makeBriefing({
    id: `briefing-${i}`,
    title: `Briefing ${i} on ${words(i, 3)}`,
    date: `2025-11-${String(i + 1).padStart(2, '0')}`,
  }),
);

describe('renderSearchPage', () => {
  it('lists ranked hits with id, date and a snippet around the query', () => {
    const hits = [{ briefing: berlinTalks, score: 3.2 }];
    const { payload, pages } = renderSearchPage({ query: 'nato', hits }, 1, OWNER);
    expect(pages).toBe(1);
    expect(titleOf(payload)).toBe('Search: nato');
    expect(sectionsOf(payload)).toEqual([
      {
        name: '1. Envoys press Kyiv on Donetsk during Berlin talks',
        text: '`berlin-talks` · 15 Dec 2025\nKyiv signalled it could drop its NATO bid.',
      },
    ]);
    expect(smallPrintOf(payload)).toEqual(['Open one with `/briefing show id:<id>`']);
    expectWithinLimits([payload]);
  });

  it('pages five results at a time, ranks running across pages', () => {
    const hits = many.map((briefing) => ({ briefing }));
    const second = renderSearchPage({ query: 'briefing', hits }, 2, OWNER);
    expect(second.pages).toBe(5);
    expect(sectionsOf(second.payload).map((section) => section.name.split('.')[0])).toEqual([
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    const next = buttonsOf(second.payload)[1];
    expect(next?.customId ? decodePageId(next.customId) : null).toEqual({
      view: 'search',
      owner: OWNER,
      page: 3,
      query: 'briefing',
    });
    expectWithinLimits([second.payload]);
  });

  it('keeps a very long query whole on the page and the button id within 100 characters', () => {
    const query = words(4, 400);
    const { payload } = renderSearchPage({ query, hits: many.map((briefing) => ({ briefing })) }, 1, OWNER);
    expectWithinLimits([payload]);
    // The shortened title is repeated whole in the first blocks of the first page.
    expect(sectionsOf(payload)[0]?.name).toBe('Title');
    expect(sectionText(payload)).toContain(`Search: ${query}`);
    expect(titleOf(payload)?.endsWith('…')).toBe(true);
  });

  it('answers no match only to the asker', () => {
    const { payload } = renderSearchPage({ query: 'zzz', hits: [] }, 1, OWNER);
    expect(payload).toEqual({ content: 'No briefing matches "zzz".', ephemeral: true });
  });
});

describe('snippet', () => {
  it('centres on the first matching word, accents ignored, and marks cuts', () => {
    const briefing = makeBriefing({
      id: 'envoys',
      summary: `${words(1, 40)} Zelenskyy met envoys ${words(2, 40)}`,
    });
    const text = snippet(briefing, 'zelenskyy', 120);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('Zelenskyy met envoys');
    expect(text.length).toBeLessThanOrEqual(120);
    expect(snippet(makeBriefing({ id: 'cafe', summary: 'Café talks' }), 'cafe')).toBe('Café talks');
  });

  it('falls back to the summary when nothing matches', () => {
    expect(snippet(berlinTalks, 'qqq')).toContain('American negotiators');
  });
});

describe('renderListPage', () => {
  it('shows ten briefings a page with date, id and title', () => {
    const first = renderListPage(pageOf(many, 1), OWNER);
    expect(first.pages).toBe(3);
    expect(titleOf(first.payload)).toBe('Briefings');
    expect(leadOf(first.payload)).toBe('23 briefings, newest first');
    expect(sectionsOf(first.payload)).toHaveLength(10);
    expect(sectionsOf(first.payload)[0]).toEqual({
      name: '1 Nov 2025 · briefing-0',
      text: 'Briefing 0 on w0x0 w0x1 w0x2',
    });
    const last = renderListPage(pageOf(many, 3), OWNER);
    expect(sectionsOf(last.payload)).toHaveLength(3);
    const [previous, next] = buttonsOf(last.payload);
    expect(previous?.disabled ?? false).toBe(false);
    expect(next?.disabled ?? false).toBe(true);
    expectWithinLimits([first.payload, last.payload]);
  });

  it('answers an empty library with a notice', () => {
    expect(renderListPage(pageOf([], 1), OWNER).payload.content).toBe('There are no briefings yet.');
  });
});

describe('renderPartiesOverview', () => {
  it('ranks parties by count with their kind', () => {
    const reply = renderPartiesOverview([
      { name: 'Ukraine', kind: 'country', count: 4 },
      { name: 'Russia', kind: 'country', count: 9 },
      { name: 'NATO', kind: 'organisation', count: 1 },
    ]);
    expect(titleOf(reply)).toBe('Most mentioned parties');
    expect(leadOf(reply)).toBe(
      '1. **Russia** · country · 9 briefings\n2. **Ukraine** · country · 4 briefings\n3. **NATO** · organisation · 1 briefing',
    );
    expectWithinLimits(messagesOf(reply));
  });

  it('shows the top of a long list and says how many there are', () => {
    const counts = Array.from({ length: 80 }, (_, i) => ({
      name: `Party ${i}`,
      kind: 'person' as const,
      count: 100 - i,
    }));
    const reply = renderPartiesOverview(counts);
    expect(leadOf(reply).split('\n')).toHaveLength(25);
    expect(smallPrintOf(reply).at(-1)).toContain('Top 25 of 80');
    expectWithinLimits(messagesOf(reply));
  });

  it('says when no party is mentioned', () => {
    expect(renderPartiesOverview([]).ephemeral).toBe(true);
  });
});

describe('a megabyte title in a list of briefings', () => {
  const title = words(7, 120_000);
  const huge = makeBriefing({ id: 'huge', date: '2025-12-15', title });

  it('keeps /briefing list to one page, the title shortened to the length of a heading', () => {
    expect(title.length).toBeGreaterThan(1_000_000);
    const listed = renderListPage(pageOf([huge, ...many.slice(0, 3)], 1), OWNER);
    expect(listed.pages).toBe(1);
    expectWithinLimits([listed.payload]);
    const entry = sectionsOf(listed.payload)[0];
    expect(entry?.name).toBe('15 Dec 2025 · huge');
    expect(entry?.text.length).toBeLessThanOrEqual(256);
    expect(entry?.text.endsWith('…')).toBe(true);
  });

  it('keeps search results to their five a page, the title shortened in the heading', () => {
    const hits = [huge, ...many.slice(0, 6)].map((briefing) => ({ briefing }));
    const found = renderSearchPage({ query: 'w7x1', hits }, 1, OWNER);
    expect(found.pages).toBe(2);
    expectWithinLimits([found.payload]);
    const names = sectionsOf(found.payload).map((section) => section.name);
    expect(names).toHaveLength(5);
    expect(names[0]?.startsWith('1. w7x0 w7x1')).toBe(true);
    expect(names[0]?.endsWith('…')).toBe(true);
    // Shortened to fit a heading, so not repeated under it.
    expect(sectionsOf(found.payload)[0]?.text.startsWith('`huge` · 15 Dec 2025')).toBe(true);
  });

  it('keeps the most mentioned parties to one message, however long a name', () => {
    const reply = renderPartiesOverview(
      Array.from({ length: 25 }, (_, i) => ({
        name: words(i, 20_000),
        kind: 'person' as const,
        count: i + 1,
      })),
    );
    expect(reply.followUps).toBeUndefined();
    expectWithinLimits(messagesOf(reply));
  });
});
