/**
 * Scheduled digests: subscriptions, the daily fire in each channel's local time, and delivery that
 * happens exactly once per channel and local day whatever the process goes through in between.
 *
 * Every path to a post (slot job, minute sweep, start-up catch-up, send-now) writes a ledger row
 * before sending; the row's unique (channel, local day) is what makes a scheduled digest go out once.
 */
import type { Briefing } from '../briefing/model.js';
import { describeFilter, selectNewBriefings } from '../digest/select.js';
import type { MessagePayload } from '../render/payload.js';
import {
  completeDelivery,
  type DeliveryContext,
  type DeliveryLog,
  type DigestSink,
  LATE_AFTER_MS,
} from './delivery.js';
import { dayBefore, describeDuration, type Fire, latestFire, localDateOf, nextFire } from './fire-time.js';
import type { DeliveryKind, DeliveryOutcome, DeliveryRecord, SubscribeInput, Subscription } from './model.js';
import { digestNonces } from './nonce.js';
import { QUICK_RETRY_DELAYS_MS } from './retry-plan.js';
import { CronScheduler, type JobScheduler, type Slot, slotKey } from './scheduler.js';
import type { ScheduleStore } from './store.js';
import { normalizeTime, normalizeTimezone, optionalText, requireId, ScheduleError } from './validate.js';

export interface DigestServiceDeps {
  store: ScheduleStore;
  sink: DigestSink;
  /** Current library contents. */
  briefings: () => readonly Briefing[];
  /** The party index's answer: the briefing mentions that party (or an alias, or a member). */
  mentions: (briefingId: string, party: string) => boolean;
  /**
   * The digest as messages, in order; the integrator passes the real renderer. With a marker, each message
   * carries its part's marker where the bot can find it again in the channel (see reconcile.ts).
   */
  render: (
    briefings: readonly Briefing[],
    sub: Subscription,
    marker?: (part: number) => string,
  ) => MessagePayload[];
  renderNothingNew: (sub: Subscription, marker?: (part: number) => string) => MessagePayload;
  now?: () => Date;
  /**
   * How late a digest may still go out: a fire missed while the bot was down, or a send Discord did not take
   * (retried until then). Default 12 h; 0: no catch-up after downtime.
   */
  graceMs?: number;
  log?: DeliveryLog;
  /** Waits between the quick attempts of a failed send, made while it is in hand. Default 2 s, 10 s, 30 s. */
  retryDelaysMs?: readonly number[];
  /** How long stop() waits for sends in flight before leaving them pending for the next start. Default 10 s. */
  stopTimeoutMs?: number;
  /** Timer source; node-cron by default. */
  scheduler?: JobScheduler;
}

export const DEFAULT_GRACE_MS = 12 * 3_600_000;
/** Timers may wake a moment early; a fire this close counts as come. */
const TIMER_SLACK_MS = 2_000;
/** However small the grace, a digest that fell due while the bot ran gets this long to go out. */
const ON_TIME_ALLOWANCE_MS = LATE_AFTER_MS;

const quiet: DeliveryLog = { info() {}, warn() {}, error() {} };

function notSubscribed(channelId: string): ScheduleError {
  return new ScheduleError('not-subscribed', `No digest is set up for <#${channelId}>. Subscribe it first.`);
}

export class DigestService {
  private readonly store: ScheduleStore;
  private readonly now: () => Date;
  private readonly graceMs: number;
  private readonly log: DeliveryLog;
  private readonly scheduler: JobScheduler;
  private readonly inFlight = new Map<number, Promise<DeliveryOutcome>>();
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();
  private abort = new AbortController();
  private running = false;
  /** Fires at or after this instant fell due while this process ran: they are on time, never "missed". */
  private startedAt: Date;
  /** Set once the database file is found gone or replaced: nothing is delivered or written after that. */
  private lostDatabase: string | undefined;

