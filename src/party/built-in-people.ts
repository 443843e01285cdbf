/**
 * The people of data/people.ts as parties, and which country or bloc each belongs to: a statement naming
 * `Sergey Lavrov` counts for Russia through Russia's members, as a person declared in parties.yml would.
 */
import { PEOPLE } from './data/people.js';
import { slugify } from './fold.js';
import type { Party } from './model.js';

export function builtInPeople(): Party[] {
  return PEOPLE.map((person) => ({
    id: slugify(person.name),
    name: person.name,
    kind: 'person',
    aliases: [...person.aliases],
    laterAliases: [...person.laterAliases],
    members: [],
  }));
}

/** Party id of each country or bloc -> ids of the people who held one of its offices, in list order. */
export function officeHolders(): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const person of PEOPLE) {
    const id = slugify(person.name);
    for (const office of person.offices) {
      const ids = holders.get(office.party) ?? [];
      if (!ids.includes(id)) ids.push(id);
      holders.set(office.party, ids);
    }
  }
  return holders;
}
