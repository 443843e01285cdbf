import { describe, expect, it } from 'vitest';
import { PartyRegistry } from '../../src/party/registry.js';
import { registryWith } from './helpers.js';

const builtIn = PartyRegistry.builtIn();

describe('built-in parties', () => {
  it('knows every country of the data and the major organisations', () => {
    const countries = builtIn.all().filter((party) => party.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(240);
    for (const name of [
      'NATO',
      'European Union',
      'United Nations',
      'African Union',
      'ASEAN',
      'G7',
      'G20',
      'OPEC',
    ]) {
      expect(builtIn.resolve(name)?.name).toBe(name);
    }
    for (const name of ['World Health Organization', 'IMF', 'World Bank', 'WTO', 'IAEA', 'ICC', 'OSCE']) {
      expect(builtIn.resolve(name), name).toBeDefined();
    }
    expect(builtIn.resolve('Council of Europe')?.kind).toBe('organisation');
    expect(builtIn.resolve('Arab League')?.kind).toBe('bloc');
    expect(builtIn.resolve('BRICS')?.kind).toBe('bloc');
    expect(builtIn.resolve('GCC')?.name).toBe('Gulf Cooperation Council');
  });

  it('gives countries their short forms, demonyms and capital', () => {
    const india = builtIn.resolve('India');
    expect(india?.kind).toBe('country');
    expect(india?.aliases).toEqual(
      expect.arrayContaining(['Republic of India', 'Indian', 'Indians', 'New Delhi']),
    );
    expect(builtIn.resolve('Pakistani')?.name).toBe('Pakistan');
    expect(builtIn.resolve('Islamabad')?.name).toBe('Pakistan');
  });

  it('drops names two countries share instead of merging them', () => {
    expect(builtIn.resolve('Korea')).toBeUndefined();
    expect(builtIn.resolve('Congo')).toBeUndefined();
    expect(builtIn.resolve('Congolese')).toBeUndefined();
    expect(builtIn.resolve('Dominican')).toBeUndefined();
    expect(builtIn.resolve('North Korea')?.id).toBe('north-korea');
    expect(builtIn.resolve('Republic of the Congo')?.id).toBe('republic-of-the-congo');
  });

  it('lets a sovereign state keep a name it shares only with territories', () => {
    expect(builtIn.resolve('American')?.name).toBe('United States');
    expect(builtIn.resolve('French')?.name).toBe('France');
    expect(builtIn.resolve('Kingston')?.name).toBe('Jamaica');
  });

  it('reads Georgia as the country', () => {
    expect(builtIn.resolve('Georgia')?.kind).toBe('country');
    expect(builtIn.resolve('Tbilisi')?.name).toBe('Georgia');
  });

  it('keeps only two-letter codes that are not words or common abbreviations', () => {
    expect(builtIn.resolve('US')?.name).toBe('United States');
    expect(builtIn.resolve('UK')?.name).toBe('United Kingdom');
    expect(builtIn.resolve('UA')?.name).toBe('Ukraine');
    for (const code of ['IN', 'IT', 'IS', 'AM', 'BE', 'NO', 'ME', 'TO', 'AI', 'PM', 'TV', 'LA']) {
      expect(builtIn.resolve(code), code).toBeUndefined();
    }
  });
});

describe('resolve', () => {
  it('ignores case, diacritics, dots and possessives', () => {
    expect(builtIn.resolve('u.s.')?.id).toBe('united-states');
    expect(builtIn.resolve('UKRAINE’S')?.id).toBe('ukraine');
    expect(builtIn.resolve('cote d’ivoire')?.id).toBe('ivory-coast');
    expect(builtIn.resolve('  Bogota ')?.id).toBe('colombia');
  });

  it('accepts ids', () => {
    expect(builtIn.resolve('united-states')?.name).toBe('United States');
    expect(builtIn.get('russia')?.name).toBe('Russia');
  });
});

describe('suggest', () => {
  it('puts prefix matches first', () => {
    expect(builtIn.suggest('Ukr', 3)[0]?.name).toBe('Ukraine');
    expect(builtIn.suggest('pak', 3)[0]?.name).toBe('Pakistan');
    expect(builtIn.suggest('korea', 5).map((party) => party.name)).toEqual(
      expect.arrayContaining(['North Korea', 'South Korea']),
    );
  });

  it('finds typos', () => {
    expect(builtIn.suggest('Rusia', 3)[0]?.name).toBe('Russia');
    expect(builtIn.suggest('Germny', 3)[0]?.name).toBe('Germany');
    expect(builtIn.suggest('Ukriane', 3)[0]?.name).toBe('Ukraine');
  });

  it('answers nothing for nothing and respects the limit', () => {
    expect(builtIn.suggest('   ')).toEqual([]);
    expect(builtIn.suggest('s', 4)).toHaveLength(4);
    expect(builtIn.suggest('qqqqqq')).toEqual([]);
  });

  it('finds people from the file by any alias', () => {
    const registry = registryWith(`
- name: Volodymyr Zelenskyy
  kind: person
  aliases: [Zelensky]
`);
    expect(registry.suggest('Zelensk', 1)[0]?.name).toBe('Volodymyr Zelenskyy');
    expect(registry.suggest('Zelenskz', 1)[0]?.name).toBe('Volodymyr Zelenskyy');
  });
});

describe('withFile', () => {
  const registry = registryWith(`
- name: Ukraine
  aliases: [Kiev, Ukrainians]
  members: [Volodymyr Zelenskyy]
- name: Volodymyr Zelenskyy
  kind: person
  aliases: [Zelensky, Zelenskyy]
- name: European Union
  aliases: [Brussels]
- name: United States
  members: [Steve Witkoff, U.S. Congress]
- name: U.S. Congress
  kind: organisation
`);

  it('extends a built-in party and keeps its id and kind', () => {
    const ukraine = registry.resolve('Kiev');
    expect(ukraine?.id).toBe('ukraine');
    expect(ukraine?.kind).toBe('country');
    expect(ukraine?.aliases).toEqual(expect.arrayContaining(['Kyiv', 'Ukrainian', 'Kiev']));
  });

  it('resolves members by name, and makes a person of a member nobody defined', () => {
    // Zelenskyy is a built-in member of Ukraine already: the file's naming him adds him no second time.
    const ukraine = registry.resolve('Ukraine')?.members ?? [];
    expect(ukraine.filter((id) => id === 'volodymyr-zelenskyy')).toHaveLength(1);
    const unitedStates = registry.resolve('United States');
    // The file's members follow the built-in office-holders.
    expect(unitedStates?.members.slice(-2)).toEqual(['steve-witkoff', 'us-congress']);
    expect(unitedStates?.members).toContain('marco-rubio');
    expect(registry.get('steve-witkoff')).toMatchObject({
      name: 'Steve Witkoff',
      kind: 'person',
      aliases: [],
    });
    expect(registry.get('us-congress')?.kind).toBe('organisation');
  });

  it('leaves the built-in registry as it was', () => {
    expect(builtIn.resolve('Ukraine')?.members).not.toContain('steve-witkoff');
    expect(builtIn.resolve('United States')?.members).not.toContain('steve-witkoff');
    expect(builtIn.get('steve-witkoff')).toBeUndefined();
  });

  it('moves a name the file claims away from the built-in party that had it', () => {
    expect(registry.resolve('Brussels')?.id).toBe('european-union');
    expect(registry.resolve('Belgium')?.aliases).not.toContain('Brussels');
    expect(builtIn.resolve('Brussels')?.id).toBe('belgium');
  });

  it('lists members with members of members', () => {
    const nested = registryWith(`
- name: Europe
  kind: bloc
  members: [Austria]
- name: Austria
  members: [Christian Stocker]
`);
    const europe = nested.resolve('Europe')!;
    expect(nested.withMembers(europe).map((party) => party.id)).toEqual([
      'europe',
      'austria',
      'christian-stocker',
    ]);
  });

  it('lets a renamed built-in keep its old name as an alias', () => {
    const renamed = registryWith(`
- name: USA
  aliases: [Washington]
`);
    const party = renamed.resolve('United States');
    expect(party).toMatchObject({ id: 'united-states', name: 'USA' });
    expect(renamed.resolve('Washington')?.id).toBe('united-states');
  });
});
