/**
 * /briefing end to end: the real discord.js client, started by startApp, against the fake Discord. Every request
 * body is checked by the fake against Discord's schema and limits.
 */
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingAbout, briefingFolder } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { buttonsOf, sectionsOf, smallPrintOf, textOf, titleOf } from '../support/message-text.js';
import { databasePath, ids, startBot } from './harness.js';

let fake: FakeDiscord;
let app: RunningApp;
const manager = ids.users.manager;
const reader = ids.users.reader;

/** Thirty briefings naming Russia, so its report needs several pages. */
const manyAboutRussia = Object.fromEntries(
  Array.from({ length: 30 }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    return [
      `2025-11-${day}-russia-${index}.md`,
      briefingAbout(`russia-${index}`, `2025-11-${day}`, 'Russia'),
    ];
  }),
);

/** A briefing `briefings check` accepts that fills dozens of messages: shown one message at a time. */
const longBriefing = [
  '---',
  'id: long-briefing',
  'title: A briefing far longer than one message',
  'date: 2025-10-01',
  'summary: Every section runs to a hundred long bullets.',
  '---',
  ...['What happened', 'Why it matters', 'Implications'].flatMap((heading, s) => [
    '',
    `## ${heading}`,
    '',
    ...Array.from({ length: 100 }, (_, i) => `- Point ${s}.${i}: ${'detail '.repeat(130).trim()}`),
  ]),
  '',
].join('\n');

