/**
 * Party insight end to end: where a party stands, its coverage chart uploaded as a file (multipart, held to
 * Discord's attachment rules by the fake), the parties it appears with as buttons, and two parties compared. The
 * real discord.js client, started by startApp, against the fake Discord.
 */
import { MessageFlags } from 'discord-api-types/v10';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout, briefingFolder } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { buttonsOf, sectionNames, textOf, titleOf } from '../support/message-text.js';
import { databasePath, ids, startBot } from './harness.js';

let fake: FakeDiscord;
let app: RunningApp;
const reader = ids.users.reader;

/** Twelve weeks of briefings naming Ukraine, so its coverage is counted by week. */
const weeksOfUkraine = Object.fromEntries(
  Array.from({ length: 12 }, (_, week) => {
    const date = new Date(Date.UTC(2025, 8, 1 + week * 7)).toISOString().slice(0, 10);
    return [`${date}-ukraine-${week}.md`, briefingAbout(`ukraine-${week}`, date, 'Ukraine')];
  }),
);

beforeAll(async () => {
  fake = await startFakeDiscord();
  app = await startBot(fake, {
    briefingsDir: await briefingFolder(weeksOfUkraine),
    databasePath: await databasePath(),
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const dataOf = (exchange: { callback: { data?: Record<string, unknown> } }) => exchange.callback.data ?? {};

describe('/briefing party insight through discord.js', () => {
  it('view:stance shows what the party says, wants, refuses and agreed to, cited, with its other views', async () => {
    const stance = await fake.command(
      'briefing party',
      { name: 'Ukraine', view: 'stance' },
      { user: reader },
    );
    // The first stance read loads the statement model: the question is acknowledged first, answered by an edit.
    const data = await stance.answer(30_000);
    expect(titleOf(data)).toBe('Ukraine · where it stands');
    const kinds = sectionNames(data).filter((name) => /^(Says|Wants|Refuses|Agreed) \(\d+\)$/.test(name));
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    // Each item is cited to its briefing and section.
    expect(textOf(data)).toMatch(/15 Dec 2025, \*?What happened\*? \(berlin-talks-second-day\)/);
    const labels = buttonsOf(data).map((button) => button.label);
    expect(labels).toEqual(expect.arrayContaining(['All statements', 'Coverage', 'United States']));
    expect(labels).not.toContain('Where it stands');
    expect(fake.violations).toEqual([]);
  });

  it('view:coverage uploads the chart as a PNG the message shows, with the figures as text', async () => {
    const coverage = await fake.command(
      'briefing party',
      { name: 'Ukraine', view: 'coverage' },
      { user: reader },
    );
    const data = dataOf(coverage);
    expect((Number(data.flags) & MessageFlags.IsComponentsV2) !== 0).toBe(true);
    const [file, ...others] = coverage.files();
    expect(others).toEqual([]);
    expect(file).toMatchObject({ filename: 'coverage-ukraine.png', contentType: 'image/png', width: 1000 });
    expect(file!.size).toBeLessThan(1_000_000);
    const png = PNG.sync.read(file!.bytes);
    expect([png.width, png.height]).toEqual([1000, 500]);
    // The alt text and the table say the same figures: 12 weekly briefings plus the two sample briefings.
    expect(file!.description).toMatch(/^Ukraine: 14 briefings in \d+ weeks/);
    expect(textOf(data)).toMatch(/```text\nWeek/);
    expect(JSON.stringify(data)).toContain('attachment://coverage-ukraine.png');
    expect(fake.violations).toEqual([]);
  });

  it('buttons switch views in place, the coverage chart included, and open the parties it appears with', async () => {
    const report = await fake.command('briefing party', { name: 'Ukraine' }, { user: reader });
    const message = report.original;
    if (!message) throw new Error('no message');
    const coverageId = buttonsOf(dataOf(report)).find((button) => button.label === 'Coverage')?.customId;
    const turned = await fake.button(coverageId!, { message, user: reader });
    expect(turned.callback.type).toBe(7);
    expect(fake.files(message.id).map((file) => file.filename)).toEqual(['coverage-ukraine.png']);

    const usId = buttonsOf(turned.callback.data ?? {}).find(
      (button) => button.label === 'United States',
    )?.customId;
    const us = await fake.button(usId!, { message: fake.message(message.id)!, user: reader });
    expect(titleOf(us.callback.data ?? {})).toBe('United States · where it stands');
    // The chart went with the view that showed it.
    expect(fake.files(message.id)).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('versus: shows the briefings naming both, each side’s stance on them', async () => {
    const both = await fake.command(
      'briefing party',
      { name: 'Ukraine', versus: 'United States' },
      { user: reader },
    );
    const data = dataOf(both);
    expect(titleOf(data)).toBe('Ukraine and United States');
    expect(sectionNames(data)[0]).toMatch(/\(berlin-talks-second-day\)$/);
    expect(textOf(data)).toMatch(/\*\*Ukraine\*\* (says|wants|refuses|agreed):/);
    expect(textOf(data)).toMatch(/\*\*United States\*\* (says|wants|refuses|agreed):/);
    expect(fake.violations).toEqual([]);
  });

  it('a view only a known party has, asked of an unknown name, says what to type instead', async () => {
    const unknown = await fake.command(
      'briefing party',
      { name: 'Atlantis', view: 'coverage' },
      { user: reader },
    );
    expect((Number(dataOf(unknown).flags) & MessageFlags.Ephemeral) !== 0).toBe(true);
    expect(textOf(dataOf(unknown))).toMatch(/not a known party.*Pick a name from the list/);
    expect(unknown.files()).toEqual([]);
  });
});
