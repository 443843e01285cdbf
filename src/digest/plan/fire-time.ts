/** Zone arithmetic for daily fires: which local day it is, and when a subscription's time falls on it. */
import { DateTime } from 'luxon';

export interface Fire {
  /** The local day this fire belongs to, YYYY-MM-DD: the ledger's once-a-day key. */
  localDate: string;
  at: Date;
}

interface Slot {
  time: string;
  timezone: string;
}

export function localDateOf(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate()!;
}

/**
 * When `slot.time` falls on a local day. A time the clocks skip (02:30 on a spring-forward night) moves
 * forward by the gap, so that day still gets its fire; a time that happens twice resolves to one instant.
 */
export function fireOn(localDate: string, slot: Slot): Fire {
  const [hour, minute] = slot.time.split(':').map(Number);
  const day = DateTime.fromISO(localDate, { zone: slot.timezone });
  const at = day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
  return { localDate, at: at.toJSDate() };
}

/** The most recent fire at or before `now`: today's if its time has come, else yesterday's. */
export function latestFire(slot: Slot, now: Date): Fire {
  const today = DateTime.fromJSDate(now, { zone: slot.timezone });
  const fire = fireOn(today.toISODate()!, slot);
  if (fire.at.getTime() <= now.getTime()) return fire;
  return fireOn(today.minus({ days: 1 }).toISODate()!, slot);
}

/** The first fire after `now`. */
export function nextFire(slot: Slot, now: Date): Fire {
  const today = DateTime.fromJSDate(now, { zone: slot.timezone });
  const fire = fireOn(today.toISODate()!, slot);
  if (fire.at.getTime() > now.getTime()) return fire;
  return fireOn(today.plus({ days: 1 }).toISODate()!, slot);
}

/** The day before `instant`'s local day: how far back a new subscription's first digest reaches. */
export function dayBefore(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).minus({ days: 1 }).toISODate()!;
}
