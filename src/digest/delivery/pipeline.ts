/**
 * The delivery pipeline after a ledger row exists: send each message with its own nonce, note each message id as
 * it goes, then mark the row sent and the briefings received in one transaction. A row left pending (crash,
 * stop, outage) is finished later by the same function: with the same nonces while Discord still remembers
 * them, and after looking in the channel for the messages once it may not.
 *
 * In a forum or media channel the first message opens a new post (a thread) and the others go into it. Opening a
 * post takes no nonce, so a post that may have been opened already (any try but the row's very first) is looked
 * for in the forum before another is opened.
 */

import type { DeliveryOutcome, DeliveryRecord } from '../model.js';
import { LATE_AFTER_MS } from '../plan/due.js';
import type { ChannelLoss, DeliveryReason } from '../reasons.js';
import type { DeliveryPart, DigestStore, SentPart } from '../store.js';
import { nonceStillTrusted, searchFrom } from './reconcile.js';
import { nextRetryAt } from './retry-plan.js';
import {
  DeliveryError,
  type DeliveryLog,
  type DigestPost,
  type DigestSink,
  type ForumPosts,
  type PostedSearch,
} from './sink.js';

export interface DeliveryContext {
  store: DigestStore;
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
  onChannelLost(channelId: string, loss: ChannelLoss): Promise<void>;
  /** A row now waits in the ledger until `at` for its next attempt. */
  onRetryLater(deliveryId: number, at: Date): void;
  /** What the row's post in a forum or media channel is called and tagged with, worked out when it is opened. */
  post(record: DeliveryRecord): Promise<DigestPost>;
  /**
   * True while this instance still holds the row (its hold renewed); false once another instance took it over
   * after the hold lapsed. Asked before each message: an instance that stalled stops rather than race the other.
   */
  holds(deliveryId: number): Promise<boolean>;
}

class Stopped extends Error {}

/** The row was taken over by another instance: this one leaves it, writing nothing. */
class ClaimLost extends Error {}

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

async function current(context: DeliveryContext, id: number): Promise<DeliveryOutcome> {
  const record = await context.store.getDelivery(id);
  if (!record) throw new Error(`delivery ${id} is not in the ledger`);
  return outcomeOf(record);
}

/** How a row that went out late says so: how late, and why when the ledger knows. */
function sentReason(record: DeliveryRecord, sentAt: Date): DeliveryReason | null {
  const lateMs = sentAt.getTime() - Date.parse(record.fireAt);
  if (record.kind !== 'scheduled' || lateMs <= LATE_AFTER_MS) return record.reason;
  const cause: DeliveryReason | null =
    record.reason ?? (record.lastError ? { code: 'retried', error: record.lastError } : null);
  return { code: 'posted-late', lateMs, cause };
}

/** The channel a sink's error says is lost; a sink that gave no details loses "access". */
function lossOf(error: DeliveryError): ChannelLoss {
  if (error.loss) return error.loss;
  return error.kind === 'unknown-channel'
    ? { code: 'channel-gone', channelName: null }
    : { code: 'missing-permission', permissions: ['access'], channelName: null };
}

async function crosspost(context: DeliveryContext, record: DeliveryRecord): Promise<void> {
  const publish = context.sink.publish?.bind(context.sink);
  if (!publish) return;
  const sent = await context.store.getDelivery(record.id);
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
        const note: DeliveryReason = {
          code: 'not-crossposted',
          error: error.message,
          loss: error.loss,
          before: sent?.reason ?? null,
        };
        await context.store.setReason(record.id, note, context.now());
        context.log.warn(
          { err: error, channelId: record.channelId, deliveryId: record.id },
          'crosspost failed',
        );
        return;
      }
    }
  }
}

type PassResult =
  | { kind: 'sent' }
  | { kind: 'ended' }
  | { kind: 'handed-over' }
  | { kind: 'failed'; error: DeliveryError };

/** Ends a row that cannot be sent, and pauses the subscription when the channel is gone or closed. */
async function endUnreachable(
  context: DeliveryContext,
  record: DeliveryRecord,
  error: DeliveryError,
): Promise<void> {
  const loss = lossOf(error);
  await context.store.markEnded(record.id, 'failed', { code: 'channel-lost', loss }, context.now());
  await context.onChannelLost(record.channelId, loss);
  context.log.warn(
    { err: error, channelId: record.channelId, deliveryId: record.id },
    'digest channel unreachable, subscription paused',
  );
}

/**
 * Finds which of the row's unsent messages are out after all (`search` looks for their markers), and records
 * them as sent. Returns false when the row was ended instead: the place could not be read, or not far enough back
 * to be sure.
 */
