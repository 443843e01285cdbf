import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/briefing/model.js';
import { Library } from '../../src/library/library.js';
import { loadPartyRegistry, parsePartiesFile } from '../../src/party/parties-file.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { makeBriefing } from '../support/briefings.js';

describe('parsePartiesFile', () => {
  it('reads names, kinds, aliases and members with the line of each entry', () => {
    const { entries, problems } = parsePartiesFile(
      'parties.yml',
      `# people first
- name: Dmitry Peskov
  kind: person
  aliases: [Peskov]

- name: Russia
  aliases:
    - Kremlin
    - Moscow
  members: [Dmitry Peskov]
- name: Reuters Desk
  aliases: Desk
`,
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        name: 'Dmitry Peskov',
        kind: 'person',
        aliases: ['Peskov'],
        members: [],
        file: 'parties.yml',
        line: 2,
      },
      {
        name: 'Russia',
        aliases: ['Kremlin', 'Moscow'],
        members: ['Dmitry Peskov'],
        file: 'parties.yml',
        line: 6,
      },
      { name: 'Reuters Desk', aliases: ['Desk'], members: [], file: 'parties.yml', line: 11 },
    ]);
  });

  it('reports bad YAML at its line and loads nothing', () => {
    const { entries, problems } = parsePartiesFile(
      'parties.yml',
      '- name: Russia\n  aliases: [Kremlin\n- name: X\n',
    );
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(problems[0]?.message).toMatch(/invalid YAML/);
  });

  it('skips a bad entry with its line and keeps the rest', () => {
    const { entries, problems } = parsePartiesFile(
      'briefings/parties.yml',
      `- name: Ukraine
- kind: person
  aliases: [Nobody]
- name: Hamas
  kind: militia
- name: Peskov
  aliases: {first: Dmitry}
- just a string
- name: Germany
`,
    );
    expect(entries.map((entry) => entry.name)).toEqual(['Ukraine', 'Germany']);
    expect(problems.map(formatProblem)).toEqual([
      'briefings/parties.yml:2: a party needs a name; this entry is skipped',
      'briefings/parties.yml:4: kind "militia" of "Hamas" is not one of country, person, organisation, bloc; this entry is skipped',
      'briefings/parties.yml:6: aliases of "Peskov" must be a list of names; this entry is skipped',
      'briefings/parties.yml:8: each party must be a mapping with at least a name; this entry is skipped',
    ]);
  });

  it('reports an alias claimed by two entries at the second claim and drops it there', () => {
    const { entries, problems } = parsePartiesFile(
      'parties.yml',
      `- name: United States
  aliases: [Washington, US]
- name: Washington State
  aliases:
    - Olympia
    - washington
`,
    );
    expect(entries[1]?.aliases).toEqual(['Olympia']);
    expect(problems.map(formatProblem)).toEqual([
      'parties.yml:6: alias "washington" of "Washington State" is already claimed by "United States"; it is ignored here',
    ]);
  });

  it('reports a party defined twice and an unknown field', () => {
    const { entries, problems } = parsePartiesFile(
      'parties.yml',
      `- name: Russia
  alias: [Kremlin]
- name: russia
`,
    );
    expect(entries).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([
      'parties.yml:2: unknown field "alias" (expected name, kind, aliases, members)',
      'parties.yml:3: "russia" is already defined by the entry "Russia"; this entry is skipped',
    ]);
  });

  it('reports an alias that is not a name at its line, drops it, and loads the rest of the file', () => {
    const yaml = `- name: Acme Holdings
  aliases: ["(a+)+$", Acme, ACM]
- name: Beta Group
  aliases:
    - Beta
    - eu
    - X
  members: ["a|b", Gamma Ltd]
- name: "***"
- name: Delta
`;
    const { entries, problems } = parsePartiesFile('parties.yml', yaml);
    expect(entries.map((entry) => [entry.name, entry.aliases, entry.members])).toEqual([
      ['Acme Holdings', ['Acme', 'ACM'], []],
      ['Beta Group', ['Beta'], ['Gamma Ltd']],
      ['Delta', [], []],
    ]);
    const shown = problems.map(formatProblem);
    expect(shown).toEqual([
      expect.stringMatching(
        /^parties\.yml:2: alias "\(a\+\)\+\$" is not a name: "\(", "\+", "\)", "\$" are not part/,
      ),
      expect.stringMatching(
        /^parties\.yml:6: alias "eu" is not a name: a lower-case name needs at least 3 letters/,
      ),
      'parties.yml:7: alias "X" is not a name: one letter is not a name; it is ignored',
      expect.stringMatching(/^parties\.yml:8: member "a\|b" is not a name: "\|" is not part of a name/),
      expect.stringMatching(/^parties\.yml:9: name "\*\*\*" is not a name: .*; this entry is skipped$/),
    ]);
    // Dropped, the alias claims nothing: a statement with the word "a" is not about the party.
    const registry = PartyRegistry.builtIn().withFile(entries);
    const library = Library.of(
      [
        makeBriefing({ id: 'deal', summary: 'A deal was struck by a committee.' }),
        makeBriefing({ id: 'acme', date: '2025-12-14', summary: 'Acme bought a rival.' }),
      ],
      registry,
    );
    expect(library.party('Acme Holdings').briefings.map((entry) => entry.id)).toEqual(['acme']);
    library.close();
    expect(registry.resolve('a')).toBeUndefined();
  });

  it('accepts an empty file and rejects a mapping at the top', () => {
    expect(parsePartiesFile('parties.yml', '# nothing yet\n')).toEqual({ entries: [], problems: [] });
    const { problems } = parsePartiesFile('parties.yml', 'name: Russia\n');
    expect(problems.map(formatProblem)).toEqual([
      'parties.yml:1: expected a list of parties (each item starting with "- name: ...")',
    ]);
  });
});

