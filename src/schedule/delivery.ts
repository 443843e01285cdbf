/**
 * The delivery pipeline after a ledger row exists: send each message with its own nonce, note each message id as
 * it goes, then mark the row sent and the briefings received in one transaction. A row left pending (crash,
 * stop, outage) is finished later by the same function: with the same nonces while Discord still remembers
 * them, and after looking in the channel for the messages once it may not.
 */
import type { MessagePayload } from '../render/payload.js';
import { describeDuration } from './fire-time.js';
import type { DeliveryOutcome, DeliveryRecord } from './model.js';
import { nonceStillTrusted, searchFrom } from './reconcile.js';
import { nextRetryAt } from './retry-plan.js';
import type { DeliveryPart, ScheduleStore } from './store.js';

/** What a look through a channel's history found. */
export interface PostedSearch {
  /** Marker (a part's nonce) -> the id of the bot's message carrying it. */
  found: Map<string, string>;
  /** False when more messages came since than the sink may read: a marker not found may still be there. */
  complete: boolean;
}

/** Where digests go: Discord channels (src/discord) or the terminal (src/console). */
export interface DigestSink {
  /** Sends one message; must pass nonce with enforce_nonce so a retried send is idempotent. */
  send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }>;
  /** The bot's own messages in the channel since `since` that carry one of the markers (nonces). */
  findPosted(channelId: string, markers: readonly string[], since: Date): Promise<PostedSearch>;
  /** Crossposts a message in an announcement channel. */
  publish?(channelId: string, messageId: string): Promise<void>;
}

export type DeliveryErrorKind = 'missing-access' | 'unknown-channel' | 'transient';

/** Thrown by sinks. missing-access and unknown-channel pause the subscription; transient is retried. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

export interface DeliveryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DeliveryContext {
  store: ScheduleStore;
  sink: DigestSink;
  now: () => Date;
  /** Waits between the quick attempts made while the send is in hand; later ones wait in the ledger. */
  quickRetryDelaysMs: readonly number[];
  /** The last moment a row may still be sent: the end of its fire's catch-up window. */
  deadline(record: DeliveryRecord): Date;
  /** Aborted on stop: backoff waits end and the row stays pending for the next start. */
  signal: AbortSignal;
  log: DeliveryLog;
  /** Called when Discord says the channel is gone or closed to the bot. */
  onChannelLost(channelId: string, reason: string): void;
  /** A row now waits in the ledger until `at` for its next attempt. */
  onRetryLater(deliveryId: number, at: Date): void;
}

/** Later than this, a sent scheduled digest's row says how late it was. */
export const LATE_AFTER_MS = 5 * 60_000;

class Stopped extends Error {}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Stopped());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Stopped());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}

function outcomeOf(record: DeliveryRecord): DeliveryOutcome {
  return {
    deliveryId: record.id,
    status: record.status,
    reason: record.reason,
    briefingIds: record.briefingIds,
    messageIds: record.messageIds,
    retryAt: record.retryAt,
  };
}

function current(context: DeliveryContext, id: number): DeliveryOutcome {
  const record = context.store.getDelivery(id);
  if (!record) throw new Error(`delivery ${id} is not in the ledger`);
  return outcomeOf(record);
}

/** How a row that went out late says so: how late, and why when the ledger knows. */
function sentReason(record: DeliveryRecord, sentAt: Date): string | null {
  const late = sentAt.getTime() - Date.parse(record.fireAt);
  if (record.kind !== 'scheduled' || late <= LATE_AFTER_MS) return record.reason;
  const why =
    record.reason ?? (record.lastError ? `Discord did not take it earlier: ${record.lastError}` : null);
  return `posted ${describeDuration(late)} late${why ? ` (${why})` : ''}`;
}

async function crosspost(context: DeliveryContext, record: DeliveryRecord): Promise<void> {
  const publish = context.sink.publish?.bind(context.sink);
  if (!publish) return;
  const sent = context.store.getDelivery(record.id);
  for (const messageId of sent?.messageIds ?? []) {
    for (let tried = 0; ; tried++) {
      try {
        await publish(record.channelId, messageId);
        break;
      } catch (caught) {
        const error = asDeliveryError(caught);
        const delay = context.quickRetryDelaysMs[tried];
        if (error.kind === 'transient' && delay !== undefined) {
          try {
            await wait(delay, context.signal);
          } catch {
            return;
          }
          continue;
        }
        // The digest is out; a failed crosspost is worth a note in status, not a resend.
        const note = `posted, but not crossposted: ${error.message}`;
        context.store.setReason(record.id, [sent?.reason, note].filter(Boolean).join('; '), context.now());
        context.log.warn(
          { err: error, channelId: record.channelId, deliveryId: record.id },
          'crosspost failed',
        );
        return;
      }
    }
  }
}

type PassResult = { kind: 'sent' } | { kind: 'ended' } | { kind: 'failed'; error: DeliveryError };

/** Ends a row that cannot be sent, and pauses the subscription when the channel is gone or closed. */
function endUnreachable(context: DeliveryContext, record: DeliveryRecord, error: DeliveryError): void {
  context.store.markEnded(
    record.id,
    'failed',
    `${error.message}; digest paused until resumed`,
    context.now(),
  );
  context.onChannelLost(record.channelId, error.message);
  context.log.warn(
    { err: error, channelId: record.channelId, deliveryId: record.id },
    'digest channel unreachable, subscription paused',
  );
}

/**
 * Finds the row's unsent messages that are in the channel after all, and records them as sent. Returns false
 * when the row was ended because the channel could not be checked.
 */
