import { describe, expect, it } from 'vitest';
import { MentionMatcher } from '../../src/party/matcher.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { registryWith } from './helpers.js';

const builtIn = new MentionMatcher(PartyRegistry.builtIn());
const ids = (text: string, matcher = builtIn) => matcher.partyIds(text);

describe('short codes', () => {
  it('reads US as the United States but not the word "us"', () => {
    expect(ids('Officials in the US told us nothing.')).toEqual(['united-states']);
    expect(ids('Let us wait and see what comes to us.')).toEqual([]);
  });

  it('reads dotted forms and hyphenated compounds', () => {
    expect(ids('U.S. envoys arrived.')).toEqual(['united-states']);
    expect(ids('The U.S.-led push stalled.')).toEqual(['united-states']);
    expect(ids('A U.N. resolution and the U.K. response.')).toEqual(['united-nations', 'united-kingdom']);
  });

  it('keeps two-letter codes that are English words out', () => {
    expect(ids('IN IT IS AM BE NO ME TO ON')).toEqual([]);
    expect(ids('The UK and the EU agreed.')).toEqual(['united-kingdom', 'european-union']);
  });

  it('matches longer acronyms in any case but short ones only in capitals', () => {
    expect(ids('Nato and NATO')).toEqual(['nato']);
    expect(ids('The WHO warned; who knows why.')).toEqual(['world-health-organization']);
  });
});

describe('word forms', () => {
  it('handles possessives with straight and curly apostrophes', () => {
    expect(ids("Ukraine's army")).toEqual(['ukraine']);
    expect(ids('Ukraine’s army')).toEqual(['ukraine']);
    expect(ids('Russia’s position and Germany‘s view')).toEqual(['russia', 'germany']);
  });

  it('ignores case and diacritics', () => {
    expect(ids('UKRAINE AND RUSSIA')).toEqual(['ukraine', 'russia']);
    expect(ids('Talks in Bogota and Bogotá')).toEqual(['colombia']);
    expect(ids('Türkiye, Turkiye and Turkey')).toEqual(['turkiye']);
  });

  it('reads demonyms and adjectives as the country', () => {
    expect(ids('Russian aggression')).toEqual(['russia']);
    expect(ids('Three-quarters of Ukrainians oppose it')).toEqual(['ukraine']);
    expect(ids('Indian and Pakistani diplomats')).toEqual(['india', 'pakistan']);
  });

  it('reads capitals as the country', () => {
    expect(ids('Talks in Kyiv and Moscow')).toEqual(['ukraine', 'russia']);
  });

  it('respects word boundaries', () => {
    expect(ids('A russian-speaking Ukrainianist in Omaha')).toEqual(['russia']);
    expect(ids('Perusal of Chadwick and Omani')).toEqual(['oman']);
  });

  it('leaves common lowercase words alone when they are names only with a capital', () => {
    expect(ids('polish the china and carve the turkey')).toEqual([]);
    expect(ids('Polish troops, China and Turkey')).toEqual(['poland', 'china', 'turkiye']);
  });
});

describe('names that contain other names', () => {
  it('tells Niger from Nigeria', () => {
    expect(ids('Niger')).toEqual(['niger']);
    expect(ids('Nigeria')).toEqual(['nigeria']);
    expect(ids('Nigerien and Nigerian troops')).toEqual(['niger', 'nigeria']);
  });

  it('lets the longest name win', () => {
    expect(ids('Papua New Guinea')).toEqual(['papua-new-guinea']);
    expect(ids('Guinea-Bissau')).toEqual(['guinea-bissau']);
    expect(ids('Equatorial Guinea and Guinea')).toEqual(['equatorial-guinea', 'guinea']);
    expect(ids('South Sudan, not Sudan')).toEqual(['south-sudan', 'sudan']);
    expect(ids('the Democratic Republic of the Congo')).toEqual(['dr-congo']);
  });

  it('keeps North and South Korea apart and leaves bare Korea to nobody', () => {
    expect(ids('North Korea fired at South Korea')).toEqual(['north-korea', 'south-korea']);
    expect(ids('Korea and Congo')).toEqual([]);
  });

  it('reads Georgia as the country', () => {
    expect(ids('Georgia and Georgians')).toEqual(['georgia']);
    expect(ids('South Georgia')).toEqual(['south-georgia']);
  });

  it('does not see countries in places named after them', () => {
    expect(ids('New Mexico, New Jersey, the Indian Ocean and Latin American states')).toEqual([]);
  });

  it('does not run a name across punctuation', () => {
    expect(ids('Sierra Leone')).toEqual(['sierra-leone']);
    expect(ids('the Sierra. Leone')).toEqual([]);
    expect(ids('Costa, Rica')).toEqual([]);
  });
});

describe('names from parties.yml', () => {
  const matcher = new MentionMatcher(
    registryWith(`
- name: United States
  aliases: [Trump administration, Washington]
  members: [Donald Trump]
- name: Donald Trump
  aliases: [Trump]
- name: Jared Kushner
  aliases: [Kushner]
- name: Russia
  aliases: [Kremlin]
  members: [Dmitry Peskov]
- name: Dmitry Peskov
  aliases: [Peskov]
- name: Volodymyr Zelenskyy
  aliases: [Zelensky]
`),
  );

  it('finds multi-word names and people', () => {
    expect(ids('Jared Kushner met Kushner’s team', matcher)).toEqual(['jared-kushner']);
    expect(ids('Kremlin spokesperson Dmitry Peskov', matcher)).toEqual(['russia', 'dmitry-peskov']);
  });

  it('prefers the longer alias over the person in it', () => {
    expect(ids('pressure from the Trump administration', matcher)).toEqual(['united-states']);
    expect(ids('Trump said', matcher)).toEqual(['donald-trump']);
  });

  it('matches spelling variants and diacritics of a person', () => {
    expect(ids('Volodymyr Zelenskyy, Zelensky and Zelénsky’s office', matcher)).toEqual([
      'volodymyr-zelenskyy',
    ]);
    expect(ids('Peskóv spoke', matcher)).toEqual(['dmitry-peskov']);
  });

  it('reports where each mention is among the words', () => {
    expect(matcher.mentions('Then Jared Kushner left')).toEqual([
      { partyId: 'jared-kushner', start: 1, length: 2 },
    ]);
  });
});

describe('every registered name', () => {
  it('is found as its own party when it stands alone', () => {
    const registry = PartyRegistry.builtIn();
    const matcher = new MentionMatcher(registry);
    // Inverted forms (`Korea, Republic of`), bracketed notes, `St.` abbreviations and a word opening with an
    // apostrophe (`Kūki 'Āirani`) are for lookups, not prose.
    // A later alias (a common surname) counts only after a full name, tested with the people.
    const prose = registry.names().filter((name) => !name.later && !/[,()‘]|^St\. |\s'/.test(name.text));
    expect(prose.length).toBeGreaterThan(1500);
    const missed = prose.filter((name) => {
      const found = matcher.partyIds(name.text);
      return found.length !== 1 || found[0] !== name.partyId;
    });
    expect(missed.map((name) => `${name.text} (${name.partyId})`)).toEqual([]);
  });
});
