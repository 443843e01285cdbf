/**
 * The delivery pipeline after a ledger row exists: send each message with its own nonce, note each
 * message id as it goes, then mark the row sent and the briefings received in one transaction.
 * A row left pending (crash, stop) is finished later by the same function with the same nonces.
 */
import type { MessagePayload } from '../render/payload.js';
import type { DeliveryOutcome, DeliveryRecord } from './model.js';
import type { ScheduleStore } from './store.js';

/** Where digests go: Discord channels (src/discord) or the terminal (src/console). */
export interface DigestSink {
  /** Sends one message; must pass nonce with enforce_nonce so a retried send is idempotent. */
  send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }>;
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
  /** Waits between attempts of a transient failure; its length + 1 is the number of attempts. */
  retryDelaysMs: readonly number[];
  /** Aborted on stop: backoff waits end and the row stays pending for the next start. */
  signal: AbortSignal;
  log: DeliveryLog;
  /** Called when Discord says the channel is gone or closed to the bot. */
  onChannelLost(channelId: string, reason: string): void;
}

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

/** Runs `attempt` until it succeeds, a permanent error, or the retries run out. */
async function withRetries<T>(context: DeliveryContext, what: string, attempt: () => Promise<T>): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (caught) {
      const error = asDeliveryError(caught);
      const delay = context.retryDelaysMs[tried];
      if (error.kind !== 'transient' || delay === undefined) {
        if (error.kind === 'transient' && tried > 0)
          error.message = `${error.message} (after ${tried + 1} attempts)`;
        throw error;
      }
      context.log.warn({ err: error, attempt: tried + 1, retryInMs: delay }, `${what} failed, retrying`);
      await wait(delay, context.signal);
    }
  }
}

function outcomeOf(record: DeliveryRecord): DeliveryOutcome {
  return {
    deliveryId: record.id,
    status: record.status,
    reason: record.reason,
    briefingIds: record.briefingIds,
    messageIds: record.messageIds,
  };
}

function current(context: DeliveryContext, id: number): DeliveryOutcome {
  const record = context.store.getDelivery(id);
  if (!record) throw new Error(`delivery ${id} is not in the ledger`);
  return outcomeOf(record);
}

async function crosspost(context: DeliveryContext, record: DeliveryRecord): Promise<void> {
  const publish = context.sink.publish?.bind(context.sink);
  if (!publish) return;
  const sent = context.store.getDelivery(record.id);
  for (const messageId of sent?.messageIds ?? []) {
    try {
      await withRetries(context, 'crosspost', () => publish(record.channelId, messageId));
    } catch (error) {
      if (error instanceof Stopped) return;
      // The digest is out; a failed crosspost is worth a note in status, not a resend.
      const note = `posted, but not crossposted: ${asDeliveryError(error).message}`;
      context.store.setReason(record.id, [sent?.reason, note].filter(Boolean).join('; '), context.now());
      context.log.warn(
        { err: error, channelId: record.channelId, deliveryId: record.id },
        'crosspost failed',
      );
      return;
    }
  }
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
  const { channelId } = record;
  try {
    for (const part of context.store.parts(deliveryId)) {
      if (part.messageId !== null) continue;
      const { messageId } = await withRetries(context, 'digest send', () =>
        context.sink.send(channelId, part.payload, part.nonce),
      );
      context.store.markPartSent(deliveryId, part.part, messageId, context.now());
    }
  } catch (caught) {
    if (caught instanceof Stopped) return current(context, deliveryId);
    const error = asDeliveryError(caught);
    if (error.kind === 'transient') {
      context.store.markEnded(deliveryId, 'failed', error.message, context.now());
      context.log.error({ err: error, channelId, deliveryId }, 'digest could not be sent');
    } else {
      context.store.markEnded(
        deliveryId,
        'failed',
        `${error.message}; digest paused until resumed`,
        context.now(),
      );
      context.onChannelLost(channelId, error.message);
      context.log.warn(
        { err: error, channelId, deliveryId },
        'digest channel unreachable, subscription paused',
      );
    }
    return current(context, deliveryId);
  }
  context.store.markSent(deliveryId, record.reason, context.now());
  context.log.info({ channelId, deliveryId, briefings: record.briefingIds.length }, 'digest sent');
  if (options.publish) await crosspost(context, record);
  return current(context, deliveryId);
}
