/**
 * A short key that resolves to one party (PartyRegistry.resolve): what an autocomplete value and a page button
 * carry. Its name when short enough to ride whole; a hash of its id for a longer name, which would otherwise be
 * cut on the way and then found nowhere.
 */
import { createHash } from 'node:crypto';

/** Longest name carried as it is: a page button's custom_id leaves about this much room after its state. */
export const PARTY_KEY_MAX = 40;
const HASHED = '~';
const HASHED_KEY = /^~[\w-]{16}$/;

export function hashedPartyKey(id: string): string {
  return HASHED + createHash('sha256').update(id).digest('base64url').slice(0, 16);
}

export function isHashedPartyKey(text: string): boolean {
  return HASHED_KEY.test(text);
}

export function partyKey(party: { id: string; name: string }): string {
  return party.name.length <= PARTY_KEY_MAX && !party.name.startsWith(HASHED)
    ? party.name
    : hashedPartyKey(party.id);
}
