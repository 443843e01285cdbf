/**
 * Subscriptions as server managers set them up: one per channel, at a local time in a zone, with filters; paused
 * and resumed by hand or when Discord closes the channel to the bot.
 */
import { DigestError } from '../errors.js';
import type { SubscribeInput, Subscription } from '../model.js';
import type { PauseReason } from '../reasons.js';
import type { DigestStore } from '../store.js';
import { normalizeTime, normalizeTimezone, optionalText, requireId } from './validate.js';

export interface SubscriptionAdminDeps {
  store: DigestStore;
  now: () => Date;
  /** Throws a DigestError when nothing may be written (the database went away). */
  assertWritable: () => Promise<void>;
  /** The set of subscriptions changed: the timers follow. */
  onChange: () => Promise<void>;
}

export class SubscriptionAdmin {
  constructor(private readonly deps: SubscriptionAdminDeps) {}

  /** Creates the channel's subscription, or updates it (one per channel). Throws DigestError on bad input. */
  async subscribe(input: SubscribeInput): Promise<Subscription> {
    await this.deps.assertWritable();
    const channelId = requireId(input.channelId, 'channel');
    const guildId = requireId(input.guildId, 'server');
    const time = normalizeTime(input.time);
    const timezone = normalizeTimezone(input.timezone ?? 'UTC');
    const party = optionalText(input.party, 'party');
    const tag = optionalText(input.tag, 'tag');
    const mentionRoleId = input.mentionRoleId?.trim() ? requireId(input.mentionRoleId, 'role') : null;
    // The command says so to the manager; here it is a caller's mistake.
    if (mentionRoleId && !party) throw new Error('a role alert needs a party filter');
    const now = this.deps.now().toISOString();
    const existing = await this.deps.store.getSubscription(channelId);
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
      mentionRoleId,
      // Forum-ness never changes: once known it stays, whoever subscribes again.
      postsAsThreads: input.postsAsThreads ?? existing?.postsAsThreads ?? null,
      // Subscribing again is a fresh set-up: it also takes up a paused subscription.
      paused: false,
      pauseReason: null,
      createdBy: existing?.createdBy ?? input.createdBy ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      activeFrom: fresh ? now : existing.activeFrom,
    };
    await this.deps.store.saveSubscription(sub);
    await this.deps.onChange();
    return sub;
  }

  /** Removes the channel's subscription; false when there was none. Its ledger stays, for status. */
  async unsubscribe(channelId: string): Promise<boolean> {
    await this.deps.assertWritable();
    const removed = await this.deps.store.deleteSubscription(channelId);
    if (removed) await this.deps.onChange();
    return removed;
  }

  get(channelId: string): Promise<Subscription | undefined> {
    return this.deps.store.getSubscription(channelId);
  }

  /** The server's subscriptions, by time of day. */
  list(guildId: string): Promise<Subscription[]> {
    return this.deps.store.guildSubscriptions(guildId);
  }

  /** Stops posting until resumed; each day's fire is recorded as `paused` with the reason. */
  pause(channelId: string, reason: PauseReason = { code: 'by-manager' }): Promise<Subscription> {
    return this.setPaused(channelId, reason);
  }

  /** Takes a paused subscription up again from the next fire on. */
  resume(channelId: string): Promise<Subscription> {
    return this.setPaused(channelId, null);
  }

  /** The channel's subscription, or a DigestError saying there is none. */
  async require(channelId: string): Promise<Subscription> {
    const sub = await this.deps.store.getSubscription(channelId);
    if (!sub) throw new DigestError({ code: 'not-subscribed', channelId });
    return sub;
  }

  private async setPaused(channelId: string, reason: PauseReason | null): Promise<Subscription> {
    await this.deps.assertWritable();
    const sub = await this.require(channelId);
    const now = this.deps.now().toISOString();
    const paused = reason !== null;
    const updated: Subscription = {
      ...sub,
      paused,
      pauseReason: reason,
      updatedAt: now,
      activeFrom: paused ? sub.activeFrom : now,
    };
    await this.deps.store.saveSubscription(updated);
    await this.deps.onChange();
    return updated;
  }
}
