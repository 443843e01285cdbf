/**
 * When a reader's alert may go, and what it holds. The rule: at most one direct message per reader and local day
 * (in the bot's time zone), never before the alert time (09:00 unless told otherwise). At that time the alert
 * carries what is new since the last one; a day with nothing new by then sends the first briefing that arrives
 * later that day at once; what arrives after the day's alert waits for the next day's.
 */
import { DateTime } from 'luxon';
import type { Briefing } from '../briefing/model.js';
import type { Follow, Follower } from './model.js';

/** Every day's alerts may go from this local time on. */
export interface AlertSchedule {
  /** HH:MM, 24-hour. */
  time: string;
  /** IANA zone: the bot's (DEFAULT_TIMEZONE). */
  timezone: string;
}

export interface AlertDay {
  /** YYYY-MM-DD in the schedule's zone: at most one alert per reader carries it. */
  localDate: string;
  /** When alerts may go on that day. */
  opensAt: Date;
  /** `now` is at or after opensAt. */
  open: boolean;
}

function timeOn(day: DateTime, time: string): DateTime {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  // A time the clocks skip moves forward by the gap; one that happens twice resolves to one instant.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The local day `now` falls on, and whether its alerts may go yet. */
export function alertDay(now: Date, schedule: AlertSchedule): AlertDay {
  const today = DateTime.fromJSDate(now, { zone: schedule.timezone });
  const opensAt = timeOn(today.startOf('day'), schedule.time).toJSDate();
  return { localDate: today.toISODate()!, opensAt, open: opensAt.getTime() <= now.getTime() };
}

/** The first instant after `now` at which a new day's alerts may go. */
export function nextOpening(now: Date, schedule: AlertSchedule): Date {
  const day = alertDay(now, schedule);
  if (!day.open) return day.opensAt;
  const tomorrow = DateTime.fromJSDate(now, { zone: schedule.timezone }).startOf('day').plus({ days: 1 });
  return timeOn(tomorrow, schedule.time).toJSDate();
}

/** The day before `instant`'s local day, YYYY-MM-DD: how far back an alert may reach. */
export function dayBefore(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).minus({ days: 1 }).toISODate()!;
}

/** The oldest briefing date a follow may alert to: the day before it began (or was taken up again). */
export function followNotBefore(follow: Follow, follower: Follower, timezone: string): string {
  const from = follow.createdAt > follower.activeFrom ? follow.createdAt : follower.activeFrom;
  return dayBefore(new Date(from), timezone);
}

export interface AlertSelection {
  follows: readonly Follow[];
  follower: Follower;
  /** Briefings the reader is not to be alerted to again. */
  seen: ReadonlySet<string>;
  timezone: string;
  /** The library's briefings dated on or after YYYY-MM-DD. */
  briefingsSince(date: string): readonly Briefing[];
  /** The party index: the briefing names that party (or an alias, or a member). */
  mentions(briefingId: string, party: string): boolean;
}

export interface AlertContent {
  /** Oldest first. */
  briefings: Briefing[];
  /** The followed parties they name, in the reader's order. */
  parties: string[];
}

function oldestFirst(a: Briefing, b: Briefing): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The briefings a reader's alert would carry now: new to them, and naming a party they follow. */
export function selectAlert(selection: AlertSelection): AlertContent {
  const { follows, follower, seen, timezone, mentions } = selection;
  if (!follows.length) return { briefings: [], parties: [] };
  const bounds = follows.map((follow) => ({
    party: follow.party,
    notBefore: followNotBefore(follow, follower, timezone),
  }));
  const oldest = bounds.reduce((min, bound) => (bound.notBefore < min ? bound.notBefore : min), '9999');
  const named = new Set<string>();
  const briefings = selection
    .briefingsSince(oldest)
    .filter((briefing) => {
      if (seen.has(briefing.id)) return false;
      let about = false;
      for (const bound of bounds) {
        if (briefing.date >= bound.notBefore && mentions(briefing.id, bound.party)) {
          named.add(bound.party);
          about = true;
        }
      }
      return about;
    })
    .sort(oldestFirst);
  return { briefings, parties: follows.map((follow) => follow.party).filter((party) => named.has(party)) };
}