describe('loadPartyRegistry', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parties-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is the built-in registry when the folder has no parties.yml', async () => {
    const { registry, problems } = await loadPartyRegistry(await tempDir());
    expect(problems).toEqual([]);
    expect(registry.resolve('India')?.kind).toBe('country');
  });

  it('adds the file and passes its problems on with the file path', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'parties.yml'), '- name: Yuri Ushakov\n  aliases: [Ushakov]\n- kind: bloc\n');
    const { registry, problems } = await loadPartyRegistry(dir);
    expect(registry.resolve('Ushakov')?.kind).toBe('person');
    expect(problems).toEqual([
      { file: join(dir, 'parties.yml'), line: 3, message: 'a party needs a name; this entry is skipped' },
    ]);
  });
});

describe('the shipped briefings/parties.yml', async () => {
  const { registry, problems } = await loadPartyRegistry(join(import.meta.dirname, '../../briefings'));

  it('loads without problems', () => {
    expect(problems).toEqual([]);
  });

  it('covers every party and person of the seed documents', () => {
    const expected: Record<string, string> = {
      Kyiv: 'Ukraine',
      Ukrainians: 'Ukraine',
      Moscow: 'Russia',
      Kremlin: 'Russia',
      Russians: 'Russia',
      'U.S.': 'United States',
      Washington: 'United States',
      'Trump administration': 'United States',
      Zelensky: 'Volodymyr Zelenskyy',
      Zelenskyy: 'Volodymyr Zelenskyy',
      Peskov: 'Dmitry Peskov',
      Ushakov: 'Yuri Ushakov',
      Trump: 'Donald Trump',
      Witkoff: 'Steve Witkoff',
      Kushner: 'Jared Kushner',
      'U.S. Congress': 'U.S. Congress',
      Berlin: 'Germany',
      NATO: 'NATO',
      Brussels: 'European Union',
      EU: 'European Union',
      UK: 'United Kingdom',
      France: 'France',
      'European allies': 'Europe',
    };
    for (const [alias, name] of Object.entries(expected))
      expect(registry.resolve(alias)?.name, alias).toBe(name);
    expect(registry.resolve('United States')?.members).toEqual(
      expect.arrayContaining(['donald-trump', 'steve-witkoff', 'jared-kushner', 'us-congress']),
    );
  });

  it('does not list news sources as parties', () => {
    expect(registry.resolve('Reuters')).toBeUndefined();
    expect(registry.resolve('The Wall Street Journal')).toBeUndefined();
  });
});
