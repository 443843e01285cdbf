import { describe, expect, it } from 'vitest';
import type { PartyReport, PartyReportBriefing } from '../../src/party/model.js';
import { formatDate } from '../../src/render/format.js';
import { decodePageId } from '../../src/render/page-id.js';
import { renderPartyPage } from '../../src/render/party.js';
import { payloadToText } from '../../src/render/text.js';
import {
  buttonsOf,
  expectWithinLimits,
  leadOf,
  sectionsOf,
  smallPrintOf,
  titleOf,
  words,
} from './helpers.js';

const OWNER = '223344556677889900';
const LABELS = ['What happened', 'Why it matters', 'Implications', 'Summary'];

function report(briefings: PartyReportBriefing[], overrides: Partial<PartyReport> = {}): PartyReport {
  return {
    query: 'russia',
    party: { id: 'russia', name: 'Russia', kind: 'country' },
    members: ['Vladimir Putin', 'Dmitry Peskov'],
    briefings,
    suggestions: [],
    ...overrides,
  };
}

const berlin: PartyReportBriefing = {
  id: 'berlin-talks',
  title: 'Envoys press Kyiv on Donetsk',
  date: '2025-12-15',
  statements: [
    { section: 'What happened', text: 'The Kremlin repeated that Ukraine must stay out of NATO.' },
    { section: 'Why it matters', text: 'Moscow claims Donetsk as annexed.' },
  ],
};

/** 200 statements over 40 briefings, newest first. */
function bigReport(): PartyReport {
  const briefings = Array.from({ length: 40 }, (_, b) => ({
    id: `briefing-${b}`,
    title: `Briefing number ${b}`,
    date: `2025-${String(12 - Math.floor(b / 28)).padStart(2, '0')}-${String(28 - (b % 28)).padStart(2, '0')}`,
    statements: Array.from({ length: 5 }, (_, s) => ({
      section: LABELS[s % LABELS.length] ?? 'Summary',
      text: `Russia ${words(b * 10 + s, 25)}`,
    })),
  }));
  return report(briefings);
}

describe('renderPartyPage', () => {
  it('shows the party, its members and each statement with its citation', () => {
    const { payload, page, pages } = renderPartyPage(report([berlin]), 1, OWNER);
    expect([page, pages]).toEqual([1, 1]);
    expect(titleOf(payload)).toBe('Russia · country');
    expect(leadOf(payload)).toBe('2 statements in 1 briefing');
    const [members, cited] = sectionsOf(payload);
    expect(members).toEqual({ name: 'Members named', text: 'Vladimir Putin, Dmitry Peskov' });
    // The heading cites the briefing (date, title, id); each statement names its section.
    expect(cited?.name).toBe('15 Dec 2025 · Envoys press Kyiv on Donetsk (berlin-talks)');
    expect(cited?.text).toContain('• Moscow claims Donetsk as annexed. — *Why it matters*');
    // One page: nothing to turn, no page number.
    expect(payload.components).toHaveLength(1);
    expect(buttonsOf(payload)).toEqual([]);
    expect(smallPrintOf(payload)).toEqual([]);
    expect(payload.ephemeral).toBeUndefined();
    expectWithinLimits([payload]);
  });

  it('filters by section', () => {
    const { payload } = renderPartyPage(report([berlin]), 1, OWNER, { section: 'whyItMatters' });
    const text = payloadToText(payload);
    expect(text).toContain('Moscow claims Donetsk');
    expect(text).not.toContain('stay out of NATO');
    expect(leadOf(payload)).toBe('1 statement in 1 briefing · *Why it matters* only');
  });

  it('pages a party named in 200 statements, every page within limits and every statement on some page', () => {
    const data = bigReport();
    const first = renderPartyPage(data, 1, OWNER);
    expect(first.pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 1; n <= first.pages; n++) {
      const { payload, page, pages } = renderPartyPage(data, n, OWNER);
      expect(page).toBe(n);
      expect(pages).toBe(first.pages);
      expectWithinLimits([payload]);
      expect(payload.components).toHaveLength(2);
      expect(smallPrintOf(payload)).toEqual([`Page ${n}/${pages}`]);
      const [previous, next] = buttonsOf(payload);
      expect(previous?.disabled ?? false).toBe(n === 1);
      expect(next?.disabled ?? false).toBe(n === pages);
      const target = next?.customId ? decodePageId(next.customId) : null;
      expect(target).toEqual({ view: 'party', owner: OWNER, page: n + 1, query: 'Russia' });
      for (const section of sectionsOf(payload)) seen.push(`${section.name}\n${section.text}`);
    }
    // Every statement appears under a heading that cites its own briefing.
    const underHeading = (heading: string) => seen.filter((field) => field.startsWith(heading)).join('\n');
    for (const briefing of data.briefings) {
      const cited = underHeading(`${formatDate(briefing.date)} · ${briefing.title} (${briefing.id})`);
      for (const statement of briefing.statements) {
        expect(cited).toContain(`• ${statement.text} — *${statement.section}*`);
      }
    }
  });

  it('cites a briefing with a megabyte title in one block: title shortened, date and id kept', () => {
    const title = words(9, 120_000);
    const huge = { ...berlin, id: 'huge-title', title };
    const { payload, pages } = renderPartyPage(report([huge]), 1, OWNER);
    expect(pages).toBe(1);
    expectWithinLimits([payload]);
    const cited = sectionsOf(payload)[1];
    expect(cited?.name.length).toBeLessThanOrEqual(256);
    expect(cited?.name).toMatch(/^15 Dec 2025 · w9x0 w9x1 .*… \(huge-title\)$/);
    expect(cited?.text.startsWith('• The Kremlin')).toBe(true);
  });

  it('clamps a page out of range and keeps the section in the buttons', () => {
    const data = bigReport();
    const { page, pages, payload } = renderPartyPage(data, 999, OWNER, { section: 'implications' });
    expect(page).toBe(pages);
    const previous = buttonsOf(payload)[0];
    const state = previous?.customId ? decodePageId(previous.customId) : null;
    expect(state?.section).toBe('implications');
    expect(renderPartyPage(data, 0, OWNER).page).toBe(1);
  });

  it('suggests names when nothing is found', () => {
    const { payload } = renderPartyPage(
      report([], { party: null, query: 'Rusia', suggestions: ['Russia', 'Rwanda'] }),
      1,
      OWNER,
    );
    expect(payload.ephemeral).toBe(true);
    expect(payload.content).toBe('No briefing mentions "Rusia". Did you mean: Russia, Rwanda?');
  });

  it('says when a known party has no statements in the section', () => {
    const { payload } = renderPartyPage(report([berlin]), 1, OWNER, { section: 'implications' });
    expect(payload.content).toBe('The briefings say nothing about **Russia** in *Implications* yet.');
  });

  it('labels statements that name an unknown party', () => {
    const { payload } = renderPartyPage(
      report([berlin], { party: null, query: 'Kremlin', members: [] }),
      1,
      OWNER,
    );
    expect(titleOf(payload)).toBe('"Kremlin"');
    expect(leadOf(payload)).toContain('Not a known party');
  });
});
