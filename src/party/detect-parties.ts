/**
 * The registry parties a briefing names in its text, found the way `briefings party` finds them: every
 * statement (summary sentences, bullets of every section) through the registry's mention matcher.
 */
import type { Briefing } from '../briefing/model.js';
import { matcherFor } from './matcher.js';
import type { Party } from './model.js';
import type { PartyRegistry } from './registry.js';
import { statementsOf } from './statements.js';

/** Each party once, in order of first mention. Parties the briefing only declares are not included. */
export function detectParties(briefing: Briefing, registry: PartyRegistry): Party[] {
  const matcher = matcherFor(registry);
  const ids = new Set<string>();
  for (const statement of statementsOf(briefing)) {
    for (const id of matcher.partyIds(statement.text)) ids.add(id);
  }
  return [...ids].map((id) => registry.get(id)).filter((party): party is Party => party !== undefined);
}

/** The detected parties the briefing does not already declare (by any of their names), as names to add. */
export function undeclaredParties(briefing: Briefing, registry: PartyRegistry): string[] {
  const declared = new Set(briefing.parties.map((name) => registry.resolve(name)?.id ?? name.toLowerCase()));
  return detectParties(briefing, registry)
    .filter((party) => !declared.has(party.id))
    .map((party) => party.name);
}
