import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { checkMessageLimits } from '../../src/render/check.js';
import { coverageSeriesOf, renderCoverage } from '../../src/render/coverage-reply.js';
import { renderStancePage } from '../../src/render/stance.js';
import { renderVersusPage } from '../../src/render/versus.js';
import { makeBriefing } from '../support/briefings.js';
import { buttonsOf, sectionNames, textOf, titleOf } from '../support/message-text.js';

const OWNER = '223344556677889900';
const sections = (whatHappened: string[]) => ({ whatHappened, whyItMatters: [], implications: [] });

const briefings = [
  makeBriefing({
    id: 'refusal',
    date: '2025-03-03',
    summary: 'Russia rejected the ceasefire proposal for the Black Sea.',
    sections: sections(['Ukraine and Poland signed a grain transit deal.', 'Poland welcomed the deal.']),
  }),
  makeBriefing({
    id: 'reversal',
    date: '2025-03-12',
    summary: 'Russia accepted the ceasefire proposal for the Black Sea.',
    sections: sections(['Ukraine demanded security guarantees from NATO.']),
  }),
  makeBriefing({
    id: 'prisoners',
    date: '2025-03-20',
    summary: 'Russia and Ukraine exchanged prisoners.',
    sections: sections(['Ukraine refused to cede territory to Russia.', 'Japan said it would send aid.']),
  }),
  makeBriefing({ id: 'unrelated', date: '2025-04-30', summary: 'Japan held an election.' }),
];
const library = Library.of(briefings, PartyRegistry.builtIn());

describe('where a party stands', () => {
  it('sorts the statements where it acts into what it refuses and agreed to, newest first, cited', () => {
    const stance = library.partyStance('Russia')!;
    expect(stance.party.name).toBe('Russia');
    expect(stance.card.refuses.map((item) => item.briefingId)).toEqual(['refusal']);
    expect(stance.card.agreed.map((item) => item.briefingId)).toEqual(['reversal']);
    expect(stance.card.agreed[0]).toMatchObject({ date: '2025-03-12', section: 'Summary' });
    // Accepting what it had refused is a change.
    expect(stance.card.agreed[0]?.change).toBe(true);
    // "Ukraine refused to cede territory to Russia": Russia is named, not acting.
    expect(stance.card.refuses.some((item) => item.briefingId === 'prisoners')).toBe(false);
    expect(stance).toMatchObject({ read: 3, named: 3 });
  });

  it('is undefined for a name in no registry', () => {
    expect(library.partyStance('Atlantis')).toBeUndefined();
  });

  it('renders within Discord’s limits, with the other views and its companions as buttons', () => {
    const page = renderStancePage(library.partyStance('Russia')!, 1, OWNER).payload;
    expect(checkMessageLimits(page)).toEqual([]);
    expect(titleOf(page)).toBe('Russia · where it stands');
    expect(sectionNames(page)).toEqual(
      expect.arrayContaining(['Refuses (1)', 'Agreed (1)', 'Appears most with (in the same statement)']),
    );
    expect(textOf(page)).toContain('**Changed:** Russia accepted the ceasefire proposal');
    expect(buttonsOf(page).map((button) => button.label)).toEqual(['All statements', 'Coverage', 'Ukraine']);
  });
});

describe('who a party appears with', () => {
  it('counts the statements naming both, and the briefings they are in', () => {
    const companions = library.appearsWith('Ukraine');
    expect(companions.map(({ party, statements, briefings }) => [party.name, statements, briefings])).toEqual(
      [
        ['Russia', 2, 1],
        ['NATO', 1, 1],
        ['Poland', 1, 1],
      ],
    );
    expect(library.appearsWith('Japan')).toEqual([]);
  });
});

describe('coverage over time', () => {
  it('counts the party’s briefings per day beside its companions’, spanning the archive', () => {
    const coverage = library.partyCoverage('Ukraine')!;
    expect(coverage.lines.map((line) => [line.name, [...line.dates].sort()])).toEqual([
      ['Ukraine', ['2025-03-03', '2025-03-12', '2025-03-20']],
      ['Russia', ['2025-03-03', '2025-03-12', '2025-03-20']],
      ['NATO', ['2025-03-12']],
      ['Poland', ['2025-03-03']],
    ]);
    expect(coverage).toMatchObject({ from: '2025-03-03', through: '2025-04-30' });
    const series = coverageSeriesOf(coverage);
    expect(series.bucket).toBe('day');
    const counted = (name: string) =>
      Object.fromEntries(
        series.starts.flatMap((start, index) => {
          const count = series.lines.find((line) => line.name === name)!.counts[index]!;
          return count ? [[start, count]] : [];
        }),
      );
    expect(counted('Ukraine')).toEqual({ '2025-03-03': 1, '2025-03-12': 1, '2025-03-20': 1 });
    expect(series.starts.at(-1)).toBe('2025-04-30');
  });

  it('reads only the weeks the chart draws on a long archive, and says from when it counts', () => {
    const years = [2019, 2021, 2022, 2023].map((year) =>
      makeBriefing({ id: `y${year}`, date: `${year}-06-01`, summary: 'Ukraine asked for aid.' }),
    );
    const long = Library.of(years, PartyRegistry.builtIn());
    const coverage = long.partyCoverage('Ukraine')!;
    expect([...coverage.lines[0]!.dates].sort()).toEqual(['2021-06-01', '2022-06-01', '2023-06-01']);
    const series = coverageSeriesOf(coverage);
    expect(series.bucket).toBe('week');
    expect(series.starts).toHaveLength(156);
    expect(series.clippedBefore! > '2020-06-01').toBe(true);
    expect(series.lines[0]!.counts.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('answers with the chart as a file its gallery shows and the figures as text', () => {
    const reply = renderCoverage(library.partyCoverage('Ukraine')!, OWNER, library.appearsWith('Ukraine'));
    expect(checkMessageLimits(reply)).toEqual([]);
    const [file] = reply.files ?? [];
    expect(file?.name).toBe('coverage-ukraine.png');
    const png = PNG.sync.read(file!.data);
    expect([png.width, png.height]).toEqual([1000, 500]);
    expect(file!.description).toMatch(/^Ukraine: 3 briefings in \d+ days/);
    expect(JSON.stringify(reply.components)).toContain('attachment://coverage-ukraine.png');
    expect(textOf(reply)).toContain('```text');
  });
});

describe('two parties compared', () => {
  it('lists the briefings with statements naming each of the two, newest first, each side’s stance in them', () => {
    const versus = library.partyVersus('Ukraine', 'Russia')!;
    expect(versus.total).toBe(3);
    expect(versus.briefings.map((one) => one.id)).toEqual(['prisoners', 'reversal', 'refusal']);
    const [briefing, , refusal] = versus.briefings;
    expect(refusal?.sides[1].map((item) => item.kind)).toEqual(['refuses']);
    expect(briefing?.sides[0].map((item) => item.kind)).toContain('refuses');
    expect(briefing?.named).toEqual([2, 2]);
    const page = renderVersusPage(versus, 1, OWNER).payload;
    expect(checkMessageLimits(page)).toEqual([]);
    expect(textOf(page)).toContain('**Ukraine** refuses: Ukraine refused to cede territory to Russia.');
  });

  it('is undefined when either name is in no registry', () => {
    expect(library.partyVersus('Ukraine', 'Atlantis')).toBeUndefined();
  });
});
