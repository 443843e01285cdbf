/**
 * A short key that resolves to one party (PartyRegistry.resolve): what an autocomplete value and a page button
 * carry. Its name when short enough to ride whole; a hash of its id (src/short-key.ts) for a longer name, which
 * would otherwise be cut on the way and then found nowhere.
 */
import { carriedAsItIs, hashKey, KEY_MAX } from '../text/short-key.js';

/** Longest name carried as it is. */
export const PARTY_KEY_MAX = KEY_MAX;

export function partyKey(party: { id: string; name: string }): string {
  return carriedAsItIs(party.name, PARTY_KEY_MAX) ? party.name : hashKey(party.id);
}
