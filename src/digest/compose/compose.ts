/**
 * What one channel's digest holds right now: the briefings it has not received (after its filters), rendered as
 * messages each carrying its nonce as a marker; or why there is nothing to send.
 */
import type { Briefing } from '../../briefing/model.js';
import type { MessagePayload } from '../../message/payload.js';
import { digestNonces } from '../delivery/nonce.js';
import type { Subscription } from '../model.js';
import { dayBefore } from '../plan/fire-time.js';
import type { DeliveryReason } from '../reasons.js';
import { selectNewBriefings } from './select.js';

/** Gives each message of a digest its part's marker, where the bot can find it again in the channel. */
export type Marker = (part: number) => string;

export interface DigestRenderer {
  /** The digest as messages, in order. */
  render(briefings: readonly Briefing[], sub: Subscription, marker?: Marker): MessagePayload[];
  renderNothingNew(sub: Subscription, marker?: Marker): MessagePayload;
}

export interface CompositionSource extends DigestRenderer {
  /** The library's briefings dated on or after YYYY-MM-DD (a digest never reaches further back). */
  briefingsSince(date: string): readonly Briefing[];
  /** The party index's answer: the briefing mentions that party (or an alias, or a member). */
  mentions(briefingId: string, party: string): boolean;
}

export type Composition =
  | { kind: 'digest'; briefingIds: string[]; parts: { payload: MessagePayload; nonce: string }[] }
  | { kind: 'nothing'; status: 'nothing-new' | 'failed'; reason: DeliveryReason; error?: unknown };

/** The oldest briefing date a digest of `sub` may carry: the day before it was made (YYYY-MM-DD). */
export function notBefore(sub: Pick<Subscription, 'createdAt' | 'timezone'>): string {
  return dayBefore(new Date(sub.createdAt), sub.timezone);
}

/** The briefings a digest for `sub` would carry now. */
export function newBriefings(
  sub: Subscription,
  source: CompositionSource,
  received: ReadonlySet<string>,
): Briefing[] {
  const from = notBefore(sub);
  return selectNewBriefings({
    briefings: source.briefingsSince(from),
    received,
    notBefore: from,
    party: sub.party,
    tag: sub.tag,
    mentions: (id, party) => source.mentions(id, party),
  });
}

export function composeDigest(
  sub: Subscription,
  source: CompositionSource,
  received: ReadonlySet<string>,
): Composition {
  const briefings = newBriefings(sub, source, received);
  if (briefings.length === 0 && !sub.postWhenEmpty) {
    return {
      kind: 'nothing',
      status: 'nothing-new',
      reason: { code: 'nothing-new', party: sub.party, tag: sub.tag },
    };
  }
  // The nonces come first: each message carries its own as a marker.
  const nonceOf = digestNonces();
  try {
    const payloads =
      briefings.length > 0 ? source.render(briefings, sub, nonceOf) : [source.renderNothingNew(sub, nonceOf)];
    if (payloads.length === 0) throw new Error('the renderer returned no message');
    return {
      kind: 'digest',
      briefingIds: briefings.map((briefing) => briefing.id),
      parts: payloads.map((payload, index) => ({ payload, nonce: nonceOf(index) })),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'nothing', status: 'failed', reason: { code: 'render-failed', error: message }, error };
  }
}

/** What would be posted now, without nonces or markers; [] when the day would be skipped. */
export function previewDigest(
  sub: Subscription,
  source: CompositionSource,
  received: ReadonlySet<string>,
): MessagePayload[] {
  const briefings = newBriefings(sub, source, received);
  if (briefings.length > 0) return source.render(briefings, sub);
  return sub.postWhenEmpty ? [source.renderNothingNew(sub)] : [];
}
