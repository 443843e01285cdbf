import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/party/data/people.js';
import { slugify } from '../../src/party/fold.js';
import { MentionMatcher } from '../../src/party/matcher.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { nameKey } from '../../src/party/tokens.js';
import { registryWith } from './helpers.js';

const builtIn = PartyRegistry.builtIn();
const matcher = new MentionMatcher(builtIn);
const ids = (text: string, using = matcher) => using.partyIds(text);

const G20_AND_P5 = [
  'argentina',
  'australia',
  'brazil',
  'canada',
  'china',
  'france',
  'germany',
  'india',
  'indonesia',
  'italy',
  'japan',
  'mexico',
  'russia',
  'saudi-arabia',
  'south-africa',
  'south-korea',
  'turkiye',
  'united-kingdom',
  'united-states',
  'european-union',
  'african-union',
];

describe('the people data', () => {
  it('gives every office a built-in country or bloc and sane years', () => {
    for (const person of PEOPLE) {
      expect(person.offices.length, person.name).toBeGreaterThan(0);
      for (const office of person.offices) {
        const party = builtIn.get(office.party);
        expect(party?.kind, `${person.name}: ${office.party}`).toMatch(/^(country|bloc)$/);
        expect(office.from, person.name).toBeLessThanOrEqual(office.to ?? 2026);
      }
      // Everyone held an office at some time from 2015 on.
      expect(
        person.offices.some((office) => (office.to ?? 2026) >= 2015),
        person.name,
      ).toBe(true);
    }
  });

  it('has someone in office now for every G20 member and the EU and AU', () => {
    for (const id of G20_AND_P5) {
      const current = PEOPLE.filter((person) =>
        person.offices.some((office) => office.party === id && office.to === undefined),
      );
      expect(current.length, id).toBeGreaterThan(0);
    }
  });

  it('names each person once', () => {
    const keys = PEOPLE.map((person) => slugify(person.name));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('loses no name to another party: every name and alias resolves to its person', () => {
    const lost: string[] = [];
    for (const person of PEOPLE) {
      for (const name of [person.name, ...person.aliases, ...person.laterAliases]) {
        const found = builtIn.resolve(name);
        if (found?.id !== slugify(person.name)) lost.push(`${name} -> ${found?.id ?? 'nobody'}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('keeps later aliases apart from the names that always count', () => {
    const later = new Set(builtIn.names().flatMap((name) => (name.later ? [name.key] : [])));
    for (const person of PEOPLE) {
      for (const alias of person.laterAliases) expect(later.has(nameKey(alias)), alias).toBe(true);
      for (const alias of person.aliases) expect(later.has(nameKey(alias)), alias).toBe(false);
    }
  });

  it('leaves surnames that several people share, or that are words, to nobody', () => {
    for (const name of ['Lee', 'Kim', 'Wang', 'Park', 'Moon', 'May', 'Fernández', 'Hunt', 'Michel']) {
      expect(builtIn.resolve(name), name).toBeUndefined();
    }
  });
});

describe('built-in people in the registry', () => {
  it('makes office-holders members of their countries and blocs', () => {
    expect(builtIn.get('russia')?.members).toEqual(
      expect.arrayContaining(['vladimir-putin', 'sergey-lavrov', 'mikhail-mishustin']),
    );
    expect(builtIn.get('european-union')?.members).toContain('ursula-von-der-leyen');
    expect(builtIn.get('african-union')?.members).toContain('moussa-faki-mahamat');
    // An office in each: counts for each.
    expect(builtIn.get('portugal')?.members).toContain('antonio-costa');
    expect(builtIn.get('european-union')?.members).toContain('antonio-costa');
    expect(builtIn.get('canada')?.members).toContain('charles-iii');
    expect(builtIn.get('sergey-lavrov')).toMatchObject({ kind: 'person', name: 'Sergey Lavrov' });
  });

  it('resolves a person by a spelling variant, without diacritics, or by a later alias', () => {
    expect(builtIn.resolve('Sergei Lavrov')?.id).toBe('sergey-lavrov');
    expect(builtIn.resolve('Erdogan')?.id).toBe('recep-tayyip-erdogan');
    expect(builtIn.resolve('Cavusoglu')?.id).toBe('mevlut-cavusoglu');
    expect(builtIn.resolve('Albanese')?.id).toBe('anthony-albanese');
  });
});

describe('people in text', () => {
  it('finds a person named with the office before the name', () => {
    expect(ids('Russian Foreign Minister Sergei Lavrov said talks would go on.')).toEqual([
      'russia',
      'sergey-lavrov',
    ]);
    expect(ids('U.K. Prime Minister Keir Starmer and President Xi Jinping spoke.')).toEqual([
      'united-kingdom',
      'keir-starmer',
      'xi-jinping',
    ]);
    expect(ids('Chancellor Olaf Scholz flew in.')).toEqual(['olaf-scholz']);
  });

  it('finds a person by an unambiguous surname, with or without diacritics', () => {
    expect(ids('Lavrov and Macron met; Erdogan and Erdoğan too.')).toEqual([
      'sergey-lavrov',
      'emmanuel-macron',
      'recep-tayyip-erdogan',
    ]);
  });

  it('wants a capital for a person, unless the name has none', () => {
    expect(ids('a truss bridge, a trump card and the letter xi')).toEqual([]);
    expect(ids('Truss, Trump and Xi')).toEqual(['donald-trump', 'xi-jinping']);
    expect(ids('von der Leyen and Von der Leyen')).toEqual(['ursula-von-der-leyen']);
  });

  it('counts a common surname only after the full name', () => {
    expect(ids('Johnson said no.')).toEqual([]);
    expect(ids('Boris Johnson arrived late; Johnson said no.')).toEqual(['boris-johnson']);
    expect(matcher.mentions('Johnson met Boris Johnson, then Johnson left.')).toEqual([
      { partyId: 'boris-johnson', start: 2, length: 2 },
      { partyId: 'boris-johnson', start: 5, length: 1 },
    ]);
  });
});

describe('parties.yml and built-in people', () => {
  it('extends a built-in person by name, keeping the id and the country', () => {
    const registry = registryWith(`
- name: Sergey Lavrov
  aliases: [Lavrov's ministry]
`);
    expect(registry.resolve("Lavrov's ministry")?.id).toBe('sergey-lavrov');
    expect(registry.get('russia')?.members).toContain('sergey-lavrov');
  });

  it('takes over the display name when named by an alias', () => {
    const registry = registryWith('- name: Sergei Lavrov\n');
    expect(registry.get('sergey-lavrov')?.name).toBe('Sergei Lavrov');
    expect(registry.resolve('Sergey Lavrov')?.id).toBe('sergey-lavrov');
  });

  it('gives a name the file claims to the file’s party', () => {
    const registry = registryWith(`
- name: Francesca Albanese
  aliases: [Albanese]
- name: Macron
  kind: organisation
`);
    const fromFile = new MentionMatcher(registry);
    expect(registry.resolve('Albanese')?.id).toBe('francesca-albanese');
    expect(registry.get('anthony-albanese')?.laterAliases).toEqual([]);
    expect(ids('Anthony Albanese met Albanese.', fromFile)).toEqual([
      'anthony-albanese',
      'francesca-albanese',
    ]);
    // `Macron` was an alias of the built-in person: the file's entry is the built-in person, renamed.
    expect(registry.resolve('Emmanuel Macron')?.name).toBe('Macron');
  });

  it('makes a later alias count everywhere when the file lists it as an alias', () => {
    const registry = registryWith(`
- name: Boris Johnson
  aliases: [Johnson]
`);
    expect(ids('Johnson said no.', new MentionMatcher(registry))).toEqual(['boris-johnson']);
    expect(registry.get('boris-johnson')?.laterAliases).toEqual([]);
  });

  it('does not take an entry named like a later alias for the built-in person', () => {
    const registry = registryWith(`
- name: Johnson
  kind: organisation
`);
    expect(registry.resolve('Johnson')?.id).toBe('johnson');
    expect(registry.get('boris-johnson')?.name).toBe('Boris Johnson');
    expect(ids('Boris Johnson and Johnson', new MentionMatcher(registry))).toEqual([
      'boris-johnson',
      'johnson',
    ]);
  });
});