  constructor(private readonly deps: DigestServiceDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
    this.graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
    this.log = deps.log ?? quiet;
    this.scheduler = deps.scheduler ?? new CronScheduler();
    this.startedAt = this.now();
  }

  // Life cycle

  /** Resends digests left pending, catches up (or records as missed) fires that passed while down, starts the timers. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.startedAt = this.now();
    this.abort = new AbortController();
    this.scheduler.start({
      onSlot: (slot) => void this.sweep(this.store.allSubscriptions().filter((sub) => sameSlot(sub, slot))),
      onSweep: () => void this.runDue(),
    });
    this.reschedule();
    await this.runDue();
  }

  /** Stops the timers and waits (up to stopTimeoutMs) for sends in flight; unfinished ones stay pending. */
  async stop(): Promise<void> {
    this.running = false;
    this.scheduler.stop();
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    this.abort.abort();
    const inFlight = Promise.allSettled([...this.inFlight.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.deps.stopTimeoutMs ?? 10_000);
    });
    await Promise.race([inFlight, timeout]);
    clearTimeout(timer);
  }

  // Subscriptions

  /** Creates the channel's subscription, or updates it (one per channel). Throws ScheduleError on bad input. */
  subscribe(input: SubscribeInput): Subscription {
    this.requireDatabase();
    const channelId = requireId(input.channelId, 'channel');
    const guildId = requireId(input.guildId, 'server');
    const time = normalizeTime(input.time);
    const timezone = normalizeTimezone(input.timezone ?? 'UTC');
    const party = optionalText(input.party, 'party');
    const tag = optionalText(input.tag, 'tag');
    const now = this.now().toISOString();
    const existing = this.store.getSubscription(channelId);
    // A new time (or a paused subscription taken up again) owes nothing for fires already past.
    const fresh = !existing || existing.time !== time || existing.timezone !== timezone || existing.paused;
    const sub: Subscription = {
      guildId,
      channelId,
      channelName: optionalText(input.channelName, 'channel name') ?? existing?.channelName ?? null,
      time,
      timezone,
      party,
      tag,
      postWhenEmpty: input.postWhenEmpty ?? false,
      publish: input.publish ?? false,
      // Subscribing again is a fresh set-up: it also takes up a paused subscription.
      paused: false,
      pauseReason: null,
      createdBy: existing?.createdBy ?? input.createdBy ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      activeFrom: fresh ? now : existing.activeFrom,
    };
    this.store.saveSubscription(sub);
    this.reschedule();
    return sub;
  }

  /** Removes the channel's subscription; false when there was none. Its ledger stays, for status. */
  unsubscribe(channelId: string): boolean {
    this.requireDatabase();
    const removed = this.store.deleteSubscription(channelId);
    if (removed) this.reschedule();
    return removed;
  }

  get(channelId: string): Subscription | undefined {
    return this.store.getSubscription(channelId);
  }

  /** The server's subscriptions, by time of day. */
  list(guildId: string): Subscription[] {
    return this.store.guildSubscriptions(guildId);
  }

  /** Stops posting until resumed; each day's fire is recorded as `paused` with the reason. */
  pause(channelId: string, reason = 'paused by a server manager'): Subscription {
    return this.setPaused(channelId, true, reason);
  }

  /** Takes a paused subscription up again from the next fire on. */
  resume(channelId: string): Subscription {
    return this.setPaused(channelId, false, null);
  }

  /** When the subscription next fires (in its own zone's terms, as an instant). */
  nextFireAt(sub: Subscription): Date {
    return nextFire(sub, this.now()).at;
  }

  // Digests

  /** What would be posted now, without recording anything; [] when the day would be skipped. */
  preview(channelId: string): MessagePayload[] {
    const sub = this.require(channelId);
    const briefings = this.select(sub);
    if (briefings.length > 0) return this.deps.render(briefings, sub);
    return sub.postWhenEmpty ? [this.deps.renderNothingNew(sub)] : [];
  }

  /** Sends what is new now, through the ledger like a scheduled digest, but not as the day's scheduled fire. */
  async sendNow(channelId: string): Promise<DeliveryOutcome> {
    this.requireDatabase();
    const sub = this.require(channelId);
    const now = this.now();
    const id = this.claim(sub, 'manual', { localDate: localDateOf(now, sub.timezone), at: now }, null);
    if (id === undefined) throw new Error(`send-now for ${channelId} was not recorded`);
    return this.launch(id, sub.publish);
  }

  /** The briefings of the digest one of whose messages carries this marker (a Read button's), in order. */
  briefingsMarked(marker: string): string[] | undefined {
    return this.store.deliveryByNonce(marker)?.briefingIds;
  }

  /** The latest ledger rows of a server (or one channel), newest first: what was posted, skipped, and why. */
  status(guildId: string, channelId?: string, limit = 10): DeliveryRecord[] {
    return this.store.recentDeliveries(guildId, channelId, limit);
  }

  /**
   * The sweep: every subscription whose latest fire is not yet in the ledger is delivered (or recorded), and
   * every failed send whose retry time has come is tried again.
   */
  async runDue(): Promise<void> {
    await Promise.allSettled([this.sweep(this.store.allSubscriptions()), ...this.retryDue()]);
  }

  /** Why digests are stopped (the database file went away while running), or undefined while all is well. */
  databaseProblem(): string | undefined {
    return this.lostDatabase;
  }

  // Internals

  /**
   * False, and one loud log line the first time, once the database file is gone or replaced: the open handle
   * would go on writing into a file no one will open again, and the next start would post everything twice.
   */
  private databaseHere(): boolean {
    if (this.lostDatabase) return false;
    const problem = this.store.missingFile();
    if (!problem) return true;
    this.lostDatabase =
      `${problem} while the bot was running: digests are stopped. ` +
      'Restore the file from a backup (or put it back) and restart the bot.';
    this.log.error({ path: this.store.path }, `schedule database lost: ${this.lostDatabase}`);
    return false;
  }

  private requireDatabase(): void {
    if (!this.databaseHere())
      throw new ScheduleError('database-lost', `Digests are stopped: ${this.lostDatabase}`);
  }

  private async sweep(subs: readonly Subscription[]): Promise<void> {
    if (!this.databaseHere()) return;
    const now = this.now();
    const horizon = new Date(now.getTime() + TIMER_SLACK_MS);
    // Zone arithmetic is the costly part of a sweep: once per distinct time and zone, not per channel.
    const fires = new Map<string, Fire>();
    const runs: Promise<DeliveryOutcome>[] = [];
    for (const sub of subs) {
      try {
        const key = slotKey(sub);
        let fire = fires.get(key);
        if (!fire) {
          fire = latestFire(sub, horizon);
          fires.set(key, fire);
        }
        const id = this.fireIfDue(sub, fire, now);
        if (id !== undefined) runs.push(this.launch(id, sub.publish));
      } catch (error) {
        // One subscription's trouble never holds up the others.
        this.log.error({ err: error, channelId: sub.channelId }, 'digest fire failed');
      }
    }
    // All at once: the sink's own rate limiting paces them, per channel and globally.
    await Promise.allSettled(runs);
  }

  /** Records the subscription's latest fire if it is owed and not in the ledger; returns a delivery id when something is to be sent. */
  private fireIfDue(sub: Subscription, fire: Fire, now: Date): number | undefined {
    if (fire.at.getTime() < Date.parse(sub.activeFrom)) return undefined;
    if (this.store.hasScheduled(sub.channelId, fire.localDate)) return undefined;
    const late = now.getTime() - fire.at.getTime();
    // A fire that fell due while this process ran is on time however late its timer woke: only fires from
    // before the start were missed, and only those are held to the grace.
    const whileDown = fire.at.getTime() < this.startedAt.getTime();
    if (sub.paused) {
      this.record(
        sub,
        fire,
        now,
        'paused',
        `subscription paused: ${sub.pauseReason ?? 'paused by a server manager'}`,
      );
      return undefined;
    }
    if (whileDown && late > this.graceMs) {
      const reason =
        `not sent: the bot was not running at ${sub.time} ${sub.timezone} and came back ${describeDuration(late)} ` +
        `later, past the ${describeDuration(this.graceMs)} catch-up window`;
      this.record(sub, fire, now, 'missed', reason);
      return undefined;
    }
    // The row says why; how late it went out is added when it is sent.
    const note =
      whileDown && late > LATE_AFTER_MS ? `the bot was not running at ${sub.time} ${sub.timezone}` : null;
    return this.claim(sub, 'scheduled', fire, note);
  }

  /** Writes the ledger row for a digest: pending with its messages and nonces, or the reason nothing is sent. */
  private claim(sub: Subscription, kind: DeliveryKind, fire: Fire, note: string | null): number | undefined {
    const now = this.now();
    const briefings = this.select(sub);
    if (briefings.length === 0 && !sub.postWhenEmpty) {
      const filter = describeFilter(sub);
      const reason = `no new briefings${filter ? ` ${filter}` : ''} since the last digest`;
      return this.record(sub, fire, now, 'nothing-new', reason, kind);
    }
    // The nonces come first: each message carries its own as a marker.
    const nonceOf = digestNonces();
    let payloads: MessagePayload[];
    try {
      payloads =
        briefings.length > 0
          ? this.deps.render(briefings, sub, nonceOf)
          : [this.deps.renderNothingNew(sub, nonceOf)];
      if (payloads.length === 0) throw new Error('the renderer returned no message');
    } catch (error) {
      const reason = `could not build the digest: ${error instanceof Error ? error.message : String(error)}`;
      this.log.error({ err: error, channelId: sub.channelId }, 'digest render failed');
      return this.record(sub, fire, now, 'failed', reason, kind);
    }
    return this.store.addDelivery({
      guildId: sub.guildId,
      channelId: sub.channelId,
      kind,
      localDate: fire.localDate,
      fireAt: fire.at,
      status: 'pending',
      reason: note,
      briefingIds: briefings.map((briefing) => briefing.id),
      parts: payloads.map((payload, index) => ({ payload, nonce: nonceOf(index) })),
      at: now,
    });
  }

  /** A ledger row that sends nothing (skip, pause, missed, failure to build). */
  private record(
    sub: Subscription,
    fire: Fire,
    now: Date,
    status: 'nothing-new' | 'paused' | 'missed' | 'failed',
    reason: string,
    kind: DeliveryKind = 'scheduled',
  ): number | undefined {
    const id = this.store.addDelivery({
      guildId: sub.guildId,
      channelId: sub.channelId,
      kind,
      localDate: fire.localDate,
      fireAt: fire.at,
      status,
      reason,
      briefingIds: [],
      parts: [],
      at: now,
    });
    if (id !== undefined) this.log.info({ channelId: sub.channelId, status, reason }, 'digest not posted');
    // Manual rows are answered with their outcome; scheduled skips have nothing left to send.
    return kind === 'manual' ? id : undefined;
  }

  private select(sub: Subscription): Briefing[] {
    return selectNewBriefings({
      briefings: this.deps.briefings(),
      received: this.store.receivedOrPending(sub.channelId),
      notBefore: dayBefore(new Date(sub.createdAt), sub.timezone),
      party: sub.party,
      tag: sub.tag,
      mentions: this.deps.mentions,
    });
  }

  /** Runs a pending row through the pipeline, once at a time per row. */
  private launch(id: number, publish: boolean): Promise<DeliveryOutcome> {
    const existing = this.inFlight.get(id);
    if (existing) return existing;
    clearTimeout(this.retryTimers.get(id));
    this.retryTimers.delete(id);
    const run = completeDelivery(this.context(), id, { publish }).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    run.catch((error: unknown) => this.log.error({ err: error, deliveryId: id }, 'digest delivery crashed'));
    return run;
  }

  /** Pending rows whose retry time has come (or that have none: left by a crash or a stop). */
  private retryDue(): Promise<DeliveryOutcome>[] {
    if (!this.databaseHere()) return [];
    const now = this.now().getTime();
    return this.resendPending((record) => record.retryAt === null || Date.parse(record.retryAt) <= now);
  }

  /** Rows a previous run left pending (crash between send and record, stop mid-send, a failed send waiting). */
  private resendPending(due: (record: DeliveryRecord) => boolean = () => true): Promise<DeliveryOutcome>[] {
    const runs: Promise<DeliveryOutcome>[] = [];
    if (!this.databaseHere()) return runs;
    for (const record of this.store.pendingDeliveries()) {
      if (this.inFlight.has(record.id)) continue;
      if (!due(record)) {
        if (record.retryAt) this.retryLater(record.id, new Date(record.retryAt));
        continue;
      }
      const sub = this.store.getSubscription(record.channelId);
      if (!sub) {
        this.store.markEnded(
          record.id,
          'failed',
          'the subscription was removed before this digest went out',
          this.now(),
        );
        continue;
      }
      runs.push(this.launch(record.id, sub.publish));
    }
    return runs;
  }

  /** A timer for a row's next attempt; the minute sweep is the safety net if it is lost. */
  private retryLater(id: number, at: Date): void {
    if (!this.running || this.retryTimers.has(id)) return;
    const delay = Math.max(0, at.getTime() - this.now().getTime());
    const timer = setTimeout(() => {
      this.retryTimers.delete(id);
      void Promise.allSettled(this.retryDue());
    }, delay);
    this.retryTimers.set(id, timer);
  }

  private context(): DeliveryContext {
    return {
      store: this.store,
      sink: this.deps.sink,
      now: this.now,
      quickRetryDelaysMs: this.deps.retryDelaysMs ?? QUICK_RETRY_DELAYS_MS,
      deadline: (record) =>
        new Date(
          Math.max(
            Date.parse(record.fireAt) + this.graceMs,
            Date.parse(record.createdAt) + ON_TIME_ALLOWANCE_MS,
          ),
        ),
      signal: this.abort.signal,
      log: this.log,
      onChannelLost: (channelId, reason) => {
        if (this.store.getSubscription(channelId)) this.setPaused(channelId, true, reason);
      },
      onRetryLater: (id, at) => this.retryLater(id, at),
    };
  }

  private setPaused(channelId: string, paused: boolean, reason: string | null): Subscription {
    const sub = this.require(channelId);
    const now = this.now().toISOString();
    const updated: Subscription = {
      ...sub,
      paused,
      pauseReason: paused ? reason : null,
      updatedAt: now,
      activeFrom: paused ? sub.activeFrom : now,
    };
    this.store.saveSubscription(updated);
    this.reschedule();
    return updated;
  }

  private require(channelId: string): Subscription {
    const sub = this.store.getSubscription(channelId);
    if (!sub) throw notSubscribed(channelId);
    return sub;
  }

  /** Slot jobs follow the subscriptions: one per distinct time and zone among the active ones. */
  private reschedule(): void {
    if (!this.running) return;
    const slots = new Map<string, Slot>();
    for (const sub of this.store.allSubscriptions()) {
      if (!sub.paused) slots.set(slotKey(sub), { time: sub.time, timezone: sub.timezone });
    }
    this.scheduler.sync([...slots.values()]);
  }
}

function sameSlot(sub: Subscription, slot: Slot): boolean {
  return sub.time === slot.time && sub.timezone === slot.timezone;
}
