/**
 * Party alerts, put together: readers' follows, a sweep every minute, and for each reader at most one direct
 * message per local day listing the new briefings about what they follow (the rule is in plan.ts).
 *
 * Every alert goes through a row written before sending (its messages and their nonces, its briefings marked as
 * seen); the row's unique (reader, local day) is what makes it once a day, across restarts. A row left pending by
 * a crash or a stop is sent again with the same nonces while Discord still remembers them; past that, it may
 * have gone out, and is not sent again. A reader whose direct messages are closed has their alerts paused, not
 * retried, and is told once.
 */
import { randomBytes } from 'node:crypto';
import type { Briefing } from '../briefing/model.js';
import { heartbeatEveryMs, holdFrom, type InstanceClaims, SOLE_INSTANCE } from '../digest/instance.js';
import type { MessagePayload } from '../message/payload.js';
import { DirectMessageError, type DirectMessages } from './direct-messages.js';
import type { FollowingStatus, FollowOutcome, Follows } from './follows.js';
import type { Follower, FollowPause } from './model.js';
import { type AlertSchedule, alertDay, dayBefore, nextOpening, selectAlert } from './plan.js';
import type { FollowStore } from './store.js';

/** Alerts may go from this local time on, each day. */
export const FOLLOW_ALERT_TIME = '09:00';

/** Discord keeps a nonce for about five minutes; trusting it for four leaves room for clocks that disagree. */
const NONCE_TRUST_MS = 4 * 60_000;

export interface FollowLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const quiet: FollowLog = { info() {}, warn() {}, error() {} };

export interface FollowServiceDeps {
  store: FollowStore;
  dms: DirectMessages;
  /** The alert as messages, in order: the briefings and the followed parties they name. */
  render(briefings: readonly Briefing[], parties: readonly string[]): MessagePayload[];
  /** The library's briefings dated on or after YYYY-MM-DD. */
  briefingsSince(date: string): readonly Briefing[];
  /** The party index's answer: the briefing names that party (or an alias, or a member). */
  mentions(briefingId: string, party: string): boolean;
  /** The bot's zone (DEFAULT_TIMEZONE): the local day alerts are counted in. */
  timezone: string;
  /** HH:MM; FOLLOW_ALERT_TIME by default. */
  time?: string;
  now?: () => Date;
  log?: FollowLog;
  /** How often the sweep runs; a minute by default. */
  sweepEveryMs?: number;
  /** How long stop() waits for a sweep in flight; its unfinished sends stay pending for the next start. */
  stopTimeoutMs?: number;
  /** Which instance this is and how it shares the alerts with others; a sole instance by default. */
  instance?: InstanceClaims;
}

/** At most this many pending alerts are taken in one look; the next sweep takes more. */
const CLAIM_BATCH = 500;

