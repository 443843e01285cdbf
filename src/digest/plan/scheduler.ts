/**
 * Timers for the digest service. One node-cron job per distinct (time, zone) fires that slot's
 * digests on the minute; a sweep every minute, half a minute later, is the safety net: it catches
 * fires the clocks skipped (spring forward), fires missed while the process was down, and anything
 * a late timer let slip. Both go through the ledger, so a digest found twice is still sent once.
 */
import cron, { type ScheduledTask } from 'node-cron';

export interface Slot {
  time: string;
  timezone: string;
}

export interface SchedulerHandlers {
  /** A slot's minute has come: deliver the subscriptions at that time in that zone. */
  onSlot(slot: Slot): void;
  /** Once a minute: deliver anything due and not yet in the ledger. */
  onSweep(): void;
}

/** What the service needs from a timer source; tests pass a manual one. */
export interface JobScheduler {
  /** Starts the sweep; slot jobs follow sync. */
  start(handlers: SchedulerHandlers): void;
  /** Makes the slot jobs exactly these, keeping the ones already running. */
  sync(slots: readonly Slot[]): void;
  stop(): void;
}

export function slotKey(slot: Slot): string {
  return `${slot.time} ${slot.timezone}`;
}

export function cronExpression(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `0 ${minute} ${hour} * * *`;
}

const SWEEP = '30 * * * * *';

export class CronScheduler implements JobScheduler {
  private readonly slotJobs = new Map<string, ScheduledTask>();
  private sweepJob: ScheduledTask | undefined;
  private handlers: SchedulerHandlers | undefined;

  start(handlers: SchedulerHandlers): void {
    this.handlers = handlers;
    this.sweepJob ??= cron.schedule(SWEEP, () => this.handlers?.onSweep(), {
      name: 'digest sweep',
      suppressMissedWarning: true,
    });
  }

  sync(slots: readonly Slot[]): void {
    const wanted = new Map(slots.map((slot) => [slotKey(slot), slot]));
    for (const [key, job] of this.slotJobs) {
      if (!wanted.has(key)) {
        void job.destroy();
        this.slotJobs.delete(key);
      }
    }
    for (const [key, slot] of wanted) {
      if (this.slotJobs.has(key)) continue;
      const job = cron.schedule(cronExpression(slot.time), () => this.handlers?.onSlot(slot), {
        timezone: slot.timezone,
        name: `digest ${key}`,
        // The ledger, not node-cron, decides what is owed: no catch-up warnings from it.
        suppressMissedWarning: true,
      });
      this.slotJobs.set(key, job);
    }
  }

  /** Names of the running slot jobs, for status output and tests. */
  jobNames(): string[] {
    return [...this.slotJobs.keys()].sort();
  }

  stop(): void {
    for (const job of this.slotJobs.values()) void job.destroy();
    this.slotJobs.clear();
    if (this.sweepJob) void this.sweepJob.destroy();
    this.sweepJob = undefined;
    this.handlers = undefined;
  }
}
