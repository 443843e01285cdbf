/**
 * Before a digest is sent again, is it already in the channel? Discord remembers a message's nonce for a few
 * minutes only: a resend after that would post a second copy of a message whose first copy went out just before
 * a crash. So an older row is checked against the channel itself: each message carries its part's nonce as a
 * marker (in its buttons' custom_id), and the bot reads its own messages since the row was written.
 */
import type { DeliveryRecord } from '../model.js';

/** Discord keeps a nonce for about five minutes; trusting it for four leaves room for clocks that disagree. */
export const NONCE_TRUST_MS = 4 * 60_000;

/** The channel is read from this long before the row was written, in case Discord's clock runs behind ours. */
const CLOCK_SKEW_MS = 60_000;

/** Whether a send of this row may rely on its nonces, or must look in the channel first. */
export function nonceStillTrusted(record: Pick<DeliveryRecord, 'createdAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(record.createdAt) < NONCE_TRUST_MS;
}

/** Where in the channel's history to start looking for the row's messages. */
export function searchFrom(record: Pick<DeliveryRecord, 'createdAt'>): Date {
  return new Date(Date.parse(record.createdAt) - CLOCK_SKEW_MS);
}

/** The prefix of every digest message's marker custom_id; the rest says which part of which delivery it is. */
export const MARKER_PREFIX = 'digest:';

/** The custom_id of a button on a digest message: the part's nonce, then what the button opens. */
export function markerId(nonce: string, rest: string): string {
  return `${MARKER_PREFIX}${nonce}:${rest}`;
}

/** The nonce a custom_id marks, or undefined when it is not a digest marker. */
export function markedNonce(customId: string): string | undefined {
  if (!customId.startsWith(MARKER_PREFIX)) return undefined;
  const end = customId.indexOf(':', MARKER_PREFIX.length);
  return end > MARKER_PREFIX.length ? customId.slice(MARKER_PREFIX.length, end) : undefined;
}