async function reconcile(
  context: DeliveryContext,
  record: DeliveryRecord,
  unsent: readonly DeliveryPart[],
): Promise<boolean> {
  const search = await context.sink.findPosted(
    record.channelId,
    unsent.map((part) => part.nonce),
    searchFrom(record),
  );
  const at = context.now();
  for (const part of unsent) {
    const messageId = search.found.get(part.nonce);
    if (messageId) context.store.markPartSent(record.id, part.part, messageId, at);
  }
  const missing = unsent.filter((part) => !search.found.has(part.nonce));
  if (search.found.size > 0)
    context.log.info(
      { channelId: record.channelId, deliveryId: record.id, found: search.found.size },
      'digest messages found in the channel, not sent again',
    );
  if (missing.length === 0 || search.complete) return true;
  context.store.markEnded(
    record.id,
    'unconfirmed',
    'not sent again: too many messages came in the channel since the first try to check that it is not already there',
    at,
  );
  return false;
}

/** One pass over the row: look in the channel when the nonces may be forgotten, then send what is still unsent. */
async function pass(context: DeliveryContext, deliveryId: number): Promise<PassResult> {
  const record = context.store.getDelivery(deliveryId);
  if (record?.status !== 'pending') return { kind: 'ended' };
  const { channelId } = record;
  try {
    let parts = context.store.parts(deliveryId).filter((part) => part.messageId === null);
    if (parts.length && !nonceStillTrusted(record, context.now())) {
      try {
        if (!(await reconcile(context, record, parts))) return { kind: 'ended' };
      } catch (caught) {
        const error = asDeliveryError(caught);
        if (error.kind !== 'missing-access') throw error;
        // Sending blind could post a second copy; a row that says so is better than a guess.
        context.store.markEnded(
          deliveryId,
          'unconfirmed',
          `not sent again: could not check whether it is already in the channel (${error.message})`,
          context.now(),
        );
        context.log.warn({ err: error, channelId, deliveryId }, 'digest could not be checked, not resent');
        return { kind: 'ended' };
      }
      parts = context.store.parts(deliveryId).filter((part) => part.messageId === null);
    }
    if (parts.length && context.now().getTime() > context.deadline(record).getTime()) {
      context.store.markEnded(
        deliveryId,
        'failed',
        `not sent: its catch-up window closed${record.lastError ? `; last error: ${record.lastError}` : ''}`,
        context.now(),
      );
      return { kind: 'ended' };
    }
    for (const part of parts) {
      const { messageId } = await context.sink.send(channelId, part.payload, part.nonce);
      context.store.markPartSent(deliveryId, part.part, messageId, context.now());
    }
  } catch (caught) {
    const error = asDeliveryError(caught);
    if (error.kind !== 'transient') {
      endUnreachable(context, record, error);
      return { kind: 'ended' };
    }
    return { kind: 'failed', error };
  }
  const sentAt = context.now();
  context.store.markSent(deliveryId, sentReason(record, sentAt), sentAt);
  context.log.info({ channelId, deliveryId, briefings: record.briefingIds.length }, 'digest sent');
  return { kind: 'sent' };
}

/** Records a transient failure: a quick retry, a later one kept in the ledger, or the end of the row's window. */
function onTransientFailure(
  context: DeliveryContext,
  deliveryId: number,
  error: DeliveryError,
  quickTried: number,
): 'quick' | 'later' | 'ended' {
  const record = context.store.getDelivery(deliveryId);
  if (record?.status !== 'pending') return 'ended';
  const now = context.now();
  if (quickTried < context.quickRetryDelaysMs.length) {
    context.store.recordFailure(deliveryId, error.message, null, now);
    context.log.warn(
      { err: error, channelId: record.channelId, deliveryId, attempt: record.attempts + 1 },
      'digest send failed, retrying',
    );
    return 'quick';
  }
  const laterAttempts = Math.max(0, record.attempts + 1 - context.quickRetryDelaysMs.length - 1);
  const retryAt = nextRetryAt(laterAttempts, now, context.deadline(record));
  if (!retryAt) {
    const attempts = record.attempts + 1;
    context.store.recordFailure(deliveryId, error.message, null, now);
    context.store.markEnded(
      deliveryId,
      'failed',
      `${error.message} (after ${attempts} attempts, until its catch-up window closed)`,
      now,
    );
    context.log.error({ err: error, channelId: record.channelId, deliveryId }, 'digest could not be sent');
    return 'ended';
  }
  context.store.recordFailure(deliveryId, error.message, retryAt, now);
  context.log.warn(
    { err: error, channelId: record.channelId, deliveryId, retryAt: retryAt.toISOString() },
    'digest send failed, will retry',
  );
  context.onRetryLater(deliveryId, retryAt);
  return 'later';
}

/** Sends what is still unsent of a pending row and records the result. Never throws for delivery failures. */
export async function completeDelivery(
  context: DeliveryContext,
  deliveryId: number,
  options: { publish: boolean },
): Promise<DeliveryOutcome> {
  const record = context.store.getDelivery(deliveryId);
  if (!record) throw new Error(`delivery ${deliveryId} is not in the ledger`);
  if (record.status !== 'pending') return outcomeOf(record);
  // A row already past its quick attempts (a retry from the ledger) goes straight to the later ones.
  for (let quickTried = Math.min(record.attempts, context.quickRetryDelaysMs.length); ; quickTried++) {
    const result = await pass(context, deliveryId);
    if (result.kind === 'sent') {
      if (options.publish) await crosspost(context, record);
      break;
    }
    if (result.kind === 'ended') break;
    const next = onTransientFailure(context, deliveryId, result.error, quickTried);
    if (next !== 'quick') break;
    try {
      await wait(context.quickRetryDelaysMs[quickTried]!, context.signal);
    } catch {
      break;
    }
  }
  return current(context, deliveryId);
}
