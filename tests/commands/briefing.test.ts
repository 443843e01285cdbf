import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/render/check.js';
import { decodePageId } from '../../src/render/page-id.js';
import { replyToText } from '../../src/render/text.js';
import { makeBriefing } from '../support/briefings.js';
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

  it('latest shows the newest briefing as an embed, narrowed to a section on request', async () => {
    const reply = await dispatcher.run(input('briefing', 'latest'));
    expect(reply.ephemeral).toBeFalsy();
    expect(reply.embeds?.[0]?.title).toBe('Berlin talks enter a second day');
    const narrowed = await dispatcher.run(input('briefing', 'latest', { section: 'implications' }));
    const names = narrowed.embeds?.flatMap((embed) => embed.fields?.map((field) => field.name) ?? []);
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
    expect(day.embeds?.[0]?.title).toBe('Washington presses Kyiv on Donetsk');
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
    const next = first.components?.[0]?.components[1];
    const nextId = next && 'custom_id' in next ? next.custom_id : '';
    expect(decodePageId(nextId)).toMatchObject({ view: 'party', owner: USER.id, page: 2, query: 'Russia' });

    const turned = big.page(nextId, USER.id);
    expect(turned.update).toBe(true);
    expect(turned.reply.embeds?.[0]?.footer?.text).toMatch(/^Page 2\//);

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
