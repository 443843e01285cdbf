/**
 * Scheduled digests, put together: the subscriptions, the timers, and for each fire the composition and the
 * delivery, exactly once per channel and local day whatever the process goes through in between.
 *
 * Every path to a post (slot job, minute sweep, start-up catch-up, send-now, a retry) goes through a ledger row
 * written before sending; the row's unique (channel, local day) is what makes a scheduled digest go out once.
 */
import type { MessagePayload } from '../message/payload.js';
import { type CompositionSource, composeDigest, previewDigest } from './compose/compose.js';
import { digestPost, type PostRenderer } from './compose/post.js';
import { completeDelivery, type DeliveryContext } from './delivery/pipeline.js';
import { QUICK_RETRY_DELAYS_MS } from './delivery/retry-plan.js';
import type { DeliveryLog, DigestSink } from './delivery/sink.js';
import type { Digests } from './digests.js';
import { DigestError } from './errors.js';
import { heartbeatEveryMs, holdFrom, type InstanceClaims, SOLE_INSTANCE } from './instance.js';
import type { DeliveryKind, DeliveryOutcome, DeliveryRecord, Subscription } from './model.js';
import { judgeFire, LATE_AFTER_MS } from './plan/due.js';
import { type Fire, latestFire, localDateOf, nextFire } from './plan/fire-time.js';
import { CronScheduler, type JobScheduler, type Slot, slotKey } from './plan/scheduler.js';
import type { DeliveryReason } from './reasons.js';
import type { Claim, DigestStore, StoreLoss } from './store.js';
import { SubscriptionAdmin } from './subscriptions/admin.js';

export interface DigestServiceDeps extends CompositionSource, PostRenderer {
  store: DigestStore;
  sink: DigestSink;
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
  /** Which instance this is and how it shares the ledger with others; a sole instance by default. */
  instance?: InstanceClaims;
}

/** Subscriptions a shared instance fires at once in a sweep: a few round trips to the database each. */
const SHARED_SWEEP_CONCURRENCY = 8;
/** At most this many pending rows are taken in one look; the next heartbeat or sweep takes more. */
const CLAIM_BATCH = 500;

export const DEFAULT_GRACE_MS = 12 * 3_600_000;
/** Timers may wake a moment early; a fire this close counts as come. */
const TIMER_SLACK_MS = 2_000;
/** However small the grace, a digest that fell due while the bot ran gets this long to go out. */
const ON_TIME_ALLOWANCE_MS = LATE_AFTER_MS;

const quiet: DeliveryLog = { info() {}, warn() {}, error() {} };

export class DigestService implements Digests {
  /** Subscribe, unsubscribe, pause, resume, look up. */
  readonly subscriptions: SubscriptionAdmin;
  private readonly store: DigestStore;
  private readonly now: () => Date;
  private readonly graceMs: number;
  private readonly log: DeliveryLog;
  private readonly scheduler: JobScheduler;
  private readonly inFlight = new Map<number, Promise<DeliveryOutcome>>();
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();
  private readonly instance: InstanceClaims;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Sweeps, slot runs and retries started by timers, until they end: stop() waits for them. */
  private readonly sweeps = new Set<Promise<unknown>>();
  private abort = new AbortController();
  private running = false;
  /** Fires at or after this instant fell due while this process ran: they are on time, never "missed". */
  private startedAt: Date;
  /** Set once the database is found gone or replaced: nothing is delivered or written after that. */
  private lost: StoreLoss | undefined;

  constructor(private readonly deps: DigestServiceDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
    this.graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
    this.log = deps.log ?? quiet;
    this.scheduler = deps.scheduler ?? new CronScheduler();
    this.instance = deps.instance ?? SOLE_INSTANCE;
    this.startedAt = this.now();
    this.subscriptions = new SubscriptionAdmin({
      store: this.store,
      now: this.now,
      assertWritable: () => this.assertStoreHere(),
      onChange: () => this.reschedule(),
    });
  }

  // Life cycle

