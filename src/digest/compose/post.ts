/**
 * A digest as a post in a forum or media channel: its title (words, from render/, passed in) and the names of the
 * tags it should carry, from the subscription's party and the briefings the digest holds. Worked out again from
 * the ledger row whenever the post is (re)created, so nothing about it needs storing.
 */
import type { Briefing } from '../../briefing/model.js';
import type { DigestPost } from '../delivery/sink.js';
import type { DeliveryRecord, Subscription } from '../model.js';
import type { CompositionSource } from './compose.js';
import { notBefore } from './compose.js';

export interface PostRenderer {
  /** The title of a digest's post, for its local day (YYYY-MM-DD). */
  renderPostTitle(localDate: string): string;
}

/**
 * Names the post may be tagged with, most wanted first, each once (compared case-insensitively): the
 * subscription's party, then the parties the briefings declare, then their tags, in the digest's order.
 */
export function postTagNames(party: string | null, briefings: readonly Briefing[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  const add = (name: string) => {
    const trimmed = name.trim();
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) return;
    seen.add(key);
    names.push(trimmed);
  };
  if (party) add(party);
  for (const briefing of briefings) for (const name of briefing.parties) add(name);
  for (const briefing of briefings) for (const name of briefing.tags) add(name);
  return names;
}

/** The briefings of a ledger row, in the row's order, as the library holds them now (a removed one is left out). */
export function briefingsOf(
  record: Pick<DeliveryRecord, 'briefingIds'>,
  sub: Pick<Subscription, 'createdAt' | 'timezone'>,
  source: Pick<CompositionSource, 'briefingsSince'>,
): Briefing[] {
  const byId = new Map(source.briefingsSince(notBefore(sub)).map((briefing) => [briefing.id, briefing]));
  return record.briefingIds.flatMap((id) => byId.get(id) ?? []);
}

/** The post for a ledger row: titled with its local day, tagged from the subscription (if still there) and its briefings. */
export function digestPost(
  record: Pick<DeliveryRecord, 'briefingIds' | 'localDate'>,
  sub: Subscription | undefined,
  source: Pick<CompositionSource, 'briefingsSince'> & PostRenderer,
): DigestPost {
  const briefings = sub ? briefingsOf(record, sub, source) : [];
  return {
    title: source.renderPostTitle(record.localDate),
    tagNames: postTagNames(sub?.party ?? null, briefings),
  };
}
