/**
 * Party reports from the index (src/library/index/party-reports.ts), asked through the library: each statement
 * naming a party or a member, grouped by briefing newest first; a name in no registry found in the full-text index.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { READ_WHOLE_MAX, READ_WHOLE_UNKNOWN_MAX } from '../../src/library/index/party-reports.js';
import { Library } from '../../src/library/library.js';
import { isOpenReport } from '../../src/party/model.js';
import { NameTooLongError } from '../../src/party/name-pattern.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { renderPartyPage } from '../../src/render/party.js';
import { registryWith } from '../party/helpers.js';
import { makeBriefing } from '../support/briefings.js';
import { leadOf, sectionNames } from '../support/message-text.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const registry = registryWith(`
- name: United States
  aliases: [Washington, Trump administration]
  members: [Donald Trump, Steve Witkoff]
- name: Donald Trump
  kind: person
  aliases: [Trump]
- name: Steve Witkoff
  kind: person
  aliases: [Witkoff]
- name: Russia
  aliases: [Kremlin]
  members: [Dmitry Peskov]
- name: Dmitry Peskov
  kind: person
  aliases: [Peskov]
- name: Volodymyr Zelenskyy
  kind: person
  aliases: [Zelensky]
`);

const older = makeBriefing({
  id: 'envoys-in-berlin',
  title: 'Envoys in Berlin',
  date: '2025-12-14',
  summary: 'U.S. envoys pressed Kyiv to withdraw. Moscow watched.',
  sections: {
    whatHappened: [
      'Steve Witkoff led the American side.',
      'Kremlin spokesperson Dmitry Peskov restated the red lines.',
    ],
    whyItMatters: ['Pressure from the Trump administration is rising.'],
    implications: ['Talks may stall.'],
    other: [{ heading: 'Background', items: ['Russia claims to have annexed Donetsk.'] }],
  },
  parties: ['Ukraine', 'Germany'],
});
const newer = makeBriefing({
  id: 'second-day',
  title: 'Second day of talks',
  date: '2025-12-15',
  summary: 'Talks resumed on Monday.',
  sections: {
    whatHappened: ['Zelensky met Witkoff again.', 'Russian officials rejected the plan.'],
    whyItMatters: [],
    implications: [],
  },
});
const sameDay = makeBriefing({
  id: 'a-note',
  title: 'A note',
  date: '2025-12-15',
  summary: 'Russia said nothing new.',
});

const library = Library.of([older, sameDay, newer], registry);

describe('report', () => {
  it('groups statements by briefing, newest first, then by id, each with its section', () => {
    const report = library.party('Russia');
    expect(report.party).toEqual({ id: 'russia', name: 'Russia', kind: 'country' });
    expect(report.suggestions).toEqual([]);
    expect(report.briefings).toEqual([
      {
        id: 'a-note',
        title: 'A note',
        date: '2025-12-15',
        statements: [{ section: 'Summary', text: 'Russia said nothing new.' }],
      },
      {
        id: 'second-day',
        title: 'Second day of talks',
        date: '2025-12-15',
        statements: [{ section: 'What happened', text: 'Russian officials rejected the plan.' }],
      },
      {
        id: 'envoys-in-berlin',
        title: 'Envoys in Berlin',
        date: '2025-12-14',
        statements: [
          { section: 'Summary', text: 'Moscow watched.' },
          { section: 'What happened', text: 'Kremlin spokesperson Dmitry Peskov restated the red lines.' },
          { section: 'Background', text: 'Russia claims to have annexed Donetsk.' },
        ],
      },
    ]);
  });

  it('includes statements about members and names the members found', () => {
    const report = library.party('united states');
    expect(report.party?.name).toBe('United States');
    // "Trump administration" names the United States itself, so Trump is not among the members named.
    expect(report.members).toEqual(['Steve Witkoff']);
    expect(
      report.briefings.map((entry) => [entry.id, entry.statements.map((statement) => statement.text)]),
    ).toEqual([
      ['second-day', ['Zelensky met Witkoff again.']],
      [
        'envoys-in-berlin',
        [
          'U.S. envoys pressed Kyiv to withdraw.',
          'Steve Witkoff led the American side.',
          'Pressure from the Trump administration is rising.',
        ],
      ],
    ]);
  });

  it('cites a statement once even when it names the party and a member', () => {
    const report = library.party('Russia');
    const texts = report.briefings.flatMap((entry) => entry.statements.map((statement) => statement.text));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('finds a person through any alias', () => {
    const report = library.party('Zelensky');
    expect(report.party?.name).toBe('Volodymyr Zelenskyy');
    expect(report.briefings.map((entry) => entry.id)).toEqual(['second-day']);
  });

  it('answers a known party nobody wrote about with nothing and no suggestions', () => {
    expect(library.party('Japan')).toEqual({
      query: 'Japan',
      party: { id: 'japan', name: 'Japan', kind: 'country' },
      members: [],
      briefings: [],
      suggestions: [],
    });
  });

  it('falls back to the statements naming an unknown name, ignoring case and diacritics', () => {
    const report = library.party('donétsk');
    expect(report.party).toBeNull();
    expect(report.briefings).toEqual([
      {
        id: 'envoys-in-berlin',
        title: 'Envoys in Berlin',
        date: '2025-12-14',
        statements: [{ section: 'Background', text: 'Russia claims to have annexed Donetsk.' }],
      },
    ]);
    expect(report.suggestions).toEqual([]);
  });

  it('matches an unknown name only as whole words', () => {
    expect(library.party('Done').briefings).toEqual([]);
    expect(library.party('red lines').briefings.map((entry) => entry.id)).toEqual(['envoys-in-berlin']);
  });

  it('suggests close party names when nothing at all is found', () => {
    const report = library.party('Rusia');
    expect(report.party).toBeNull();
    expect(report.briefings).toEqual([]);
    expect(report.suggestions[0]).toBe('Russia');
    expect(report.query).toBe('Rusia');
  });
});

describe('mentions', () => {
  it('is true for a mention, a member or a declared party', () => {
    expect(library.mentions('envoys-in-berlin', 'Russia')).toBe(true);
    expect(library.mentions('second-day', 'United States')).toBe(true); // through Witkoff
    expect(library.mentions('envoys-in-berlin', 'Germany')).toBe(true); // declared only
    expect(library.mentions('second-day', 'Germany')).toBe(false);
    expect(library.mentions('nonexistent', 'Russia')).toBe(false);
  });

  it('looks for an unknown name in the briefing text', () => {
    expect(library.mentions('envoys-in-berlin', 'Donetsk')).toBe(true);
    expect(library.mentions('second-day', 'Donetsk')).toBe(false);
  });
});

describe('partyCounts', () => {
  it('counts each party a briefing names or declares once, by the party itself, not through its members', () => {
    const one = Library.of([older], registry);
    expect(one.partyCounts().map((count) => [count.name, count.count])).toEqual([
      ['Dmitry Peskov', 1],
      ['Germany', 1],
      ['Russia', 1],
      ['Steve Witkoff', 1],
      ['Ukraine', 1],
      ['United States', 1],
    ]);
    for (const { name } of one.partyCounts())
      expect(library.mentions('envoys-in-berlin', name), name).toBe(true);
    one.close();
  });

  it('lists the parties named, most briefings first, then by name', () => {
    expect(library.partyCounts().map((count) => [count.id, count.count])).toEqual([
      ['russia', 3],
      ['steve-witkoff', 2],
      ['dmitry-peskov', 1],
      ['germany', 1],
      ['ukraine', 1],
      ['united-states', 1],
      ['volodymyr-zelenskyy', 1],
    ]);
    expect(Library.of([], registry).partyCounts()).toEqual([]);
  });
});

describe('a briefing nobody prepared parties for', () => {
  const unprepared = makeBriefing({
    id: 'kashmir',
    title: 'Tension in Kashmir',
    date: '2025-05-08',
    summary: 'India and Pakistan traded strikes. Islamabad called it an act of war.',
    sections: {
      whatHappened: ['Indian jets struck targets; Pakistani officials reported casualties.'],
      whyItMatters: ['New Delhi says it acted against militants.'],
      implications: ['The UN urged restraint.'],
    },
  });
  const builtIn = Library.of([unprepared], PartyRegistry.builtIn());

  it('answers for India and Pakistan from the built-in registry', () => {
    const india = builtIn.party('India').briefings[0]?.statements.map((statement) => statement.text);
    expect(india).toEqual([
      'India and Pakistan traded strikes.',
      'Indian jets struck targets; Pakistani officials reported casualties.',
      'New Delhi says it acted against militants.',
    ]);
    const pakistan = builtIn.party('pakistan').briefings[0]?.statements.map((statement) => statement.text);
    expect(pakistan).toEqual([
      'India and Pakistan traded strikes.',
      'Islamabad called it an act of war.',
      'Indian jets struck targets; Pakistani officials reported casualties.',
    ]);
    expect(builtIn.party('United Nations').briefings[0]?.statements).toEqual([
      { section: 'Implications', text: 'The UN urged restraint.' },
    ]);
  });
});

describe('people named with their office', () => {
  const talks = makeBriefing({
    id: 'talks',
    title: 'Talks in Geneva',
    date: '2025-06-02',
    summary:
      'Foreign Minister Sergei Lavrov said the talks would go on. Prime Minister Anthony Albanese called.',
    sections: {
      whatHappened: ['Albanese said Canberra wanted calm.', 'Chancellor Olaf Scholz flew in.'],
      whyItMatters: ['The Moscow Times called it a breakthrough.'],
      implications: [],
    },
  });
  const rapporteur = makeBriefing({
    id: 'rapporteur',
    title: 'A UN report',
    date: '2025-06-03',
    summary: 'Albanese, the UN rapporteur, criticised the plan.',
  });
  const people = Library.of([talks, rapporteur], PartyRegistry.builtIn());
  const texts = (query: string) =>
    people.party(query).briefings.flatMap((entry) => entry.statements.map((statement) => statement.text));

  it('counts a statement naming an office-holder for the country, and names the member', () => {
    const russia = people.party('Russia');
    expect(texts('Russia')).toEqual(['Foreign Minister Sergei Lavrov said the talks would go on.']);
    expect(russia.members).toEqual(['Sergey Lavrov']);
    expect(texts('Germany')).toEqual(['Chancellor Olaf Scholz flew in.']);
    expect(people.mentions('talks', 'Germany')).toBe(true);
  });

  it('counts a common surname once the full name came earlier in the same briefing only', () => {
    expect(texts('Anthony Albanese')).toEqual([
      'Prime Minister Anthony Albanese called.',
      'Albanese said Canberra wanted calm.',
    ]);
    expect(people.mentions('rapporteur', 'Australia')).toBe(false);
  });

  it('does not count a newspaper named after a city for the country', () => {
    expect(people.partyCounts().map((count) => count.id)).not.toContain('russia');
    // Russia is in the briefing through its foreign minister only.
    expect(people.party('Russia').briefings.map((entry) => entry.id)).toEqual(['talks']);
  });
});

describe('a name in no registry', () => {
  it('is refused past 100 characters, politely, before any pattern is built', () => {
    expect(() => library.party('x'.repeat(9_000))).toThrow(NameTooLongError);
    expect(() => library.party('x'.repeat(9_000))).toThrow(
      'A name is at most 100 characters; this one has 9,000.',
    );
    expect(library.mentions('envoys-in-berlin', 'x'.repeat(9_000))).toBe(false);
  });

  it('is looked up in the word index: only the briefings holding every word are read', () => {
    const fresh = Library.of([older, sameDay, newer], registry);
    const read = vi.spyOn(fresh.reader, 'atRow');
    const readIds = () => read.mock.results.map((result) => (result.value as Briefing | undefined)?.id);
    // "talks" is in the summary or sections of two briefings; the third is never read.
    expect(fresh.party('Talks').briefings.map((entry) => entry.id)).toEqual([
      'second-day',
      'envoys-in-berlin',
    ]);
    expect(readIds()).toEqual(['second-day', 'envoys-in-berlin']);
    read.mockClear();
    expect(fresh.party('red lines').briefings.map((entry) => entry.id)).toEqual(['envoys-in-berlin']);
    expect(readIds()).toEqual(['envoys-in-berlin']);
    read.mockClear();
    // Every word must be there: no briefing holds "o'brien", so none is read.
    expect(fresh.party("red lines o'brien").briefings).toEqual([]);
    expect(readIds()).toEqual([]);
    fresh.close();
  });
});

describe('a known party named in more briefings than are read whole', () => {
  const COUNT = READ_WHOLE_MAX + 50;
  const dateOf = (index: number) =>
    new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const many = Array.from({ length: COUNT }, (_, index) =>
    makeBriefing({
      id: `washington-${index}`,
      date: dateOf(index),
      summary: `Washington spoke on day ${index}. Nothing else was said.`,
      sections: {
        whatHappened: ['The talks went on.'],
        // Every other briefing names a member only, in another section.
        whyItMatters: index % 2 ? [`Witkoff flew in on day ${index}.`] : ['It matters.'],
        implications: [],
      },
    }),
  );

  it('is read as its pages are shown: the party, its members, its count, every statement once', () => {
    const big = Library.of(many, registry);
    try {
      const answer = big.partyAnswer('United States');
      const whole = big.party('United States');
      expect(whole.briefings).toHaveLength(COUNT);
      expect(whole.briefings[0]?.id).toBe(`washington-${COUNT - 1}`);
      expect(isOpenReport(answer)).toBe(true);
      if (!isOpenReport(answer)) return;
      expect(answer.party).toEqual({ id: 'united-states', name: 'United States', kind: 'country' });
      expect(answer.members).toEqual(['Steve Witkoff']);
      expect(answer.briefingsWithWords).toBe(COUNT);
      // How many briefings name it (or a member) is counted in the index, not read.
      const first = renderPartyPage(answer, 1, '223344556677889900');
      expect(leadOf(first.payload).split('\n')[0]).toBe(`Named in ${COUNT} briefings, newest first`);
      expect(sectionNames(first.payload)[0]).toMatch(new RegExp(`\\(washington-${COUNT - 1}\\)$`));
      const read = [];
      for (let index = 0; answer.briefingAt(index); index++) read.push(answer.briefingAt(index));
      expect(read).toEqual(whole.briefings);
    } finally {
      big.close();
    }
  });
});

describe('a name in no registry whose words more briefings hold than are read whole', () => {
  const COUNT = READ_WHOLE_UNKNOWN_MAX + 10;
  // Every briefing holds both words; only every third names "Rita Okonjo" as such.
  const many = Array.from({ length: COUNT }, (_, index) =>
    makeBriefing({
      id: `okonjo-${index}`,
      date: new Date(Date.UTC(2021, 0, 1) + index * 86_400_000).toISOString().slice(0, 10),
      summary:
        index % 3 === 0
          ? `Rita Okonjo spoke on day ${index}.`
          : `Okonjo met Rita and others on day ${index}.`,
    }),
  );

  it('is read as its pages are shown, finding the same statements as a whole read', () => {
    const big = Library.of(many, registry);
    try {
      const answer = big.partyAnswer('Rita Okonjo');
      expect(isOpenReport(answer)).toBe(true);
      if (!isOpenReport(answer)) return;
      expect(answer.briefingsWithWords).toBe(COUNT);
      const read = [];
      for (let index = 0; answer.briefingAt(index); index++) read.push(answer.briefingAt(index));
      expect(read).toEqual(big.party('Rita Okonjo').briefings);
      expect(read).toHaveLength(Math.ceil(COUNT / 3));
    } finally {
      big.close();
    }
  });
});