async function reconcile(
  context: DeliveryContext,
  record: DeliveryRecord,
  unsent: readonly DeliveryPart[],
  search: (markers: readonly string[]) => Promise<PostedSearch>,
): Promise<boolean> {
  let result: PostedSearch;
  try {
    result = await search(unsent.map((part) => part.nonce));
  } catch (caught) {
    const error = asDeliveryError(caught);
    if (error.kind !== 'missing-access') throw error;
    // Sending blind could post a second copy; a row that says so is better than a guess.
    await context.store.markEnded(
      record.id,
      'unconfirmed',
      { code: 'unconfirmed-unreadable', error: error.message, loss: error.loss },
      context.now(),
    );
    context.log.warn(
      { err: error, channelId: record.channelId, deliveryId: record.id },
      'digest could not be checked, not resent',
    );
    return false;
  }
  const at = context.now();
  for (const part of unsent) {
    const messageId = result.found.get(part.nonce);
    if (messageId) await context.store.markPartSent(record.id, part.part, messageId, at);
  }
  const missing = unsent.filter((part) => !result.found.has(part.nonce));
  if (result.found.size > 0)
    context.log.info(
      { channelId: record.channelId, deliveryId: record.id, found: result.found.size },
      'digest messages found in the channel, not sent again',
    );
  if (missing.length === 0 || result.complete) return true;
  await context.store.markEnded(record.id, 'unconfirmed', { code: 'unconfirmed-too-much-history' }, at);
  return false;
}

/**
 * The sink's forums when the channel is one (a digest there is a post), else undefined. The subscription says so
 * (`postsAsThreads`) when it was made knowing the channel (a channel never becomes or stops being a forum); the
 * sink is asked only for one made before that was kept.
 */
async function forumOf(
  context: DeliveryContext,
  channelId: string,
  postsAsThreads: boolean | null,
): Promise<ForumPosts | undefined> {
  const { forums } = context.sink;
  if (!forums) return undefined;
  return (postsAsThreads ?? (await forums.isForum(channelId))) ? forums : undefined;
}

const unsentOf = (parts: readonly DeliveryPart[]) => parts.filter((part) => part.messageId === null);

/**
 * One pass over the row: look for what may be out already (a post that may have been opened; messages once their
 * nonces may be forgotten), then send what is still unsent. `fresh`: the row's first try, in the process that
 * wrote it, so nothing of it can be out yet.
 */
async function pass(
  context: DeliveryContext,
  deliveryId: number,
  fresh: boolean,
  postsAsThreads: boolean | null,
): Promise<PassResult> {
  const record = await context.store.getDelivery(deliveryId);
  if (record?.status !== 'pending') return { kind: 'ended' };
  const { channelId } = record;
  let last: SentPart | undefined;
  // Set while the pass works inside the row's post: the post gone is the row's end, not the forum's.
  let inPost = false;
  try {
    let parts = await context.store.parts(deliveryId);
    const forum = unsentOf(parts).length ? await forumOf(context, channelId, postsAsThreads) : undefined;
    // In a forum the first message is the post's starter; it has the post's id, and the rest go into the post.
    const starter = forum ? parts[0]?.part : undefined;
    const isStarter = (part: DeliveryPart) => part.part === starter;
    if (forum && parts[0]?.messageId === null && !fresh) {
      const since = searchFrom(record);
      const found = await reconcile(context, record, [parts[0]], (markers) =>
        forum.findPosts(channelId, markers, since),
      );
      if (!found) return { kind: 'ended' };
      parts = await context.store.parts(deliveryId);
    }
    // Where the messages go: the channel, or the post once it is open.
    let place = forum ? (parts[0]?.messageId ?? undefined) : channelId;
    const rest = unsentOf(parts).filter((part) => !isStarter(part));
    if (place && rest.length && !nonceStillTrusted(record, context.now())) {
      const inside = place;
      inPost = Boolean(forum);
      const since = searchFrom(record);
      const found = await reconcile(context, record, rest, (markers) =>
        context.sink.findPosted(inside, markers, since),
      );
      if (!found) return { kind: 'ended' };
      parts = await context.store.parts(deliveryId);
    }
    const unsent = unsentOf(parts);
    if (unsent.length && context.now().getTime() > context.deadline(record).getTime()) {
      await context.store.markEnded(
        deliveryId,
        'failed',
        { code: 'window-closed', lastError: record.lastError },
        context.now(),
      );
      return { kind: 'ended' };
    }
    for (const [index, part] of unsent.entries()) {
      if (!(await context.holds(deliveryId))) throw new ClaimLost();
      let messageId: string;
      if (forum && isStarter(part)) {
        inPost = false;
        const { threadId } = await forum.createPost(channelId, await context.post(record), part.payload);
        messageId = threadId;
        place = threadId;
      } else {
        inPost = Boolean(forum);
        if (!place) throw new Error(`delivery ${deliveryId}: a message of a post whose post is not open`);
        ({ messageId } = await context.sink.send(place, part.payload, part.nonce));
      }
      // The last one is recorded together with the row's end, below.
      if (index === unsent.length - 1) last = { part: part.part, messageId };
      else await context.store.markPartSent(deliveryId, part.part, messageId, context.now());
    }
  } catch (caught) {
    if (caught instanceof ClaimLost) {
      context.log.warn({ channelId, deliveryId }, 'digest taken over by another instance, left to it');
      return { kind: 'handed-over' };
    }
    const error = asDeliveryError(caught);
    if (inPost && error.kind === 'unknown-channel') {
      await endPostGone(context, record, error);
      return { kind: 'ended' };
    }
    if (error.kind !== 'transient') {
      await endUnreachable(context, record, error);
      return { kind: 'ended' };
    }
    return { kind: 'failed', error };
  }
  const sentAt = context.now();
  await context.store.markSent(deliveryId, sentReason(record, sentAt), sentAt, last);
  context.log.info({ channelId, deliveryId, briefings: record.briefingIds.length }, 'digest sent');
  return { kind: 'sent' };
}

