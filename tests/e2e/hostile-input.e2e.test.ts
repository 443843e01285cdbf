/**
 * Names no reader would type and names too long to carry, end to end through discord.js and the fake Discord:
 * a 9,000-character party name, a party whose name is over 100 characters (chosen from autocomplete, paged with
 * buttons), a parties.yml alias that is no name, and a burst of questions about names in no registry.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout, briefingFolder, SAMPLE_BRIEFINGS } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { buttonsOf, titleOf as cardTitle } from '../support/message-text.js';
import { databasePath, ids, startBot } from './harness.js';

const LONG_NAME = `The ${'Very '.repeat(20)}Long Commission`;

let fake: FakeDiscord;
let app: RunningApp;
const reader = ids.users.reader;

/** Thirty briefings naming the commission by its alias, so its report needs several pages. */
const aboutTheCommission = Object.fromEntries(
  Array.from({ length: 30 }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    return [
      `2025-11-${day}-commission-${index}.md`,
      briefingAbout(`commission-${index}`, `2025-11-${day}`, 'Long Commission'),
    ];
  }),
);

beforeAll(async () => {
  const shipped = await readFile(join(SAMPLE_BRIEFINGS, 'parties.yml'), 'utf8');
  const parties = `${shipped}
- name: ${LONG_NAME}
  kind: organisation
  aliases: [Long Commission, "(a+)+$"]
`;
  fake = await startFakeDiscord();
  app = await startBot(fake, {
    briefingsDir: await briefingFolder({ ...aboutTheCommission, 'parties.yml': parties }),
    databasePath: await databasePath(),
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

function titleOf(exchange: { callback: { data?: Record<string, unknown> } }): string | undefined {
  return cardTitle(exchange.callback.data);
}

describe('hostile and long names through discord.js', () => {
  it('a 9,000-character party name gets a short ephemeral hint, and the bot answers on', async () => {
    const refused = await fake.command('briefing party', { name: 'x'.repeat(9_000) });
    expect(refused.callback.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    const content = String(refused.callback.data?.content);
    expect(content).toMatch(/at most 100 characters; this one has 9,000\. .*\/briefing party name:Russia/);
    expect(content.length).toBeLessThan(400);
    const next = await fake.command('briefing party', { name: 'Russia' });
    // The first stance read loads the statement model: the question is acknowledged first, answered by an edit.
    expect(cardTitle(await next.answer(30_000))).toBe('Russia · country');
  });

  it('a party named in over 100 characters is chosen from autocomplete, found, and paged', async () => {
    const typed = await fake.autocomplete('briefing party', { name: 'The Very Very' });
    const choice = typed.choices.find((candidate) => candidate.name.startsWith('The Very Very'));
    if (!choice) throw new Error('autocomplete did not offer the commission');
    expect(String(choice.value).length).toBeLessThanOrEqual(80);
    const report = await fake.command('briefing party', { name: String(choice.value) }, { user: reader });
    expect(titleOf(report)).toMatch(/^The Very Very .*· organisation$/);
    const next = buttonsOf(report.callback.data).find((button) => button.label === 'Next');
    const message = report.original;
    if (!next?.customId || !message) throw new Error('the report has no Next button');
    const turned = await fake.button(next.customId, { message, user: reader });
    expect(turned.callback.type).toBe(7);
    expect(titleOf(turned)).toBe(titleOf(report));
    expect(JSON.stringify(turned.callback.data)).toMatch(/Page 2\//);
  });

  it('an alias that is no name claims nothing: a statement with the word "a" is not about the party', async () => {
    const report = await fake.command('briefing party', { name: 'Long Commission' });
    const text = JSON.stringify(report.callback.data);
    expect(text).not.toContain('berlin-talks-second-day');
  });

  it('answers a burst of questions about names in no registry, each one', async () => {
    const names = Array.from({ length: 25 }, (_, index) => `Nobody Named ${index} Donetsk`);
    const exchanges = await Promise.all([
      ...names.map((name) => fake.command('briefing party', { name })),
      fake.command('briefing party', { name: 'Donetsk' }),
      fake.autocomplete('briefing party', { name: 'zel' }),
    ]);
    for (const exchange of exchanges.slice(0, 25))
      expect(exchange.callback.data?.content ?? titleOf(exchange)).toMatch(/No briefing mentions/);
    expect(titleOf(exchanges[25]!)).toBe('"Donetsk"');
    expect(exchanges[26]?.choices.length).toBeGreaterThan(0);
  });

  it('sent nothing that breaks Discord’s schema or limits', () => {
    expect(fake.describeViolations()).toBe('');
  });
});
