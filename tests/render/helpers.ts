import { MessageCreateRequestSchema } from 'discord-api-spec/zod';
import { expect } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { countComponents, sendable, textLength } from '../../src/message/components.js';
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

/** Every message must pass our own limit check and Discord's published request schema, as it goes out. */
export function expectWithinLimits(messages: readonly MessagePayload[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(checkMessageLimits(message)).toEqual([]);
    const parsed = MessageCreateRequestSchema.safeParse({
      ...sendable(message),
      allowed_mentions: NO_MENTIONS,
    });
    expect(parsed.success, parsed.error?.message).toBe(true);
  }
}

export function messagesOf(reply: Reply): MessagePayload[] {
  return replyMessages(reply);
}

/** How much of Discord's limits a message uses: its components (nested ones counted) and its text. */
export function usage(message: MessagePayload): { components: number; chars: number } {
  const sent = sendable(message);
  return { components: countComponents(sent.components), chars: textLength(sent.components) };
}

export {
  buttonsOf,
  headingsOf,
  isV2,
  leadOf,
  sectionNames,
  sectionsOf,
  sectionText,
  smallPrintOf,
  textOf,
  titleOf,
  visibleText,
} from '../support/message-text.js';
