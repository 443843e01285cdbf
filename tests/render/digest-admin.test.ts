/** What managers see about their digests stays within one answer, however many channels a server has. */
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/digest/model.js';
import { MAX_FOLLOW_UPS } from '../../src/message/payload.js';
import { renderStatus, renderSubscriptions } from '../../src/render/digest-admin.js';
import { renderNotice } from '../../src/render/notice.js';
import { textOf } from '../support/message-text.js';
import { expectWithinLimits, isV2, messagesOf, smallPrintOf, words } from './helpers.js';

function sub(i: number): Subscription {
  return {
    guildId: '111111111111111111',
    channelId: String(333333333333333000n + BigInt(i)),
    channelName: `channel-${i}`,
    time: '08:00',
    timezone: 'Europe/Kyiv',
    party: 'Ukraine',
    tag: 'diplomacy',
    postWhenEmpty: true,
    publish: true,
    paused: false,
    pauseReason: null,
    createdBy: null,
    createdAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
    activeFrom: '2025-12-01T00:00:00.000Z',
  };
}

describe('answers for the asker alone', () => {
  const subs = Array.from({ length: 400 }, (_, i) => sub(i));
  const nextAt = () => new Date('2025-12-16T06:00:00Z');

  it.each([
    ['/digest list', () => renderSubscriptions(subs, nextAt)],
    ['/digest status', () => renderStatus([], subs, nextAt)],
  ])('%s of 400 channels posts at most the cap, and says the rest was left out', (_name, render) => {
    const reply = render();
    const messages = messagesOf(reply);
    expect(reply.ephemeral).toBe(true);
    expect(messages).toHaveLength(1 + MAX_FOLLOW_UPS);
    expectWithinLimits(messages);
    expect(messages.every(isV2)).toBe(true);
    expect(smallPrintOf(messages.at(-1)).at(-1)).toMatch(
      /^\d+ more messages left out\. See one channel with/,
    );
  });

  it('a notice of any length is at most the cap', () => {
    const reply = renderNotice(words(1, 100_000));
    expect(messagesOf(reply)).toHaveLength(1 + MAX_FOLLOW_UPS);
    expectWithinLimits(messagesOf(reply));
    expect(messagesOf(reply).at(-1)?.content).toMatch(
      /…\n\d+ more messages left out\. The rest of this notice was too long to show\.$/,
    );
  });
});

describe('a subscription with a role alert', () => {
  it('says which role its digests mention', () => {
    const alerted = { ...sub(1), mentionRoleId: '555555555555555555' };
    const at = () => new Date('2025-12-16T06:00:00Z');
    expect(textOf(messagesOf(renderSubscriptions([alerted], at)))).toContain(
      'mentions <@&555555555555555555> when it has briefings',
    );
    expect(textOf(messagesOf(renderSubscriptions([sub(2)], at)))).not.toContain('mentions');
  });
});
