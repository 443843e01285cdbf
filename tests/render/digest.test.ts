import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/message/limits.js';
import { renderDigest, renderNothingNew } from '../../src/render/digest.js';
import { makeBriefing } from '../support/briefings.js';
import { berlinTalks, expectWithinLimits, visibleText, words } from './helpers.js';

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
  it('shows each briefing compactly with a command to read it in full', () => {
    const [message, ...rest] = renderDigest([berlinTalks], { heading: 'Your morning briefing' });
    expect(rest).toEqual([]);
    expect(message?.content).toBe('Your morning briefing');
    const embed = message?.embeds?.[0];
    expect(embed?.title).toBe('Envoys press Kyiv on Donetsk during Berlin talks');
    expect(embed?.url).toBe('https://www.reuters.com/world/europe/berlin-talks');
    expect(embed?.description).toBe(
      'American negotiators met Ukrainian and European leaders in Berlin; territory remained the hard question.\n\nRead it in full: `/briefing show id:berlin-talks`',
    );
    expect(embed?.footer?.text).toBe('15 Dec 2025 · Reuters');
  });

  it('trims a long summary at a word boundary, marked with an ellipsis', () => {
    const description = renderDigest(briefings(1))[0]?.embeds?.[0]?.description ?? '';
    const summary = description.split('\n\n')[0] ?? '';
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary).toMatch(/w100x\d+…$/);
  });

  it('packs a digest of 40 briefings into as few messages as the limits allow, in order', () => {
    const all = briefings(40);
    const messages = renderDigest(all, { heading: 'Daily digest' });
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(messages[0]?.content).toBe('Daily digest');
    expect(messages.slice(1).every((message) => message.content === undefined)).toBe(true);
    for (const message of messages)
      expect(message.embeds?.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    const titles = messages.flatMap((message) => message.embeds ?? []).map((embed) => embed.title);
    expect(titles).toEqual(all.map((briefing) => briefing.title));
    const text = visibleText(messages);
    for (const briefing of all) expect(text).toContain(`/briefing show id:${briefing.id}`);
  });

  it('puts under each message a Read button for each briefing it shows, marked with that part’s nonce', () => {
    const all = briefings(23);
    const messages = renderDigest(all, { heading: 'Daily digest', marker: (part) => `stem.${part}` });
    expectWithinLimits(messages);
    let next = 0;
    messages.forEach((message, part) => {
      const buttons = (message.components ?? []).flatMap((row) => row.components);
      const ids = buttons.map((button) => ('custom_id' in button ? button.custom_id : ''));
      const shown = message.embeds?.length ?? 0;
      expect(ids).toEqual(Array.from({ length: shown }, (_, index) => `digest:stem.${part}:${next + index}`));
      expect(buttons.map((button) => ('label' in button ? button.label : ''))).toEqual(
        all.slice(next, next + shown).map((briefing) => `Read: ${briefing.title}`),
      );
      next += shown;
    });
    expect(next).toBe(23);
    // Without a marker (a preview) there is nothing to press.
    expect(renderDigest(all).every((message) => message.components === undefined)).toBe(true);
  });

  it('marks a quiet day’s note with a Latest briefing button', () => {
    const note = renderNothingNew({ marker: (part) => `quiet.${part}` });
    expectWithinLimits([note]);
    expect(note.components?.[0]?.components).toEqual([
      expect.objectContaining({ custom_id: 'digest:quiet.0:latest', label: 'Latest briefing' }),
    ]);
  });

  it('splits by characters before embeds when the embeds are large', () => {
    const big = Array.from({ length: 12 }, (_, i) => makeBriefing({ id: `big-${i}`, title: words(i, 300) }));
    const messages = renderDigest(big);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const text = visibleText(messages);
    // A title longer than Discord shows is repeated under it up to a field's worth (1,024 characters).
    for (const briefing of big) expect(text).toContain(briefing.title.slice(0, 1000));
  });

  it('keeps a megabyte title to one embed of the digest', () => {
    const title = words(3, 120_000);
    expect(title.length).toBeGreaterThan(1_000_000);
    const messages = renderDigest([makeBriefing({ id: 'huge', title })]);
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds).toHaveLength(1);
    expect(messages[0]?.embeds?.[0]?.title?.endsWith('…')).toBe(true);
  });

  it('sends nothing for no briefings, and says nothing is new when asked', () => {
    expect(renderDigest([])).toEqual([]);
    expect(renderNothingNew()).toEqual({ content: 'Nothing new in the briefings since the last digest.' });
    expect(renderNothingNew({ heading: 'Daily digest' }).content).toBe(
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
