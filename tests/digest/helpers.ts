/** Test doubles for the digest service: an in-memory sink that behaves like Discord's nonce dedupe, a clock, timers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { DeliveryError, type DigestSink, type PostedSearch } from '../../src/digest/delivery/sink.js';
import type { SubscribeInput } from '../../src/digest/model.js';
import type { JobScheduler, SchedulerHandlers, Slot } from '../../src/digest/plan/scheduler.js';
import { DigestService, type DigestServiceDeps } from '../../src/digest/service.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { describeReason } from '../../src/render/digest-reasons.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { makeBriefing } from '../support/briefings.js';

/** The ledger as `/digest status` reads it: each row's reason in words. */
export async function ledger(
  service: Pick<DigestService, 'status'>,
  guildId: string,
  channelId?: string,
  limit?: number,
) {
  const records = await service.status(guildId, channelId, limit);
  return records.map((record) => ({ ...record, reason: record.reason && describeReason(record.reason) }));
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'schedule-test-'));
}

export function tempDbPath(): string {
  return join(tempDir(), 'data', 'bot.sqlite');
}

export interface Posted {
  channelId: string;
  messageId: string;
  nonce: string;
  message: MessagePayload;
}

type Plan =
  | { kind: 'ok' }
  | { kind: 'fail'; error: unknown }
  | { kind: 'hang' }
  /** The message goes out, then the process "dies" before it hears back: the promise never settles. */
  | { kind: 'post-then-hang' };

/** Discord in small: a send with a nonce already seen returns the first message instead of posting again. */
export class FakeSink implements DigestSink {
  readonly posted: Posted[] = [];
  readonly calls: { channelId: string; nonce: string }[] = [];
  readonly published: { channelId: string; messageId: string }[] = [];
  private readonly byNonce = new Map<string, Posted>();
  private readonly plans = new Map<string, Plan[]>();
  private readonly waiting: (() => void)[] = [];
  private counter = 0;
  publishError: unknown;
  /** Thrown by findPosted: the channel's history cannot be read. */
  historyError: unknown;
  /** findPosted reads only this many of the channel's messages (Infinity: all). */
  historyReadable = Number.POSITIVE_INFINITY;
  readonly searches: { channelId: string; markers: readonly string[]; since: Date }[] = [];

  /** Discord's nonce memory runs out: a send with an old nonce now posts again. */
  forgetNonces(): void {
    this.byNonce.clear();
  }

  /** The next `times` sends to the channel throw `error`. */
  fail(channelId: string, error: unknown, times = 1): this {
    for (let i = 0; i < times; i++) this.plan(channelId, { kind: 'fail', error });
    return this;
  }

  /** The next send to the channel goes through (to queue a behaviour for a later part). */
  ok(channelId: string): this {
    return this.plan(channelId, { kind: 'ok' });
  }

  /** The next send to the channel never answers (until release()). */
  hang(channelId: string): this {
    return this.plan(channelId, { kind: 'hang' });
  }

  postThenHang(channelId: string): this {
    return this.plan(channelId, { kind: 'post-then-hang' });
  }

  /** Drops every queued behaviour: sends go through from now on. */
  recover(): void {
    this.plans.clear();
  }

  /** Lets every hanging send finish normally. */
  release(): void {
    for (const resume of this.waiting.splice(0)) resume();
  }

  inChannel(channelId: string): Posted[] {
    return this.posted.filter((post) => post.channelId === channelId);
  }

  async send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    this.calls.push({ channelId, nonce });
    const plan = this.plans.get(channelId)?.shift();
    if (plan?.kind === 'fail') throw plan.error;
    if (plan?.kind === 'hang') await new Promise<void>((resume) => this.waiting.push(resume));
    const known = this.byNonce.get(nonce);
    if (known) return { messageId: known.messageId };
    const posted = { channelId, messageId: `m${++this.counter}`, nonce, message };
    this.byNonce.set(nonce, posted);
    this.posted.push(posted);
    if (plan?.kind === 'post-then-hang') await new Promise<void>(() => {});
    return { messageId: posted.messageId };
  }

  async findPosted(channelId: string, markers: readonly string[], since: Date): Promise<PostedSearch> {
    this.searches.push({ channelId, markers, since });
    if (this.historyError) throw this.historyError;
    const history = this.inChannel(channelId);
    const readable = history.slice(0, this.historyReadable);
    const found = new Map<string, string>();
    for (const post of readable) {
      if (markers.includes(post.nonce) && !found.has(post.nonce)) found.set(post.nonce, post.messageId);
    }
    return { found, complete: readable.length === history.length };
  }

  async publish(channelId: string, messageId: string): Promise<void> {
    if (this.publishError) throw this.publishError;
    this.published.push({ channelId, messageId });
  }

  private plan(channelId: string, plan: Plan): this {
    const plans = this.plans.get(channelId) ?? [];
    plans.push(plan);
    this.plans.set(channelId, plans);
    return this;
  }
}

