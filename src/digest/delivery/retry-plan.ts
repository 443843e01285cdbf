/**
 * When a digest that Discord did not take is tried again. A few quick attempts happen while the send is in hand
 * (a blip of a few seconds); after that the row waits in the ledger with its next time, so a longer outage and a
 * restart in between lose nothing, until the catch-up window of its fire closes.
 */

/** Waits before the quick attempts, in the process that is sending. */
export const QUICK_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000];

/** Waits before each later attempt, kept in the ledger; the last one repeats. */
export const LATER_RETRY_DELAYS_MS: readonly number[] = [
  60_000,
  2 * 60_000,
  5 * 60_000,
  10 * 60_000,
  15 * 60_000,
  30 * 60_000,
];

/** The time of the next later attempt after `laterAttempts` of them, or undefined when it would come after `deadline`. */
export function nextRetryAt(laterAttempts: number, now: Date, deadline: Date): Date | undefined {
  const index = Math.min(laterAttempts, LATER_RETRY_DELAYS_MS.length - 1);
  const at = new Date(now.getTime() + LATER_RETRY_DELAYS_MS[index]!);
  return at.getTime() <= deadline.getTime() ? at : undefined;
}