beforeAll(async () => {
  fake = await startFakeDiscord();
  app = await startBot(fake, {
    briefingsDir: await briefingFolder({ ...manyAboutRussia, '2025-10-01-long-briefing.md': longBriefing }),
    databasePath: await databasePath(),
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

/** What an exchange answered with: the message data of its callback. */
const dataOf = (exchange: { callback: { data?: Record<string, unknown> } }) => exchange.callback.data ?? {};
const V2 = MessageFlags.IsComponentsV2;

describe('/briefing through discord.js', () => {
  it('registers the commands in the development server, with /digest and /editor for managers only', () => {
    const commands = fake.commands(ids.guild);
    expect(commands.map((command) => command.name).sort()).toEqual(['briefing', 'digest', 'editor']);
    expect(commands.find((command) => command.name === 'digest')?.default_member_permissions).toBe('32');
    expect(commands.find((command) => command.name === 'editor')?.default_member_permissions).toBe('32');
    expect(fake.commands()).toEqual([]);
  });

  it('latest, show and date answer with the briefing as a card, visible to all', async () => {
    const latest = await fake.command('briefing latest', {}, { user: reader });
    expect(latest.callback.type).toBe(4);
    // Components V2, and not ephemeral.
    expect(latest.callback.data?.flags).toBe(V2);
    expect(latest.callback.data).not.toHaveProperty('content');
    expect(latest.callback.data).not.toHaveProperty('embeds');
    expect(titleOf(dataOf(latest))).toBe(
      'Berlin talks go into a second day with territory and guarantees unresolved',
    );
    expect(latest.callback.data?.allowed_mentions).toEqual({ parse: [] });

    const show = await fake.command('briefing show', {
      id: 'us-presses-ukraine-on-donetsk',
      section: 'whyItMatters',
    });
    const sections = sectionsOf(dataOf(show));
    expect(sections.map((section) => section.name)).toEqual(['Why it matters']);
    expect(sections[0]?.text.split('\n')).toHaveLength(4);

    const day = await fake.command('briefing date', { date: '2025-12-14' });
    expect(titleOf(dataOf(day))).toMatch(/Donetsk/);
  });

  it('a briefing longer than a message is one public message with pages, never a flood of follow-ups', async () => {
    const show = await fake.command('briefing show', { id: 'long-briefing' }, { user: reader });
    expect(show.callback.type).toBe(4);
    expect(show.callback.data?.flags).toBe(V2);
    expect(titleOf(dataOf(show))).toBe('A briefing far longer than one message');
    const pages = Number(/^Page 1\/(\d+)$/.exec(smallPrintOf(dataOf(show)).at(-1) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(20);
    const next = buttonsOf(dataOf(show)).find((button) => button.label === 'Next');
    const message = show.original;
    if (!message || !next?.customId) throw new Error('the long briefing came without pages');

    const turned = await fake.button(next.customId, { message, user: reader });
    expect(turned.callback.data?.flags).toBe(V2);
    expect(turned.callback.type).toBe(7);
    expect(JSON.stringify(turned.callback.data)).toContain(`Page 2/${pages}`);
    expect(JSON.stringify(turned.callback.data)).toContain('Point 0.');
    // The page was turned in place, after the answer was complete: nothing was posted after it.
    expect(show.followUps).toEqual([]);
    expect(turned.followUps).toEqual([]);
  });

  it('today, with no briefing today, says so privately and offers the latest', async () => {
    const today = await fake.command('briefing today');
    expect(today.callback.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(today.callback.data?.content).toMatch(/No briefing today.*berlin-talks-second-day/);
  });

  it('a bad option gets an ephemeral hint of what to type', async () => {
    const badDate = await fake.command('briefing date', { date: '14.12.2025' });
    expect(badDate.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringContaining('YYYY-MM-DD'),
    });
    const unknown = await fake.command('briefing show', { id: 'berlin' });
    expect(unknown.callback.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(unknown.callback.data?.content).toContain('berlin-talks-second-day');
  });

  it('search, list and parties answer within the limits', async () => {
    const search = await fake.command('briefing search', { query: 'security guarantees' });
    expect(titleOf(dataOf(search))).toBe('Search: security guarantees');
    const list = await fake.command('briefing list', { page: 2 });
    expect(titleOf(dataOf(list))).toBe('Briefings');
    const parties = await fake.command('briefing parties');
    expect(titleOf(dataOf(parties))).toBe('Most mentioned parties');
    expect(textOf(dataOf(parties))).toContain('Russia');
  });

  it('party answers with cited statements, paged with buttons only the asker can use', async () => {
    const report = await fake.command('briefing party', { name: 'russian' }, { user: reader });
    // The first party question is acknowledged before the statement model loads: its answer edits the deferral.
    const answer = await report.answer(30_000);
    expect(titleOf(answer)).toBe('Russia · country');
    // Where it stands and who it appears with open the first page, then the members named, then the briefings.
    const sections = sectionsOf(answer);
    expect(sections[0]?.name).toMatch(/^(Says|Wants|Refuses|Agreed) \(\d+\)$/);
    expect(sections.map((section) => section.name)).toContain('Appears most with (in the same statement)');
    const members = sections.find((section) => section.name === 'Members named');
    expect(members?.text).toContain('Dmitry Peskov');
    const newest = sections.find((section) => / · .*\([\w-]+\)$/.test(section.name));
    expect(newest?.name).toMatch(/\(berlin-talks-second-day\)$/);
    const next = buttonsOf(answer).find((button) => button.label === 'Next');
    expect(next?.disabled).toBeFalsy();

    const message = report.original;
    if (!message || !next?.customId) throw new Error('no paged message');
    const turned = await fake.button(next.customId, { message, user: reader });
    expect(turned.callback.type).toBe(7);
    expect(JSON.stringify(turned.callback.data)).toMatch(/Page 2\//);

    // The message now shows page 2; someone else clicks its Previous button.
    const updated = fake.message(message.id);
    const previous = buttonsOf(updated).find((button) => button.label === 'Previous');
    if (!updated || !previous?.customId) throw new Error('the page 2 message lost its buttons');
    expect(previous.customId).toContain(':1:');
    const stranger = await fake.button(previous.customId, { message: updated, user: manager });
    expect(stranger.callback.type).toBe(4);
    expect(stranger.callback.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(stranger.callback.data?.content).toMatch(/belong to whoever asked/);

    // A message still showing a page the report no longer has (the briefings changed since).
    const goneId = next.customId.replace(':2:', ':40:');
    const stale = {
      ...message,
      id: '1190000000000009999',
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Next', custom_id: goneId }] }],
    };
    const gone = await fake.button(goneId, { message: stale as typeof message, user: reader });
    expect(gone.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/no longer exists/),
    });
  });

  it('autocompletes briefing ids and party names from memory', async () => {
    const ids = await fake.autocomplete('briefing show', { id: 'berl' });
    expect(ids.callback.type).toBe(8);
    expect(ids.choices.map((choice) => choice.value)).toEqual(['berlin-talks-second-day']);
    const parties = await fake.autocomplete('briefing party', { name: 'zel' });
    expect(parties.choices.map((choice) => choice.value)).toContain('Volodymyr Zelenskyy');
  });

  it('refuses /digest to a member without Manage Server, even past the registration gate', async () => {
    const refused = await fake.command('digest list', {}, { user: reader });
    expect(refused.callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/Manage Server/),
    });
  });

  it('sent nothing that breaks Discord’s schema or limits, and never allowed a ping', () => {
    expect(fake.describeViolations()).toBe('');
    for (const request of fake.requests.filter((r) => r.method === 'POST' && /callback$/.test(r.path))) {
      const { type, data } = request.body as {
        type: number;
        data?: { allowed_mentions?: unknown; choices?: unknown };
      };
      // A deferral (5, 6) carries no message: its edit is checked by the fake like any message.
      if (data && !data.choices && type !== 5 && type !== 6)
        expect(data.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
