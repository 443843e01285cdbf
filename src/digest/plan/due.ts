/**
 * Whether a subscription's fire is owed, and how: sent, recorded as paused, or recorded as missed because the
 * bot was down past the grace. A fire that fell due while this process ran is on time however late its timer
 * woke; only fires from before the start are held to the grace.
 */
import type { Subscription } from '../model.js';
import type { DeliveryReason } from '../reasons.js';
import type { Fire } from './fire-time.js';

/** Later than this, a caught-up row says the bot was not running at the fire. */
export const LATE_AFTER_MS = 5 * 60_000;

export type FireDecision =
  /** Before the subscription (or its current time) began: nothing is owed. */
  | { kind: 'not-owed' }
  | { kind: 'record'; status: 'paused' | 'missed'; reason: DeliveryReason }
  /** Send it; the note says why it is late, when it is. */
  | { kind: 'send'; note: DeliveryReason | null };

export interface DuePolicy {
  /** When this process started running the schedule. */
  startedAt: Date;
  graceMs: number;
}

export function judgeFire(sub: Subscription, fire: Fire, now: Date, policy: DuePolicy): FireDecision {
  if (fire.at.getTime() < Date.parse(sub.activeFrom)) return { kind: 'not-owed' };
  if (sub.paused) {
    const pause = sub.pauseReason ?? { code: 'by-manager' };
    return { kind: 'record', status: 'paused', reason: { code: 'paused', pause } };
  }
  const lateMs = now.getTime() - fire.at.getTime();
  const whileDown = fire.at.getTime() < policy.startedAt.getTime();
  if (whileDown && lateMs > policy.graceMs) {
    return {
      kind: 'record',
      status: 'missed',
      reason: { code: 'missed', time: sub.time, timezone: sub.timezone, lateMs, graceMs: policy.graceMs },
    };
  }
  const note: DeliveryReason | null =
    whileDown && lateMs > LATE_AFTER_MS
      ? { code: 'bot-was-down', time: sub.time, timezone: sub.timezone }
      : null;
  return { kind: 'send', note };
}