  /** Resends digests left pending, catches up (or records as missed) fires that passed while down, starts the timers. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.startedAt = this.now();
    this.abort = new AbortController();
    // Alone on its database, rows held by an earlier run of this bot (a crash, a stop) are this run's at once.
    if (!this.instance.shared) await this.store.releaseClaims(null);
    this.scheduler.start({
      onSlot: (slot) => void this.track(this.runSlot(slot)),
      onSweep: () => void this.track(this.runDue()),
    });
    if (this.instance.shared) this.startHeartbeat();
    await this.reschedule();
    await this.runDue();
  }

  /**
   * Shared database: renew the hold on this instance's rows a few times per lease, and take over rows whose
   * instance stopped renewing (it died mid-send) as soon as their hold lapses.
   */
  private startHeartbeat(): void {
    const beat = async () => {
      if (!this.running || !(await this.storeHere())) return;
      await this.store.renewClaims(this.claimFor());
      await Promise.allSettled(await this.retryDue());
    };
    this.heartbeat = setInterval(() => {
      this.track(beat()).catch((error: unknown) =>
        this.log.error({ err: error }, 'digest claim heartbeat failed'),
      );
    }, heartbeatEveryMs(this.instance));
  }

  /** Keeps a timer's run in `sweeps` until it ends. */
  private track<T>(run: Promise<T>): Promise<T> {
    this.sweeps.add(run);
    void run.finally(() => this.sweeps.delete(run)).catch(() => undefined);
    return run;
  }

  /** A hold from now until one lease later. */
  private claimFor(): Claim {
    return holdFrom(this.instance, this.now());
  }

