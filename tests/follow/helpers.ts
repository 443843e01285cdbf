/** Test doubles for party alerts: Discord's direct messages in small, a hand-moved clock, a service on a temp file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Briefing } from '../../src/briefing/model.js';
import { DirectMessageError, type DirectMessages } from '../../src/follow/direct-messages.js';
import { FollowService } from '../../src/follow/service.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { SqliteFollowStore } from '../../src/store/sqlite/follow-store.js';
import { makeBriefing } from '../support/briefings.js';

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'follow-test-')), 'data', 'bot.sqlite');
}

export interface SentDm {
  userId: string;
  nonce: string;
  message: MessagePayload;
  messageId: string;
}

/** Direct messages as Discord takes them: a nonce seen before returns the first message; closed DMs refuse. */
export class FakeDirectMessages implements DirectMessages {
  readonly sent: SentDm[] = [];
  /** Every call, including refused and repeated ones. */
  readonly calls: { userId: string; nonce: string }[] = [];
  readonly closed = new Set<string>();
  private readonly failures: unknown[] = [];
  private hanging = false;
  private counter = 0;

  /** The next `times` sends fail with a transient error. */
  failNext(times = 1): void {
    for (let i = 0; i < times; i++)
      this.failures.push(new DirectMessageError('transient', 'Discord is down'));
  }

  /** From now on a send goes out and is never answered (the process "dies" while it waits); false: answered again. */
  hangAfterSending(hanging = true): void {
    this.hanging = hanging;
  }

  to(userId: string): SentDm[] {
    return this.sent.filter((dm) => dm.userId === userId);
  }

  async send(userId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    this.calls.push({ userId, nonce });
    if (this.closed.has(userId))
      throw new DirectMessageError('closed', 'Cannot send messages to this user (50007)');
    const failure = this.failures.shift();
    if (failure) throw failure;
    const known = this.sent.find((dm) => dm.nonce === nonce);
    const sent = known ?? { userId, nonce, message, messageId: `dm-${++this.counter}` };
    if (!known) this.sent.push(sent);
    if (this.hanging) return new Promise(() => {});
    return { messageId: sent.messageId };
  }
}

export function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

/** An in-memory library: briefings, and which parties each names. */
export class Shelf {
  private readonly briefings: Briefing[] = [];
  private readonly named = new Map<string, string[]>();

  add(id: string, date: string, ...parties: string[]): Briefing {
    const briefing = makeBriefing({ id, date, title: `${parties.join(' and ')} (${id})` });
    this.briefings.push(briefing);
    this.named.set(id, parties);
    return briefing;
  }

  since = (date: string): Briefing[] =>
    this.briefings.filter((briefing) => briefing.date >= date).sort((a, b) => (a.date < b.date ? 1 : -1));

  mentions = (id: string, party: string): boolean => this.named.get(id)?.includes(party) ?? false;
}

/** The alert as one message naming its briefings and parties, so tests can read what went out. */
export function renderForTest(briefings: readonly Briefing[], parties: readonly string[]): MessagePayload[] {
  return [{ content: `about ${parties.join(', ')}: ${briefings.map((briefing) => briefing.id).join(', ')}` }];
}

export function makeFollowService(options: {
  path?: string;
  time: ReturnType<typeof clock>;
  shelf: Shelf;
  dms?: FakeDirectMessages;
  timezone?: string;
}) {
  const path = options.path ?? tempDbPath();
  const store = SqliteFollowStore.open(path);
  const dms = options.dms ?? new FakeDirectMessages();
  const service = new FollowService({
    store,
    dms,
    render: renderForTest,
    briefingsSince: options.shelf.since,
    mentions: options.shelf.mentions,
    timezone: options.timezone ?? 'Europe/Berlin',
    now: options.time.now,
  });
  return { service, store, dms, path };
}
