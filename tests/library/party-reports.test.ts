import { describe, expect, it } from 'vitest';
import { NameTooLongError } from '../../src/party/name-pattern.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { PartyIndex } from '../../src/party/report-index.js';
import { makeBriefing } from '../support/briefings.js';
import { registryWith } from './helpers.js';

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

const index = new PartyIndex(registry, [older, sameDay, newer]);

describe('report', () => {
  it('groups statements by briefing, newest first, then by id, each with its section', () => {
    const report = index.report('Russia');
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
    const report = index.report('united states');
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
    const report = index.report('Russia');
    const texts = report.briefings.flatMap((entry) => entry.statements.map((statement) => statement.text));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('finds a person through any alias', () => {
    const report = index.report('Zelensky');
    expect(report.party?.name).toBe('Volodymyr Zelenskyy');
    expect(report.briefings.map((entry) => entry.id)).toEqual(['second-day']);
  });

  it('answers a known party nobody wrote about with nothing and no suggestions', () => {
    expect(index.report('Japan')).toEqual({
      query: 'Japan',
      party: { id: 'japan', name: 'Japan', kind: 'country' },
      members: [],
      briefings: [],
      suggestions: [],
    });
  });

  it('falls back to the statements naming an unknown name, ignoring case and diacritics', () => {
    const report = index.report('donétsk');
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
    expect(index.report('Done').briefings).toEqual([]);
    expect(index.report('red lines').briefings.map((entry) => entry.id)).toEqual(['envoys-in-berlin']);
  });

  it('suggests close party names when nothing at all is found', () => {
    const report = index.report('Rusia');
    expect(report.party).toBeNull();
    expect(report.briefings).toEqual([]);
    expect(report.suggestions[0]).toBe('Russia');
    expect(report.query).toBe('Rusia');
  });
});

describe('mentions', () => {
  it('is true for a mention, a member or a declared party', () => {
    expect(index.mentions('envoys-in-berlin', 'Russia')).toBe(true);
    expect(index.mentions('second-day', 'United States')).toBe(true); // through Witkoff
    expect(index.mentions('envoys-in-berlin', 'Germany')).toBe(true); // declared only
    expect(index.mentions('second-day', 'Germany')).toBe(false);
    expect(index.mentions('nonexistent', 'Russia')).toBe(false);
  });

  it('looks for an unknown name in the briefing text', () => {
    expect(index.mentions('envoys-in-berlin', 'Donetsk')).toBe(true);
    expect(index.mentions('second-day', 'Donetsk')).toBe(false);
  });
});

describe('partiesOf', () => {
  it('lists mentioned and declared parties, most mentioned first', () => {
    const names = index.partiesOf('envoys-in-berlin').map((party) => party.name);
    expect(names.slice(0, 2)).toEqual(['Russia', 'United States']);
    expect(names).toEqual(expect.arrayContaining(['Ukraine', 'Germany', 'Steve Witkoff', 'Dmitry Peskov']));
    expect(index.partiesOf('nonexistent')).toEqual([]);
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
  const builtInIndex = new PartyIndex(PartyRegistry.builtIn(), [unprepared]);

  it('answers for India and Pakistan from the built-in registry', () => {
    const india = builtInIndex.report('India').briefings[0]?.statements.map((statement) => statement.text);
    expect(india).toEqual([
      'India and Pakistan traded strikes.',
      'Indian jets struck targets; Pakistani officials reported casualties.',
      'New Delhi says it acted against militants.',
    ]);
    const pakistan = builtInIndex
      .report('pakistan')
      .briefings[0]?.statements.map((statement) => statement.text);
    expect(pakistan).toEqual([
      'India and Pakistan traded strikes.',
      'Islamabad called it an act of war.',
      'Indian jets struck targets; Pakistani officials reported casualties.',
    ]);
    expect(builtInIndex.report('United Nations').briefings[0]?.statements).toEqual([
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
  const peopleIndex = new PartyIndex(PartyRegistry.builtIn(), [talks, rapporteur]);
  const texts = (query: string) =>
    peopleIndex
      .report(query)
      .briefings.flatMap((entry) => entry.statements.map((statement) => statement.text));

  it('counts a statement naming an office-holder for the country, and names the member', () => {
    const russia = peopleIndex.report('Russia');
    expect(texts('Russia')).toEqual(['Foreign Minister Sergei Lavrov said the talks would go on.']);
    expect(russia.members).toEqual(['Sergey Lavrov']);
    expect(texts('Germany')).toEqual(['Chancellor Olaf Scholz flew in.']);
    expect(peopleIndex.mentions('talks', 'Germany')).toBe(true);
  });

  it('counts a common surname once the full name came earlier in the same briefing only', () => {
    expect(texts('Anthony Albanese')).toEqual([
      'Prime Minister Anthony Albanese called.',
      'Albanese said Canberra wanted calm.',
    ]);
    expect(peopleIndex.mentions('rapporteur', 'Australia')).toBe(false);
  });

  it('does not count a newspaper named after a city for the country', () => {
    expect(peopleIndex.partiesOf('talks').map((party) => party.id)).not.toContain('russia');
  });
});

describe('a name in no registry', () => {
  it('is refused past 100 characters, politely, before any pattern is built', () => {
    expect(() => index.report('x'.repeat(9_000))).toThrow(NameTooLongError);
    expect(() => index.report('x'.repeat(9_000))).toThrow(
      'A name is at most 100 characters; this one has 9,000.',
    );
    expect(index.mentions('envoys-in-berlin', 'x'.repeat(9_000))).toBe(false);
  });

  it('is looked up in the word index: only the briefings it finds are read', () => {
    const asked: string[][] = [];
    // An index that knows only the newer briefing: a name also in the older one is not found there.
    const words = {
      briefingsWithWords(list: readonly string[]) {
        asked.push([...list]);
        return [newer];
      },
      countBriefingsWithWords: () => 1,
      eachBriefingWithWords: () => [newer],
    };
    const indexed = new PartyIndex(registry, [older, sameDay, newer], words);
    expect(indexed.report('Talks').briefings.map((entry) => entry.id)).toEqual(['second-day']);
    expect(index.report('Talks').briefings.map((entry) => entry.id)).toEqual([
      'second-day',
      'envoys-in-berlin',
    ]);
    expect(indexed.report("red lines o'brien").briefings).toEqual([]);
    expect(asked).toEqual([['talks'], ['red', 'lines', "o'brien"]]);
  });
});
