/**
 * The parties every registry knows before any briefings/parties.yml: each country of world-countries
 * (names, short forms, demonyms and capital), the organisations of data/organisations.ts, and the people of
 * data/people.ts as members of the countries and blocs whose offices they held.
 *
 * A name two parties claim is dropped from both, so an ambiguous word never merges two parties; except
 * that a sovereign state keeps a name it shares only with dependent territories (`American` is the United
 * States, not the Northern Mariana Islands; `French` is France).
 */
import countries from 'world-countries/countries.json' with { type: 'json' };
import { builtInPeople, officeHolders } from './built-in-people.js';
import {
  AMBIGUOUS_NAMES,
  DROPPED_ALIASES,
  EXTRA_COUNTRY_ALIASES,
  UNUSABLE_CODES,
} from './data/country-adjustments.js';
import { ORGANISATIONS } from './data/organisations.js';
import { slugify } from './fold.js';
import type { Party } from './model.js';
import { nameKey } from './tokens.js';

interface Claimant {
  party: Party;
  /** Sovereign states and organisations outrank dependent territories when they share a name. */
  rank: number;
}

interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  independent?: boolean | null;
  unMember?: boolean;
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

/** `Kittitian or Nevisian`, `Antiguan, Barbudan`: one demonym per people. */
function splitDemonyms(demonym: string): string[] {
  return demonym
    .split(/,| or /)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `Ukrainian` -> `Ukrainians`; `French`, `Swiss`, `Chinese` have no plural of their own. */
function pluralDemonym(demonym: string): string | undefined {
  return /(sh|nch|tch|ese|s|x|z)$/i.test(demonym) ? undefined : `${demonym}s`;
}

function isCode(alias: string): boolean {
  return /^[A-Z]{2}$/.test(alias);
}

function usableAlias(alias: string): boolean {
  if (DROPPED_ALIASES.has(alias)) return false;
  return !isCode(alias) || !UNUSABLE_CODES.has(alias);
}

function countryParty(country: CountryRecord): Party {
  const name = country.name.common;
  const demonyms = new Set<string>();
  const english = country.demonyms?.eng;
  for (const demonym of english ? [english.m, english.f] : []) {
    for (const one of splitDemonyms(demonym)) {
      demonyms.add(one);
      const plural = pluralDemonym(one);
      if (plural) demonyms.add(plural);
    }
  }
  const aliases = [
    country.name.official,
    ...country.altSpellings,
    ...country.capital,
    ...demonyms,
    ...(EXTRA_COUNTRY_ALIASES[country.cca2] ?? []),
  ].filter(usableAlias);
  return { id: slugify(name), name, kind: 'country', aliases: [...new Set(aliases)], members: [] };
}

/** Keeps each name with the one party entitled to it; see the module comment. */
function dropSharedNames(claimants: Claimant[]): void {
  const byKey = new Map<string, Claimant[]>();
  for (const claimant of claimants) {
    for (const alias of claimant.party.aliases) {
      const key = nameKey(alias);
      const owners = byKey.get(key) ?? [];
      if (!owners.includes(claimant)) owners.push(claimant);
      byKey.set(key, owners);
    }
  }
  const ambiguous = new Set(AMBIGUOUS_NAMES.map(nameKey));
  const losing = new Map<Party, Set<string>>();
  for (const [key, owners] of byKey) {
    let keepers: Claimant[] = [];
    if (!ambiguous.has(key)) {
      const top = Math.max(...owners.map((owner) => owner.rank));
      keepers = owners.filter((owner) => owner.rank === top);
    }
    for (const owner of owners) {
      if (keepers.length === 1 && keepers[0] === owner) continue;
      const keys = losing.get(owner.party) ?? new Set<string>();
      keys.add(key);
      losing.set(owner.party, keys);
    }
  }
  for (const [party, keys] of losing) {
    party.aliases = party.aliases.filter((alias) => !keys.has(nameKey(alias)));
  }
}

export function builtInParties(): Party[] {
  const claimants: Claimant[] = [];
  for (const country of countries as CountryRecord[]) {
    const party = countryParty(country);
    // The common name is an alias too, so a territory's demonym cannot take a country's name.
    party.aliases.unshift(party.name);
    claimants.push({ party, rank: country.independent ? 2 : 1 });
  }
  for (const organisation of ORGANISATIONS) {
    const party: Party = {
      id: slugify(organisation.name),
      name: organisation.name,
      kind: organisation.kind,
      aliases: [organisation.name, ...organisation.aliases],
      members: [],
    };
    claimants.push({ party, rank: 2 });
  }
  for (const person of builtInPeople()) {
    person.aliases.unshift(person.name);
    claimants.push({ party: person, rank: 2 });
  }
  dropSharedNames(claimants);
  const holders = officeHolders();
  return claimants.map(({ party }) => {
    const own = nameKey(party.name);
    return {
      ...party,
      aliases: party.aliases.filter((alias) => nameKey(alias) !== own),
      members: holders.get(party.id) ?? party.members,
    };
  });
}
