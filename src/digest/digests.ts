/** What command handlers may ask of the digest: the interface they see, whoever implements it. */
import type { MessagePayload } from '../message/payload.js';
import type { DeliveryOutcome, DeliveryRecord, Subscription } from './model.js';
import type { SubscriptionAdmin } from './subscriptions/admin.js';

export interface Digests {
  readonly subscriptions: Pick<
    SubscriptionAdmin,
    'subscribe' | 'unsubscribe' | 'get' | 'list' | 'pause' | 'resume' | 'require'
  >;
  nextFireAt(sub: Subscription): Date;
  preview(channelId: string): Promise<MessagePayload[]>;
  sendNow(channelId: string): Promise<DeliveryOutcome>;
  status(guildId: string, channelId?: string, limit?: number): Promise<DeliveryRecord[]>;
  briefingsMarked(marker: string): Promise<string[] | undefined>;
}