/** One nonce per message of an alert: a shared random stem (16 chars) and the part's index, within Discord's 25. */
function alertNonces(): (part: number) => string {
  const stem = randomBytes(12).toString('base64url');
  return (part) => `${stem}.${part}`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FollowService implements Follows {
  readonly schedule: AlertSchedule;
  private readonly store: FollowStore;
  private readonly now: () => Date;
  private readonly log: FollowLog;
  private readonly inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly instance: InstanceClaims;
  /** Set once start() has let go of an earlier run's holds (sole instance); the first sweep waits for it. */
  private released: Promise<unknown> = Promise.resolve();
  /** The sweep under way (or the last one), and the one queued behind it. */
  private last: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(private readonly deps: FollowServiceDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? quiet;
    this.instance = deps.instance ?? SOLE_INSTANCE;
    this.schedule = { time: deps.time ?? FOLLOW_ALERT_TIME, timezone: deps.timezone };
  }

  // Life cycle

  /** Sweeps now and every minute; an instance sharing its database renews its holds a few times per lease. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runDue(), this.deps.sweepEveryMs ?? 60_000);
    this.timer.unref();
    if (this.instance.shared) {
      this.heartbeat = setInterval(() => {
        this.store
          .renewAlertClaims(holdFrom(this.instance, this.now()))
          .catch((error: unknown) => this.log.error({ err: error }, 'follow alert claim heartbeat failed'));
      }, heartbeatEveryMs(this.instance));
      this.heartbeat.unref();
    } else {
      // Alone on its database, alerts held by an earlier run of this bot (a crash, a stop) are this run's at once.
      this.released = this.store.releaseAlertClaims(null);
    }
    void this.runDue();
  }

  /** Stops the sweep and waits (up to stopTimeoutMs) for the one in flight; unfinished sends stay pending. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
    let timeout: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.allSettled([this.last, ...this.inFlight.values()]).then(() => true),
      new Promise<boolean>((resolve) => {
        timeout = setTimeout(() => resolve(false), this.deps.stopTimeoutMs ?? 2_500);
      }),
    ]);
    clearTimeout(timeout);
    // Alerts left pending go to another instance at once; one still being sent keeps its hold.
    if (this.instance.shared && settled)
      await this.store
        .releaseAlertClaims(this.instance.owner)
        .catch((error: unknown) => this.log.warn({ err: error }, 'follow alert claims not released'));
  }

  /**
   * One sweep: pending alerts settled (sent again, or ended), then, once the day's alert time has come, an alert
   * for every reader with something new and no alert yet today. Sweeps run one at a time; a call while one runs
   * gets the next.
   */
  runDue(): Promise<void> {
    if (!this.queued) {
      const next = this.last.then(() => {
        this.queued = undefined;
        return this.sweep();
      });
      this.queued = next;
      this.last = next.catch(() => undefined);
    }
    return this.queued;
  }

  // Readers

  async follow(userId: string, party: string): Promise<FollowOutcome> {
    const now = this.now();
    const before = await this.store.follower(userId);
    // Briefings already out are not news to someone who follows from now on.
    const added = await this.store.addFollow(userId, party, now, this.recentAbout([party], now));
    const resumed = before?.paused ?? false;
    if (resumed) {
      await this.store.resume(userId, now);
      const follows = await this.store.follows(userId);
      await this.store.markSeen(
        userId,
        this.recentAbout(
          follows.map((follow) => follow.party),
          now,
        ),
      );
    }
    return { added, resumed, follows: await this.store.follows(userId) };
  }

  unfollow(userId: string, party: string): Promise<boolean> {
    return this.store.removeFollow(userId, party);
  }

  async following(userId: string): Promise<FollowingStatus> {
    const [follows, follower, [lastAlert]] = await Promise.all([
      this.store.follows(userId),
      this.store.follower(userId),
      this.store.recentAlerts(userId, 1),
    ]);
    const now = this.now();
    const today = alertDay(now, this.schedule);
    // Today's alert already went: tomorrow's opening; today's not yet: as soon as there is news, once open.
    const nextAlertFrom =
      lastAlert?.localDate === today.localDate
        ? nextOpening(now, this.schedule)
        : today.open
          ? null
          : today.opensAt;
    return { follows, follower, lastAlert, nextAlertFrom };
  }

  takePauseNotice(userId: string): Promise<FollowPause | undefined> {
    return this.store.takePauseNotice(userId, this.now());
  }

  // Internals

  private recentAbout(parties: readonly string[], now: Date): string[] {
    return this.deps
      .briefingsSince(dayBefore(now, this.schedule.timezone))
      .filter((briefing) => parties.some((party) => this.deps.mentions(briefing.id, party)))
      .map((briefing) => briefing.id);
  }

  private async sweep(): Promise<void> {
    try {
      await this.settlePending();
      const now = this.now();
      const day = alertDay(now, this.schedule);
      if (!day.open) return;
      const readers = await this.store.dueFollowers(day.localDate);
      if (!readers.length) return;
      // The library is read once per sweep and date, whoever asks.
      const read = new Map<string, readonly Briefing[]>();
      const briefingsSince = (date: string) => {
        let briefings = read.get(date);
        if (!briefings) {
          briefings = this.deps.briefingsSince(date);
          read.set(date, briefings);
        }
        return briefings;
      };
      // All at once: the REST client paces them against Discord's rate limits.
      await Promise.allSettled(
        readers.map((reader) =>
          this.alert(reader, day.localDate, briefingsSince).catch((error: unknown) =>
            // One reader's trouble never holds up the others.
            this.log.error({ err: error, userId: reader.userId }, 'follow alert failed'),
          ),
        ),
      );
    } catch (error) {
      this.log.error({ err: error }, 'follow alert sweep failed');
    }
  }

  /** The reader's alert for the day, if there is anything new for them: recorded, then sent. */
  private async alert(
    reader: Follower,
    localDate: string,
    briefingsSince: (date: string) => readonly Briefing[],
  ): Promise<void> {
    const follows = await this.store.follows(reader.userId);
    const content = selectAlert({
      follows,
      follower: reader,
      seen: await this.store.seen(reader.userId),
      timezone: this.schedule.timezone,
      briefingsSince,
      mentions: this.deps.mentions,
    });
    if (!content.briefings.length) return;
    const payloads = this.deps.render(content.briefings, content.parties);
    if (!payloads.length) throw new Error('the renderer returned no message');
    const nonceOf = alertNonces();
    const id = await this.store.addAlert({
      userId: reader.userId,
      localDate,
      briefingIds: content.briefings.map((briefing) => briefing.id),
      parts: payloads.map((payload, part) => ({ payload, nonce: nonceOf(part) })),
      at: this.now(),
      claim: holdFrom(this.instance, this.now()),
    });
    if (id !== undefined) await this.deliver(id);
  }

  /**
   * Pending alerts free to take (this instance's, or left by a crash or an instance whose hold lapsed), taken so no
   * other instance settles them too: sent again while their nonces hold, ended as unconfirmed after.
   */
  private async settlePending(): Promise<void> {
    await this.released;
    const now = this.now().getTime();
    const runs: Promise<void>[] = [];
    const free = await this.store.claimPendingAlerts(
      holdFrom(this.instance, this.now()),
      this.now(),
      CLAIM_BATCH,
    );
    for (const alert of free) {
      if (this.inFlight.has(alert.id)) continue;
      if (now - Date.parse(alert.createdAt) < NONCE_TRUST_MS) {
        runs.push(this.deliver(alert.id));
        continue;
      }
      // It may have gone out just before a crash, and Discord no longer knows its nonce: not sent again.
      await this.store.endAlert(
        alert.id,
        'unconfirmed',
        { code: 'window-closed', lastError: alert.lastError },
        this.now(),
      );
      this.log.warn(
        { userId: alert.userId, alertId: alert.id },
        'follow alert not confirmed: not sent again',
      );
    }
    await Promise.allSettled(runs);
  }

  /** Sends a pending alert's messages still to go, once at a time per alert. */
  private deliver(id: number): Promise<void> {
    const existing = this.inFlight.get(id);
    if (existing) return existing;
    const run = this.send(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private async send(id: number): Promise<void> {
    const alert = await this.store.getAlert(id);
    if (alert?.status !== 'pending') return;
    for (const [part, message] of alert.parts.entries()) {
      if (message.messageId) continue;
      try {
        const sent = await this.deps.dms.send(alert.userId, message.payload, message.nonce);
        await this.store.markPartSent(id, part, sent.messageId, this.now());
      } catch (error) {
        if (error instanceof DirectMessageError && error.kind === 'closed') {
          await this.store.endAlert(id, 'failed', { code: 'dms-closed' }, this.now());
          await this.store.pause(alert.userId, { code: 'dms-closed' }, this.now());
          this.log.info(
            { userId: alert.userId, error: errorText(error) },
            'follow alerts paused: the reader does not take direct messages from the bot',
          );
          return;
        }
        // Tried again by the next sweep, with the same nonce, while Discord remembers it.
        await this.store.recordAlertFailure(id, errorText(error), this.now());
        this.log.warn({ userId: alert.userId, err: error }, 'follow alert not sent; trying again');
        return;
      }
    }
    await this.store.markAlertSent(id, this.now());
    this.log.info({ userId: alert.userId, briefings: alert.briefingIds.length }, 'follow alert sent');
  }
}