/**
 * The row's post was deleted before all of it was in: the rest has nowhere to go. The forum itself is fine, so the
 * subscription goes on; the row ends as failed with what Discord said.
 */
async function endPostGone(
  context: DeliveryContext,
  record: DeliveryRecord,
  error: DeliveryError,
): Promise<void> {
  const attempts = record.attempts + 1;
  await context.store.markEnded(
    record.id,
    'failed',
    { code: 'send-failed', error: error.message, attempts },
    context.now(),
  );
  context.log.warn(
    { err: error, channelId: record.channelId, deliveryId: record.id },
    'digest post deleted before all of it was posted',
  );
}

/** Records a transient failure: a quick retry, a later one kept in the ledger, or the end of the row's window. */
async function onTransientFailure(
  context: DeliveryContext,
  deliveryId: number,
  error: DeliveryError,
  quickTried: number,
): Promise<'quick' | 'later' | 'ended'> {
  const record = await context.store.getDelivery(deliveryId);
  if (record?.status !== 'pending') return 'ended';
  const now = context.now();
  if (quickTried < context.quickRetryDelaysMs.length) {
    await context.store.recordFailure(deliveryId, error.message, null, now);
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
    await context.store.recordFailure(deliveryId, error.message, null, now);
    await context.store.markEnded(
      deliveryId,
      'failed',
      { code: 'send-failed', error: error.message, attempts },
      now,
    );
    context.log.error({ err: error, channelId: record.channelId, deliveryId }, 'digest could not be sent');
    return 'ended';
  }
  await context.store.recordFailure(deliveryId, error.message, retryAt, now);
  context.log.warn(
    { err: error, channelId: record.channelId, deliveryId, retryAt: retryAt.toISOString() },
    'digest send failed, will retry',
  );
  context.onRetryLater(deliveryId, retryAt);
  return 'later';
}

/**
 * Sends what is still unsent of a pending row and records the result. Never throws for delivery failures.
 * `fresh`: the row was just written by this process and nothing of it has been tried (a forum post is then opened
 * without looking for it first); any other row may be partly out already. The caller has the subscription at hand,
 * so it says what it knows of the channel rather than the pipeline reading it again.
 */
export async function completeDelivery(
  context: DeliveryContext,
  deliveryId: number,
  options: {
    publish: boolean;
    fresh?: boolean;
    /** What the subscription knows of its channel: a forum or media channel (null: not known, ask the sink). */
    postsAsThreads?: boolean | null;
  },
): Promise<DeliveryOutcome> {
  const record = await context.store.getDelivery(deliveryId);
  if (!record) throw new Error(`delivery ${deliveryId} is not in the ledger`);
  if (record.status !== 'pending') return outcomeOf(record);
  let fresh = options.fresh === true;
  // A row already past its quick attempts (a retry from the ledger) goes straight to the later ones.
  for (let quickTried = Math.min(record.attempts, context.quickRetryDelaysMs.length); ; quickTried++) {
    const result = await pass(context, deliveryId, fresh, options.postsAsThreads ?? null);
    fresh = false;
    if (result.kind === 'sent') {
      if (options.publish) await crosspost(context, record);
      break;
    }
    if (result.kind === 'ended' || result.kind === 'handed-over') break;
    const next = await onTransientFailure(context, deliveryId, result.error, quickTried);
    if (next !== 'quick') break;
    try {
      await wait(context.quickRetryDelaysMs[quickTried]!, context.signal);
    } catch {
      break;
    }
  }
  return current(context, deliveryId);
}
