import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import type { CommandInput } from '../../src/commands/types.js';
import type { Reply } from '../../src/message/payload.js';
import { checkMessageLimits } from '../../src/render/check.js';
import { decodePageId, encodePageId } from '../../src/render/page-id.js';
import { replyToText } from '../../src/render/text.js';
import { makeBriefing } from '../support/briefings.js';
import {
  buttonsOf,
  leadOf,
  sectionNames,
  sectionText,
  smallPrintOf,
  titleOf,
} from '../support/message-text.js';
import { testDispatcher, USER } from '../support/services.js';

const briefings = [
  makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    title: 'Berlin talks enter a second day',
    summary: 'Russia and Ukraine are far apart.',
  }),
  makeBriefing({ id: 'donetsk-demand', date: '2025-12-14', title: 'Washington presses Kyiv on Donetsk' }),
];

describe('/briefing', () => {
  const { dispatcher, input } = testDispatcher(briefings);

  it('latest shows the newest briefing as a card, narrowed to a section on request', async () => {
    const reply = await dispatcher.run(input('briefing', 'latest'));
    expect(reply.ephemeral).toBeFalsy();
    expect(titleOf(reply)).toBe('Berlin talks enter a second day');
    const narrowed = await dispatcher.run(input('briefing', 'latest', { section: 'implications' }));
    const names = sectionNames(narrowed);
    expect(names).toContain('Implications');
    expect(names).not.toContain('What happened');
  });

  it('today with no briefing says so and offers the latest', async () => {
    const { dispatcher: later, input: ask } = testDispatcher(briefings, new Date('2025-12-20T09:00:00Z'));
    const reply = await later.run(ask('briefing', 'today'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/No briefing today/);
    expect(reply.content).toContain('/briefing show id:berlin-talks');
  });

  it('date answers a day, and a malformed date gets a hint of what to type', async () => {
    const day = await dispatcher.run(input('briefing', 'date', { date: '2025-12-14' }));
    expect(titleOf(day)).toBe('Washington presses Kyiv on Donetsk');
    const bad = await dispatcher.run(input('briefing', 'date', { date: '15/12/2025' }));
    expect(bad).toMatchObject({ ephemeral: true, content: expect.stringContaining('YYYY-MM-DD') });
    const impossible = await dispatcher.run(input('briefing', 'date', { date: '2025-02-30' }));
    expect(impossible.ephemeral).toBe(true);
  });

  it('show with an unknown id answers only the asker, with the closest ids', async () => {
    const reply = await dispatcher.run(input('briefing', 'show', { id: 'berlin' }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('berlin-talks');
  });

  it('party pages carry their state in the buttons, and only the asker may turn them', async () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      makeBriefing({
        id: `day-${index}`,
        date: `2025-10-${String((index % 28) + 1).padStart(2, '0')}`,
        summary: `Russia said something on day ${index}. Nothing else happened.`,
      }),
    );
    const { dispatcher: big, input: ask } = testDispatcher(many);
    const first = await big.run(ask('briefing', 'party', { name: 'russia' }));
    expect(checkMessageLimits(first)).toEqual([]);
    const nextId = buttonsOf(first)[1]?.customId ?? '';
    expect(decodePageId(nextId)).toMatchObject({ view: 'party', owner: USER.id, page: 2, query: 'Russia' });

    const turned = big.page(nextId, USER.id);
    expect(turned.update).toBe(true);
    expect(smallPrintOf(turned.reply).at(-1)).toMatch(/^Page 2\//);

    const stranger = big.page(nextId, '999999999999999999');
    expect(stranger).toMatchObject({ update: false, reply: { ephemeral: true } });
    expect(stranger.reply.content).toMatch(/belong to whoever asked/);

    const gone = big.page(nextId.replace(':2:', ':99:'), USER.id);
    expect(gone).toMatchObject({ update: false, reply: { ephemeral: true } });
    expect(gone.reply.content).toMatch(/no longer exists/);
  });

  it('an unknown party gets suggestions, privately', async () => {
    const reply = await dispatcher.run(input('briefing', 'party', { name: 'Rusia' }));
    expect(reply.ephemeral).toBe(true);
    expect(replyToText(reply)).toContain('Russia');
  });

  it('search, list and parties answer within the limits', async () => {
    for (const [subcommand, options] of [
      ['search', { query: 'Donetsk' }],
      ['list', { page: 1 }],
      ['parties', {}],
    ] as const) {
      const reply = await dispatcher.run(input('briefing', subcommand, options));
      expect(checkMessageLimits(reply), subcommand).toEqual([]);
      expect(reply.ephemeral, subcommand).toBeFalsy();
    }
  });

  it('autocompletes ids and party names', () => {
    const ids = dispatcher.autocomplete({
      ...input('briefing', 'show'),
      focused: { name: 'id', value: 'don' },
    });
    expect(ids.map((choice) => choice.value)).toEqual(['donetsk-demand']);
    const parties = dispatcher.autocomplete({
      ...input('briefing', 'party'),
      focused: { name: 'name', value: 'ukr' },
    });
    expect(parties.map((choice) => choice.value)).toContain('Ukraine');
  });
});

/** Over a hundred bullets of a thousand characters: accepted by `briefings check`, 60 messages posted whole. */
function flood(id: string, date: string, title = `Flood ${id}`): Briefing {
  const bullets = (seed: number) =>
    Array.from({ length: 100 }, (_, i) => `${seed}-${i} ${'word '.repeat(200).trim()}`);
  return makeBriefing({
    id,
    date,
    title,
    summary: 'Russia and Ukraine met again.',
    sections: { whatHappened: bullets(1), whyItMatters: bullets(2), implications: bullets(3) },
  });
}

function buttonIds(reply: Reply): string[] {
  return buttonsOf(reply).map((button) => button.customId ?? '');
}

/** The page number in the small print of a page: `Page 2/9`. */
const pageNoteOf = (reply: Reply) => smallPrintOf(reply).at(-1) ?? '';

describe('/briefing never floods a channel', () => {
  const longId = `a-briefing-whose-id-is-far-too-long-for-a-button-${'x'.repeat(40)}`;
  const library = [
    flood('flood', '2025-12-15'),
    flood('same-day', '2025-12-15'),
    flood(longId, '2025-12-10'),
    makeBriefing({ id: 'megatitle', date: '2025-12-01', title: 'Huge '.repeat(200_000) }),
  ];
  const { dispatcher, input } = testDispatcher(library, new Date('2025-12-15T10:00:00Z'));
  const asks: [string, CommandInput['options']][] = [
    ['show', { id: 'flood' }],
    ['show', { id: 'flood', section: 'whyItMatters' }],
    ['latest', {}],
    ['today', {}],
    ['date', { date: '2025-12-15' }],
    ['show', { id: longId }],
    ['show', { id: 'megatitle' }],
    ['list', {}],
    ['search', { query: 'Huge' }],
    ['parties', {}],
  ];

  it.each(asks)(
    '%s %j answers with one public message, no follow-ups, within the limits',
    async (sub, options) => {
      const reply = await dispatcher.run(input('briefing', sub, options));
      expect(reply.ephemeral).toBeFalsy();
      expect(reply.followUps).toBeUndefined();
      expect(checkMessageLimits(reply)).toEqual([]);
    },
  );

  it('show pages through a long briefing with buttons that carry the briefing and only obey the asker', async () => {
    const first = await dispatcher.run(input('briefing', 'show', { id: 'flood', section: 'whyItMatters' }));
    const [previous, next] = buttonIds(first);
    expect(decodePageId(previous ?? '')).toEqual({
      view: 'briefing',
      owner: USER.id,
      page: 0,
      query: 'flood',
      section: 'whyItMatters',
    });
    const pages = Number(/^Page 1\/(\d+)$/.exec(pageNoteOf(first))?.[1]);
    expect(pages).toBeGreaterThan(1);

    const turned = dispatcher.page(next ?? '', USER.id);
    expect(turned.update).toBe(true);
    expect(pageNoteOf(turned.reply)).toBe(`Page 2/${pages}`);
    expect(new Set(sectionNames(turned.reply))).toEqual(new Set(['Why it matters (cont.)']));

    const stranger = dispatcher.page(next ?? '', '999999999999999999');
    expect(stranger).toMatchObject({ update: false, reply: { ephemeral: true } });
  });

  it('an id too long for a button rides as a hash, and the pages still turn', async () => {
    const first = await dispatcher.run(input('briefing', 'show', { id: longId }));
    const next = buttonIds(first)[1] ?? '';
    expect(next.length).toBeLessThanOrEqual(100);
    expect(decodePageId(next)?.query).toMatch(/^~/);
    const turned = dispatcher.page(next, USER.id);
    expect(turned.update).toBe(true);
    expect(pageNoteOf(turned.reply)).toMatch(/^Page 2\//);
    expect(sectionText(turned.reply)).not.toBe(sectionText(first));
  });

  it('a day of long briefings pages through all of them; today and date are the same pages', async () => {
    const today = await dispatcher.run(input('briefing', 'today'));
    const date = await dispatcher.run(input('briefing', 'date', { date: '2025-12-15' }));
    expect(today).toEqual(date);
    const next = decodePageId(buttonIds(date)[1] ?? '');
    expect(next).toMatchObject({ view: 'day', query: '2025-12-15', page: 2 });
    const pages = Number(/\/(\d+)$/.exec(pageNoteOf(date))?.[1]);
    const last = dispatcher.page(buttonIds(date)[1]?.replace(':2:', `:${pages}:`) ?? '', USER.id);
    expect(last.update).toBe(true);
    expect(pageNoteOf(last.reply)).toMatch(/ · id (flood|same-day)$/);
  });

  it('a page of a briefing that has since gone gets a private notice, and the message stays', async () => {
    const first = await dispatcher.run(input('briefing', 'show', { id: 'flood' }));
    const next = buttonIds(first)[1] ?? '';
    const { dispatcher: changed } = testDispatcher([makeBriefing({ id: 'other' })]);
    const gone = changed.page(next, USER.id);
    expect(gone).toMatchObject({ update: false, reply: { ephemeral: true } });
    expect(gone.reply.content).toMatch(/no longer in the library/);
  });
});

describe('a long question pages through the same question', () => {
  const NAME = 'Joint Committee on Water Sharing and Flood Control of the Lower Danube Riparian State Body';
  const QUERY =
    'water sharing flood control danube riparian committee joint lower states talks resumed in vienna';
  const dated = (index: number) => `2025-${String((index % 12) + 1).padStart(2, '0')}-10`;
  const library = [
    // The whole name, and the whole search text, in 40 briefings...
    ...Array.from({ length: 40 }, (_, index) =>
      makeBriefing({
        id: `whole-${index}`,
        date: dated(index),
        summary: `The ${NAME} met again. Water sharing flood control danube riparian committee joint lower states talks resumed in vienna.`,
      }),
    ),
    // ...and only their beginnings in 40 more: what a question cut to fit a button would find too.
    ...Array.from({ length: 40 }, (_, index) =>
      makeBriefing({
        id: `start-${index}`,
        date: dated(index),
        summary: `The Joint Committee on Water Sharing and Flood Control of the Lower Danube met. Water sharing flood control danube riparian committee joint lower states talks.`,
      }),
    ),
  ];
  const { dispatcher, input } = testDispatcher(library);

  async function firstAndSecond(subcommand: string, options: CommandInput['options']) {
    const first = await dispatcher.run(input('briefing', subcommand, options));
    expect(first.ephemeral).toBeFalsy();
    const next = buttonIds(first)[1] ?? '';
    expect(next.length).toBeLessThanOrEqual(100);
    const second = dispatcher.page(next, USER.id);
    expect(second.update).toBe(true);
    return { first, second: second.reply };
  }

  it('a 90-character name in no registry', async () => {
    expect(NAME).toHaveLength(90);
    const { first, second } = await firstAndSecond('party', { name: NAME });
    expect(leadOf(first)).toMatch(/^40 statements in 40 briefings\n/);
    expect(titleOf(second)).toBe(`"${NAME}"`);
    expect(leadOf(second)).toBe(leadOf(first));
    expect(pageNoteOf(second)).toBe(pageNoteOf(first).replace(/^Page 1\//, 'Page 2/'));
    expect(sectionNames(second).join('\n')).not.toMatch(/start-/);
  });

  it('a long search text', async () => {
    expect(QUERY.length).toBeGreaterThan(90);
    const { first, second } = await firstAndSecond('search', { query: QUERY });
    expect(leadOf(first)).toBe('40 results, best first');
    expect(titleOf(second)).toBe(`Search: ${QUERY}`);
    expect(leadOf(second)).toBe(leadOf(first));
    expect(pageNoteOf(second)).toMatch(/^Page 2\//);
  });

  it('a button whose question the bot no longer remembers says so, privately', () => {
    const forgotten = encodePageId({ view: 'search', owner: USER.id, page: 2, query: '~AAAAAAAAAAAAAAAA' });
    const reply = dispatcher.page(forgotten, USER.id);
    expect(reply.update).toBe(false);
    expect(reply.reply.ephemeral).toBe(true);
    expect(reply.reply.content).toMatch(/no longer remembers that question .*Ask again/);
    const party = dispatcher.page(forgotten.replace(':search:', ':party:'), USER.id);
    expect(party.reply.content).toMatch(/no longer remembers that question .*Ask again/);
  });

  it('a question typed like a key is asked as typed', async () => {
    const typed = await dispatcher.run(input('briefing', 'search', { query: '~AAAAAAAAAAAAAAAA' }));
    expect(typed.content).toMatch(/^No briefing matches "~AAAAAAAAAAAAAAAA"/);
  });
});

describe('/briefing show, by autocomplete, for an id of any length', () => {
  const longId = `treaty-${'of-the-lower-danube-riparian-states-'.repeat(5)}final-text`;
  const fullWidthId = `accord-${'x'.repeat(93)}`;
  const library = [
    makeBriefing({ id: longId, date: '2025-12-15', title: 'The riparian treaty, final text' }),
    makeBriefing({ id: fullWidthId, date: '2025-12-14', title: 'An accord with a full-width id' }),
    makeBriefing({ id: 'short-one', date: '2025-12-13', title: 'A short id' }),
  ];
  const { dispatcher, input } = testDispatcher(library);
  const choose = (typed: string) =>
    dispatcher.autocomplete({ ...input('briefing', 'show'), focused: { name: 'id', value: typed } });

  it('offers a choice whose value fits, and show finds the briefing by it', async () => {
    expect(longId.length).toBeGreaterThan(150);
    const [choice] = choose('treaty');
    expect(choice?.name.length).toBeLessThanOrEqual(100);
    expect(choice?.value.length).toBeLessThanOrEqual(100);
    const reply = await dispatcher.run(input('briefing', 'show', { id: choice?.value }));
    expect(reply.ephemeral).toBeFalsy();
    expect(titleOf(reply)).toBe('The riparian treaty, final text');
    expect(smallPrintOf(reply).at(-1)).toContain(longId.slice(0, 40));
  });

  it('keeps an id of up to 100 characters as the value, and an id typed in full still works', async () => {
    expect(fullWidthId).toHaveLength(100);
    expect(choose('accord').map((choice) => choice.value)).toEqual([fullWidthId]);
    expect(choose('short').map((choice) => choice.value)).toEqual(['short-one']);
    const typed = await dispatcher.run(input('briefing', 'show', { id: fullWidthId }));
    expect(titleOf(typed)).toBe('An accord with a full-width id');
  });

  it('suggests ids, not keys, for an id that does not exist', async () => {
    const reply = await dispatcher.run(input('briefing', 'show', { id: 'treaty-of' }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(longId);
  });
});
