import { MessageCreateRequestSchema } from 'discord-api-spec/zod';
import { expect } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { type MessagePayload, NO_MENTIONS, type Reply } from '../../src/message/payload.js';
import { checkMessageLimits } from '../../src/render/check.js';
import { replyMessages } from '../../src/render/pack.js';
import { makeBriefing } from '../support/briefings.js';

/** A briefing as editors write them: the Berlin talks, with a linked source, an author, tags and parties. */
export const berlinTalks: Briefing = makeBriefing({
  id: 'berlin-talks',
  title: 'Envoys press Kyiv on Donetsk during Berlin talks',
  date: '2025-12-15',
  summary:
    'American negotiators met Ukrainian and European leaders in Berlin; territory remained the hard question.',
  sections: {
    whatHappened: [
      'Negotiators from Washington met the Ukrainian president in Berlin.',
      'Kyiv signalled it could drop its NATO bid.',
    ],
    whyItMatters: ['A withdrawal from Donetsk would be a large concession on territory.'],
    implications: ['A deal without NATO membership would rest on bilateral guarantees.'],
  },
  source: { name: 'Reuters', url: 'https://www.reuters.com/world/europe/berlin-talks' },
  author: 'Desk Editor',
  tags: ['ukraine', 'diplomacy'],
  parties: ['Ukraine', 'United States'],
  file: 'briefings/2025-12-15-berlin-talks.md',
});

/** Distinct, recognisable words: `w<seed>x<i>`, so a lost or broken word is easy to spot. */
export function words(seed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `w${seed}x${i}`).join(' ');
}

/** Every message must pass our own limit check and Discord's published request schema. */
export function expectWithinLimits(messages: readonly MessagePayload[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(checkMessageLimits(message)).toEqual([]);
    const parsed = MessageCreateRequestSchema.safeParse({ ...message, allowed_mentions: NO_MENTIONS });
    expect(parsed.success, parsed.error?.message).toBe(true);
  }
}

export function messagesOf(reply: Reply): MessagePayload[] {
  return replyMessages(reply);
}

/** All visible text of the messages, whitespace collapsed, fields of one embed run together in order. */
export function visibleText(messages: readonly MessagePayload[]): string {
  const parts: string[] = [];
  for (const message of messages) {
    if (message.content) parts.push(message.content);
    for (const embed of message.embeds ?? []) {
      parts.push(embed.author?.name ?? '', embed.title ?? '', embed.description ?? '');
      for (const field of embed.fields ?? []) parts.push(field.name, field.value);
      parts.push(embed.footer?.text ?? '');
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Field values only, in order, so a bullet split over continued fields reads whole again. */
export function fieldText(messages: readonly MessagePayload[]): string {
  const parts: string[] = [];
  for (const message of messages) {
    for (const embed of message.embeds ?? []) for (const field of embed.fields ?? []) parts.push(field.value);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
