/** Rows to write in the store suites: a subscription and a ledger row, each with what a test wants changed. */
import type { Subscription } from '../../src/digest/model.js';
import type { NewDelivery } from '../../src/digest/store.js';

export const GUILD = '111111111111111111';
export const CHANNEL = '222222222222222222';
export const at = (iso: string) => new Date(iso);

export function savedSubscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    guildId: GUILD,
    channelId: CHANNEL,
    channelName: 'briefings',
    time: '08:00',
    timezone: 'Europe/Berlin',
    party: null,
    tag: null,
    postWhenEmpty: false,
    publish: false,
    mentionRoleId: null,
    postsAsThreads: null,
    paused: false,
    pauseReason: null,
    createdBy: '333333333333333333',
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    activeFrom: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

let counter = 0;

/** A pending scheduled digest of two messages (nonces unique in the run), due 2025-06-02 06:00 UTC. */
export function pendingDelivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  counter += 1;
  return {
    guildId: GUILD,
    channelId: CHANNEL,
    kind: 'scheduled',
    localDate: '2025-06-02',
    fireAt: at('2025-06-02T06:00:00Z'),
    status: 'pending',
    reason: null,
    briefingIds: ['grain-corridor', 'ceasefire-talks'],
    parts: [
      { nonce: `n${counter}.0`, payload: { content: 'grain-corridor: Grain corridor' } },
      { nonce: `n${counter}.1`, payload: { content: 'ceasefire-talks: Ceasefire talks', embeds: [] } },
    ],
    at: at('2025-06-02T06:00:00Z'),
    ...overrides,
  };
}
