import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/digest/model.js';
import { V2_LIMITS } from '../../src/message/limits.js';
import { digestRenderer, renderDigest, renderNothingNew } from '../../src/render/digest.js';
import { COLORS } from '../../src/render/format.js';
import { makeBriefing } from '../support/briefings.js';
import {
  berlinTalks,
  buttonsOf,
  expectWithinLimits,
  headingsOf,
  isV2,
  textOf,
  titleOf,
  usage,
  visibleText,
  words,
} from './helpers.js';

function briefings(count: number) {
  return Array.from({ length: count }, (_, i) =>
    makeBriefing({
      id: `digest-${i}`,
      title: `Digest item ${i}: ${words(i, 8)}`,
      summary: words(100 + i, 120),
    }),
  );
}

describe('renderDigest', () => {
  it('shows each briefing as a compact card: title, short summary, date, source and how to read it', () => {
    const [message, ...rest] = renderDigest([berlinTalks], { heading: 'Your morning briefing' });
    expect(rest).toEqual([]);
    expect(isV2(message)).toBe(true);
    expect(message?.content).toBeUndefined();
    const [heading, card] = message?.components ?? [];
    expect(heading).toEqual({ type: ComponentType.TextDisplay, content: 'Your morning briefing' });
    expect(card?.type).toBe(ComponentType.Container);
    expect(card && 'accent_color' in card ? card.accent_color : undefined).toBe(COLORS.briefing);
    expect(textOf(card)).toBe(
      [
        '### Envoys press Kyiv on Donetsk during Berlin talks',
        'American negotiators met Ukrainian and European leaders in Berlin; territory remained the hard question.',
        '-# 15 Dec 2025 · Reuters · `/briefing show id:berlin-talks`',
      ].join('\n'),
    );
    // A preview, with no delivery behind it, has nothing to press.
    expect(buttonsOf(message)).toEqual([]);
  });

  it('trims a long summary at a word boundary, marked with an ellipsis', () => {
    const summary = textOf(renderDigest(briefings(1))[0]).split('\n')[1] ?? '';
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary).toMatch(/w100x\d+…$/);
  });

  it('packs a digest of 40 briefings into as few messages as the limits allow, in order', () => {
    const all = briefings(40);
    const messages = renderDigest(all, { heading: 'Daily digest' });
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(textOf(messages[0]).startsWith('Daily digest\n')).toBe(true);
    expect(messages.slice(1).every((message) => !textOf(message).includes('Daily digest'))).toBe(true);
    const titles = messages.flatMap((message) => headingsOf(message));
    expect(titles).toEqual(all.map((briefing) => briefing.title));
    const text = visibleText(messages);
    for (const briefing of all) expect(text).toContain(`/briefing show id:${briefing.id}`);
  });

  it('puts a Read button beside each card, marked with that part’s nonce', () => {
    const all = briefings(23);
    const messages = renderDigest(all, { heading: 'Daily digest', marker: (part) => `stem.${part}` });
    expectWithinLimits(messages);
    let next = 0;
    messages.forEach((message, part) => {
      const shown = headingsOf(message).length;
      expect(buttonsOf(message)).toEqual(
        Array.from({ length: shown }, (_, index) => ({
          label: 'Read',
          customId: `digest:stem.${part}:${next + index}`,
          style: ButtonStyle.Secondary,
        })),
      );
      // Each card is a section: its text with the button beside it.
      for (const card of message.components?.filter((c) => c.type === ComponentType.Container) ?? [])
        expect('components' in card && card.components[0]?.type).toBe(ComponentType.Section);
      next += shown;
    });
    expect(next).toBe(23);
  });

  it('uses at most 40 components and 4,000 characters a message, leaving room for a note in front', () => {
    const messages = renderDigest(briefings(30), { heading: 'Daily digest', marker: (part) => `m.${part}` });
    for (const message of messages) {
      const { components, chars } = usage(message);
      expect(components).toBeLessThanOrEqual(V2_LIMITS.componentsPerMessage - 2);
      expect(chars).toBeLessThanOrEqual(V2_LIMITS.textPerMessage - 250);
    }
  });

  it('marks a quiet day’s note with a Latest briefing button', () => {
    const note = renderNothingNew({ marker: (part) => `quiet.${part}` });
    expectWithinLimits([note]);
    expect(buttonsOf(note)).toEqual([
      { label: 'Latest briefing', customId: 'digest:quiet.0:latest', style: ButtonStyle.Secondary },
    ]);
  });

  it('splits by characters when the cards are large', () => {
    const big = Array.from({ length: 12 }, (_, i) => makeBriefing({ id: `big-${i}`, title: words(i, 300) }));
    const messages = renderDigest(big);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const text = visibleText(messages);
    // A compact card shows a long title shortened; the full briefing is a click away.
    for (const briefing of big) expect(text).toContain(briefing.title.slice(0, 240));
  });

  it('keeps a megabyte title to one card of the digest', () => {
    const title = words(3, 120_000);
    expect(title.length).toBeGreaterThan(1_000_000);
    const messages = renderDigest([makeBriefing({ id: 'huge', title })]);
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.components).toHaveLength(1);
    expect(titleOf(messages[0])?.endsWith('…')).toBe(true);
  });

  it('sends nothing for no briefings, and says nothing is new when asked', () => {
    expect(renderDigest([])).toEqual([]);
    const quiet = renderNothingNew();
    expect(isV2(quiet)).toBe(true);
    expect(textOf(quiet)).toBe('Nothing new in the briefings since the last digest.');
    expect(textOf(renderNothingNew({ heading: 'Daily digest' }))).toBe(
      'Daily digest\nNothing new in the briefings since the last digest.',
    );
  });

  it('puts a heading too long for one message before the briefings, whole', () => {
    const heading = words(3, 600);
    const messages = renderDigest(briefings(2), { heading });
    expectWithinLimits(messages);
    expect(visibleText(messages)).toContain(heading);
  });
});

describe('a digest’s role alert', () => {
  const ROLE = '123456789012345678';
  const sub = (mentionRoleId: string | null) =>
    ({ party: 'Ukraine', tag: null, mentionRoleId }) as unknown as Subscription;

  it('opens the first message with the role’s mention, the only mention that message allows', () => {
    const messages = digestRenderer.render(briefings(30), sub(ROLE), (part) => `n.${part}`);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const [first, ...rest] = messages;
    expect(first?.components?.[0]).toEqual({ type: ComponentType.TextDisplay, content: `<@&${ROLE}>` });
    expect(first?.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    for (const message of rest) {
      expect(message.allowed_mentions).toBeUndefined();
      expect(textOf(message)).not.toContain('<@&');
    }
  });

  it('is left out without a role, for anything but a role id, and on a quiet day', () => {
    for (const role of [null, '@everyone', 'everyone', '<@&1>', '12']) {
      const [message] = digestRenderer.render(briefings(1), sub(role), (part) => `n.${part}`);
      expect(message?.allowed_mentions).toBeUndefined();
      expect(textOf(message)).not.toContain('<@');
    }
    const quiet = digestRenderer.renderNothingNew(sub(ROLE), (part) => `n.${part}`);
    expect(quiet.allowed_mentions).toBeUndefined();
    expect(textOf(quiet)).not.toContain('<@&');
  });
});