export const missingAccess = () =>
  new DeliveryError('missing-access', 'missing Send Messages in channel 222222222222222222', {
    loss: { code: 'missing-permission', permissions: ['Send Messages'], channelName: 'briefings' },
  });
export const unknownChannel = () =>
  new DeliveryError('unknown-channel', 'channel 222222222222222222 no longer exists', {
    loss: { code: 'channel-gone', channelName: 'briefings' },
  });
export const transient = () => new DeliveryError('transient', 'Service Unavailable (503)');

export class Clock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Timers by hand: tests fire slots and sweeps themselves. */
export class ManualScheduler implements JobScheduler {
  handlers: SchedulerHandlers | undefined;
  slots: readonly Slot[] = [];
  stopped = false;
  start(handlers: SchedulerHandlers): void {
    this.handlers = handlers;
    this.stopped = false;
  }
  sync(slots: readonly Slot[]): void {
    this.slots = slots;
  }
  stop(): void {
    this.stopped = true;
    this.handlers = undefined;
  }
}

/** One message per briefing, so multi-part digests are the normal case in tests. */
export function renderOnePerBriefing(briefings: readonly Briefing[]): MessagePayload[] {
  return briefings.map((item) => ({ content: `${item.id}: ${item.title}` }));
}

export const NOTHING_NEW: MessagePayload = { content: 'No new briefings today.' };

export interface Harness {
  service: DigestService;
  store: SqliteDigestStore;
  sink: FakeSink;
  clock: Clock;
  scheduler: ManualScheduler;
  library: Briefing[];
}

export function makeService(
  options: {
    path?: string;
    sink?: FakeSink;
    clock?: Clock;
    library?: Briefing[];
    mentions?: DigestServiceDeps['mentions'];
    graceMs?: number;
    retryDelaysMs?: number[];
    log?: DigestServiceDeps['log'];
  } = {},
): Harness {
  const store = SqliteDigestStore.open(options.path ?? tempDbPath());
  const sink = options.sink ?? new FakeSink();
  const clock = options.clock ?? new Clock(new Date('2025-06-02T06:00:00Z'));
  const scheduler = new ManualScheduler();
  const library = options.library ?? [];
  const service = new DigestService({
    store,
    sink,
    briefingsSince: (date) => library.filter((briefing) => briefing.date >= date),
    mentions: options.mentions ?? (() => false),
    render: renderOnePerBriefing,
    renderNothingNew: () => NOTHING_NEW,
    renderPostTitle: (localDate) => `Digest of ${localDate}`,
    now: clock.now,
    graceMs: options.graceMs,
    retryDelaysMs: options.retryDelaysMs ?? [0, 0, 0],
    stopTimeoutMs: 50,
    scheduler,
    log: options.log,
  });
  return { service, store, sink, clock, scheduler, library };
}

export function subscription(overrides: Partial<SubscribeInput> = {}): SubscribeInput {
  return {
    guildId: '111111111111111111',
    channelId: '222222222222222222',
    channelName: 'briefings',
    time: '08:00',
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}

/** Two briefings, a day apart: what the restart and recovery tests deliver. */
export function twoBriefings(): Briefing[] {
  return [
    makeBriefing({ id: 'grain-corridor', date: '2025-06-01' }),
    makeBriefing({ id: 'ceasefire-talks', date: '2025-06-02' }),
  ];
}

/** A process's life: a service on the database at `path` from `at`, with Discord (the sink) outliving it. */
export function boot(path: string, sink: FakeSink, at: string, graceMs?: number): Harness {
  return makeService({ path, sink, clock: new Clock(new Date(at)), library: twoBriefings(), graceMs });
}

/**
 * A process that dies during the 08:00 Berlin fire (06:00 UTC): subscribed at 05:00, the sink planned by `plan`,
 * the fire run until `reached` holds, then the database closed with the row still pending (the sink, Discord,
 * lives on). Returns the database path for the next start.
 */
export async function crashDuringFire(
  sink: FakeSink,
  plan: (sink: FakeSink) => void,
  reached: (sink: FakeSink) => boolean,
): Promise<string> {
  const path = tempDbPath();
  const first = boot(path, sink, '2025-06-02T05:00:00Z');
  await first.service.subscriptions.subscribe(subscription());
  await first.service.start();
  plan(sink);
  first.clock.set('2025-06-02T06:00:00Z');
  void first.service.runDue();
  await vi.waitFor(() => {
    if (!reached(sink)) throw new Error('the fire has not got that far yet');
  });
  const [row] = await first.service.status(subscription().guildId, subscription().channelId);
  expect(row?.status).toBe('pending');
  await first.store.close();
  return path;
}