  /** Stops the timers and waits (up to stopTimeoutMs) for sends in flight; unfinished ones stay pending. */
  async stop(): Promise<void> {
    this.running = false;
    this.scheduler.stop();
    clearInterval(this.heartbeat);
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    this.abort.abort();
    // Sweeps under way are waited for too: they write rows and launch sends until they end.
    const inFlight = Promise.allSettled([...this.sweeps, ...this.inFlight.values()]).then(() =>
      Promise.allSettled([...this.inFlight.values()]),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.deps.stopTimeoutMs ?? 10_000);
    });
    const settled = await Promise.race([inFlight.then(() => true), timeout.then(() => false)]);
    clearTimeout(timer);
    // Rows left pending go to another instance at once rather than after their hold lapses; a send still in
    // flight keeps its hold, so no one else races it.
    if (this.instance.shared && settled)
      await this.store
        .releaseClaims(this.instance.owner)
        .catch((error: unknown) => this.log.warn({ err: error }, 'digest claims not released'));
  }

  // Digests

  /** When the subscription next fires (in its own zone's terms, as an instant). */
  nextFireAt(sub: Subscription): Date {
    return nextFire(sub, this.now()).at;
  }

  /** What would be posted now, without recording anything; [] when the day would be skipped. */
  async preview(channelId: string): Promise<MessagePayload[]> {
    const sub = await this.subscriptions.require(channelId);
    return previewDigest(sub, this.deps, await this.store.receivedOrPending(channelId));
  }

  /** Sends what is new now, through the ledger like a scheduled digest, but not as the day's scheduled fire. */
  async sendNow(channelId: string): Promise<DeliveryOutcome> {
    await this.assertStoreHere();
    const sub = await this.subscriptions.require(channelId);
    const now = this.now();
    const id = await this.claim(sub, 'manual', { localDate: localDateOf(now, sub.timezone), at: now }, null);
    if (id === undefined) throw new Error(`send-now for ${channelId} was not recorded`);
    return this.launch(id, sub, true);
  }

  /** The briefings of the digest one of whose messages carries this marker (a Read button's), in order. */
  async briefingsMarked(marker: string): Promise<string[] | undefined> {
    return (await this.store.deliveryByNonce(marker))?.briefingIds;
  }

  /** The latest ledger rows of a server (or one channel), newest first: what was posted, skipped, and why. */
  status(guildId: string, channelId?: string, limit = 10): Promise<DeliveryRecord[]> {
    return this.store.recentDeliveries(guildId, channelId, limit);
  }

  /**
   * The sweep: every subscription whose latest fire is not yet in the ledger is delivered (or recorded), and
   * every failed send whose retry time has come is tried again.
   */
  async runDue(): Promise<void> {
    if (!(await this.storeHere())) return;
    const [subs, retries] = await Promise.all([this.store.allSubscriptions(), this.retryDue()]);
    await Promise.allSettled([this.sweep(subs), ...retries]);
  }

  /** Why digests are stopped (the database went away while running), or undefined while all is well. */
  storeLoss(): StoreLoss | undefined {
    return this.lost;
  }

  // Internals

  private async runSlot(slot: Slot): Promise<void> {
    if (!(await this.storeHere())) return;
    const subs = await this.store.allSubscriptions();
    await this.sweep(subs.filter((sub) => sub.time === slot.time && sub.timezone === slot.timezone));
  }

  /**
   * False, and one loud log line the first time, once the database is gone or replaced: the open handle would go
   * on writing into a file no one will open again, and the next start would post everything twice.
   */
  private async storeHere(): Promise<boolean> {
    if (this.lost) return false;
    let loss: StoreLoss | null;
    try {
      loss = await this.store.loss();
    } catch (error) {
      // A database on the network that does not answer may be back in a moment: this sweep is skipped, the
      // next one tries again, and nothing is written meanwhile.
      this.log.warn({ err: error }, 'schedule database not answering; digests wait for it');
      return false;
    }
    if (!loss) return true;
    this.lost = loss;
    this.log.error(
      { location: loss.location, loss: loss.code },
      `schedule database lost: ${loss.location} was ${loss.code} while the bot was running; digests are stopped until it is restored and the bot restarted`,
    );
    return false;
  }

  private async assertStoreHere(): Promise<void> {
    if (!(await this.storeHere()) && this.lost)
      throw new DigestError({ code: 'store-lost', loss: this.lost });
  }

  private async sweep(subs: readonly Subscription[]): Promise<void> {
    const now = this.now();
    const horizon = new Date(now.getTime() + TIMER_SLACK_MS);
    // Zone arithmetic is the costly part of a sweep: once per distinct time and zone, not per channel.
    const fires = new Map<string, Fire>();
    const runs: Promise<DeliveryOutcome>[] = [];
    const fireOne = async (sub: Subscription) => {
      try {
        const key = slotKey(sub);
        let fire = fires.get(key);
        if (!fire) {
          fire = latestFire(sub, horizon);
          fires.set(key, fire);
        }
        const id = await this.fireIfDue(sub, fire, now);
        if (id !== undefined) runs.push(this.launch(id, sub, true));
      } catch (error) {
        // One subscription's trouble never holds up the others.
        this.log.error({ err: error, channelId: sub.channelId }, 'digest fire failed');
      }
    };
    // A database on the network answers several questions at once; the SQLite file answers each at once anyway.
    let next = 0;
    const worker = async () => {
      while (next < subs.length) await fireOne(subs[next++]!);
    };
    const workers = this.instance.shared ? SHARED_SWEEP_CONCURRENCY : 1;
    await Promise.all(Array.from({ length: Math.min(workers, subs.length) }, worker));
    // All at once: the sink's own rate limiting paces them, per channel and globally.
    await Promise.allSettled(runs);
  }

  /** Records the subscription's latest fire if it is owed and not in the ledger; a delivery id when something is to be sent. */
  private async fireIfDue(sub: Subscription, fire: Fire, now: Date): Promise<number | undefined> {
    const decision = judgeFire(sub, fire, now, { startedAt: this.startedAt, graceMs: this.graceMs });
    if (decision.kind === 'not-owed') return undefined;
    if (await this.store.hasScheduled(sub.channelId, fire.localDate)) return undefined;
    if (decision.kind === 'record') {
      await this.record(sub, fire, now, decision.status, decision.reason);
      return undefined;
    }
    return this.claim(sub, 'scheduled', fire, decision.note);
  }

  /** Writes the ledger row for a digest: pending with its messages and nonces, or the reason nothing is sent. */
  private async claim(
    sub: Subscription,
    kind: DeliveryKind,
    fire: Fire,
    note: DeliveryReason | null,
  ): Promise<number | undefined> {
    const now = this.now();
    const composed = composeDigest(sub, this.deps, await this.store.receivedOrPending(sub.channelId));
    if (composed.kind === 'nothing') {
      if (composed.error)
        this.log.error({ err: composed.error, channelId: sub.channelId }, 'digest render failed');
      return this.record(sub, fire, now, composed.status, composed.reason, kind);
    }
    return this.store.addDelivery({
      guildId: sub.guildId,
      channelId: sub.channelId,
      kind,
      localDate: fire.localDate,
      fireAt: fire.at,
      status: 'pending',
      reason: note,
      briefingIds: composed.briefingIds,
      parts: composed.parts,
      at: now,
      claim: this.claimFor(),
    });
  }

  /** A ledger row that sends nothing (skip, pause, missed, failure to build). */
  private async record(
    sub: Subscription,
    fire: Fire,
    now: Date,
    status: 'nothing-new' | 'paused' | 'missed' | 'failed',
    reason: DeliveryReason,
    kind: DeliveryKind = 'scheduled',
  ): Promise<number | undefined> {
    const id = await this.store.addDelivery({
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

  /**
   * Runs a pending row through the pipeline, once at a time per row. `fresh`: the row was just written here and
   * nothing of it has been tried yet.
   */
  private launch(id: number, sub: Subscription, fresh = false): Promise<DeliveryOutcome> {
    const existing = this.inFlight.get(id);
    if (existing) return existing;
    clearTimeout(this.retryTimers.get(id));
    this.retryTimers.delete(id);
    const run = completeDelivery(this.context(), id, {
      publish: sub.publish,
      fresh,
      postsAsThreads: sub.postsAsThreads ?? null,
    }).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    run.catch((error: unknown) => this.log.error({ err: error, deliveryId: id }, 'digest delivery crashed'));
    return run;
  }

  /**
   * Pending rows to run now, taken in the ledger so that no other instance runs them too: those whose retry time
   * has come, and those with none (left by a crash, a stop, or an instance whose hold lapsed). Rows waiting for a
   * later retry get a timer.
   */
  private async retryDue(): Promise<Promise<DeliveryOutcome>[]> {
    const now = this.now();
    const runs: Promise<DeliveryOutcome>[] = [];
    for (const record of await this.store.claimPending(this.claimFor(), now, CLAIM_BATCH)) {
      if (this.inFlight.has(record.id)) continue;
      const sub = await this.store.getSubscription(record.channelId);
      if (!sub) {
        await this.store.markEnded(record.id, 'failed', { code: 'subscription-removed' }, this.now());
        continue;
      }
      runs.push(this.launch(record.id, sub));
    }
    for (const record of await this.store.pendingDeliveries()) {
      if (record.retryAt !== null && Date.parse(record.retryAt) > now.getTime() && this.mayTake(record, now))
        this.retryLater(record.id, new Date(record.retryAt));
    }
    return runs;
  }

  /** A row this instance holds, or one nobody holds now. */
  private mayTake(record: DeliveryRecord, now: Date): boolean {
    return (
      record.claimedBy === null ||
      record.claimedBy === this.instance.owner ||
      (record.claimedUntil !== null && Date.parse(record.claimedUntil) < now.getTime())
    );
  }

  /** A timer for a row's next attempt; the minute sweep is the safety net if it is lost. */
  private retryLater(id: number, at: Date): void {
    if (!this.running || this.retryTimers.has(id)) return;
    const delay = Math.max(0, at.getTime() - this.now().getTime());
    const timer = setTimeout(() => {
      this.retryTimers.delete(id);
      void this.track(this.runRetries());
    }, delay);
    this.retryTimers.set(id, timer);
  }

  private async runRetries(): Promise<void> {
    if (!(await this.storeHere())) return;
    await Promise.allSettled(await this.retryDue());
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
      onChannelLost: async (channelId, loss) => {
        if (await this.store.getSubscription(channelId)) await this.subscriptions.pause(channelId, loss);
      },
      onRetryLater: (id, at) => this.retryLater(id, at),
      post: async (record) =>
        digestPost(record, await this.store.getSubscription(record.channelId), this.deps),
      // Alone on the database nobody can take a row over: no write per message to ask.
      holds: async (id) => !this.instance.shared || this.store.holdClaim(id, this.claimFor()),
    };
  }

  /** Slot jobs follow the subscriptions: one per distinct time and zone among the active ones. */
  private async reschedule(): Promise<void> {
    if (!this.running) return;
    const slots = new Map<string, Slot>();
    for (const sub of await this.store.allSubscriptions()) {
      if (!sub.paused) slots.set(slotKey(sub), { time: sub.time, timezone: sub.timezone });
    }
    this.scheduler.sync([...slots.values()]);
  }
}
