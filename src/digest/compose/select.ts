/** What a digest holds: the briefings a channel has not received yet, after its filters, oldest first. */
import type { Briefing } from '../../briefing/model.js';

export interface DigestFilter {
  /** Only briefings that mention this party. */
  party: string | null;
  /** Only briefings carrying this tag, compared case-insensitively. */
  tag: string | null;
}

export interface DigestSelection extends DigestFilter {
  briefings: readonly Briefing[];
  /** Briefing ids the channel has already received (or is about to). */
  received: ReadonlySet<string>;
  /** Oldest briefing date a digest may include, YYYY-MM-DD: keeps a new subscription from posting the archive. */
  notBefore: string;
  /** Injected by the party index: the briefing names that party, an alias or a member. */
  mentions: (briefingId: string, party: string) => boolean;
}

function oldestFirst(a: Briefing, b: Briefing): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function hasTag(briefing: Briefing, tag: string): boolean {
  const wanted = tag.trim().toLowerCase();
  return briefing.tags.some((own) => own.trim().toLowerCase() === wanted);
}

export function selectNewBriefings(selection: DigestSelection): Briefing[] {
  const { party, tag, received, notBefore, mentions } = selection;
  return selection.briefings
    .filter(
      (briefing) =>
        !received.has(briefing.id) &&
        briefing.date >= notBefore &&
        (tag === null || hasTag(briefing, tag)) &&
        (party === null || mentions(briefing.id, party)),
    )
    .sort(oldestFirst);
}
