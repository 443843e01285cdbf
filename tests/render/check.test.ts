import { MessageCreateRequestSchema } from 'discord-api-spec/zod';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { MessagePayload } from '../../src/message/payload.js';
import { renderBriefing } from '../../src/render/briefing.js';
import { checkMessageLimits } from '../../src/render/check.js';
import {
  renderNoBriefingToday,
  renderNotice,
  renderUnknownId,
  withIndexingNote,
} from '../../src/render/notice.js';
import { makeBriefing } from '../support/briefings.js';
import { berlinTalks, messagesOf } from './helpers.js';

describe('checkMessageLimits', () => {
  it('accepts a message within limits', () => {
    expect(
      checkMessageLimits({ content: 'hello', embeds: [{ title: 't', fields: [{ name: 'n', value: 'v' }] }] }),
    ).toEqual([]);
  });

  it('names every limit a message breaks', () => {
    const button = (id: string) => ({
      type: ComponentType.Button as const,
      style: ButtonStyle.Secondary as const,
      label: 'L'.repeat(81),
      custom_id: id,
    });
    const problems = checkMessageLimits({
      content: 'c'.repeat(2001),
      embeds: [
        {
          title: 't'.repeat(257),
          description: 'd'.repeat(4097),
          url: 'ftp://example.org',
          fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })),
        },
        { fields: [{ name: '', value: 'x'.repeat(1025) }] },
        { description: 'e'.repeat(1000) },
      ],
      components: [
        { type: ComponentType.ActionRow, components: [button('a'.repeat(101)), button('a'.repeat(101))] },
      ],
    });
    expect(problems).toEqual([
      'content is 2001 characters (limit 2000)',
      'embed 1 title is 257 characters (limit 256)',
      'embed 1 description is 4097 characters (limit 4096)',
      'embed 1 url is not a normalised http(s) link of at most 2,048 characters',
      'embed 1 has 26 fields (limit 25)',
      'embed 2 field 1 value is 1025 characters (limit 1024)',
      'embed 2 field 1 has an empty name',
      'all embeds together is 6431 characters (limit 6000)',
      'button "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL" label is 81 characters (limit 80)',
      `custom_id "${'a'.repeat(101)}" is 101 characters (limit 100)`,
      'button "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL" label is 81 characters (limit 80)',
      `custom_id "${'a'.repeat(101)}" is 101 characters (limit 100)`,
      `custom_id "${'a'.repeat(101)}" is used twice`,
    ]);
  });

  it('flags an empty message', () => {
    expect(checkMessageLimits({})).toEqual(['message has neither content nor embeds']);
  });

  it('agrees with Discord schema on a field over the limit (the schema check in the tests has teeth)', () => {
    const message = { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] };
    expect(MessageCreateRequestSchema.safeParse(message).success).toBe(false);
  });
});

describe('checkMessageLimits on Components V2 messages', () => {
  const text = (content: string) => ({ type: ComponentType.TextDisplay as const, content });
  const button = (label: string, customId: string) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: customId,
  });
  const v2 = (components: unknown[]): MessagePayload => ({
    flags: 1 << 15,
    components: components as MessagePayload['components'],
  });

  it('accepts a card: a container of text, a divider and a section with a link button', () => {
    const card = v2([
      {
        type: ComponentType.Container,
        accent_color: 0x2f6fb3,
        components: [
          text('## Title'),
          { type: ComponentType.Separator },
          {
            type: ComponentType.Section,
            components: [text('-# small print')],
            accessory: {
              type: ComponentType.Button,
              style: ButtonStyle.Link,
              label: 'Source',
              url: 'https://a.example/',
            },
          },
        ],
      },
      { type: ComponentType.ActionRow, components: [button('Next', 'page:1')] },
    ]);
    expect(checkMessageLimits(card)).toEqual([]);
    expect(MessageCreateRequestSchema.safeParse(card).success).toBe(true);
  });

  it('counts nested components towards 40, and the text of every text display towards 4,000', () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({
      type: ComponentType.ActionRow,
      components: [button('a', `a${i}`), button('b', `b${i}`)],
    }));
    expect(checkMessageLimits(v2(rows))).toEqual(['42 components (limit 40)']);
    const texts = [
      text('x'.repeat(2000)),
      { type: ComponentType.Container, components: [text('y'.repeat(2001))] },
    ];
    expect(checkMessageLimits(v2(texts))).toEqual([
      'the text of all text displays is 4001 characters (limit 4000)',
    ]);
  });

  it('holds custom_ids unique across the whole message, and link buttons to a url without an id', () => {
    const problems = checkMessageLimits(
      v2([
        { type: ComponentType.ActionRow, components: [button('Read', 'same')] },
        {
          type: ComponentType.Container,
          components: [
            { type: ComponentType.Section, components: [text('t')], accessory: button('Read', 'same') },
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.Button, style: ButtonStyle.Link, label: 'L', custom_id: 'x' },
              ],
            },
          ],
        },
      ]),
    );
    expect(problems).toEqual([
      'custom_id "same" is used twice',
      'link button "L" has a custom_id',
      'link button "L" url is not a normalised http(s) link of at most 512 characters',
    ]);
  });

  it('knows what may hold what, and that a message with the flag holds no classic content', () => {
    const problems = checkMessageLimits(
      v2([
        {
          type: ComponentType.Container,
          components: [{ type: ComponentType.Container, components: [text('t')] }],
        },
        {
          type: ComponentType.Section,
          components: [text('1'), text('2'), text('3'), text('4')],
          accessory: button('b', 'b'),
        },
        text(' '),
      ]),
    );
    expect(problems).toEqual([
      'component type 17 cannot be in type 17',
      'a section has 4 text displays (1 to 3)',
      'a text display is empty',
    ]);
    expect(
      checkMessageLimits({ content: 'hi', components: [text('t')] as MessagePayload['components'] }),
    ).toEqual(['component type 10 cannot be at the top']);
  });

  it('checks a V2 payload as it goes out: a note in front (content) becomes a text display', () => {
    const almostFull = v2([text('x'.repeat(3990))]);
    expect(checkMessageLimits({ ...almostFull, content: 'short note' })).toEqual([]);
    expect(checkMessageLimits({ ...almostFull, content: 'a longer note' })).toEqual([
      'the text of all text displays is 4003 characters (limit 4000)',
    ]);
  });
});

describe('the indexing note', () => {
  const progress = { done: 1_234, total: 5_000 };
  const NOTE = '⏳ The archive is still being indexed (1,234 of 5,000 files): this answer may be incomplete.';

  it('opens a card as a text display of its own, and a notice as its first line', () => {
    const card = renderBriefing(berlinTalks);
    const noted = withIndexingNote(card, progress);
    expect(noted.components?.[0]).toEqual({ type: ComponentType.TextDisplay, content: NOTE });
    expect(noted.components?.slice(1)).toEqual(card.components);
    expect(checkMessageLimits(noted)).toEqual([]);
    expect(withIndexingNote(renderNotice('No briefing today.'), progress).content).toBe(
      `${NOTE}\nNo briefing today.`,
    );
  });

  it('is left out of a page that has no room for it, rather than cutting the answer', () => {
    const full: MessagePayload = {
      flags: 1 << 15,
      components: [{ type: ComponentType.TextDisplay, content: 'x'.repeat(3950) }],
    };
    expect(withIndexingNote(full, progress)).toEqual(full);
  });
});

describe('notices', () => {
  it('are for the asker only and never cut', () => {
    const long = 'word '.repeat(900);
    const reply = renderNotice(long);
    expect(reply.ephemeral).toBe(true);
    expect(
      messagesOf(reply)
        .map((m) => m.content)
        .join(' ')
        .split(/\s+/)
        .filter(Boolean),
    ).toHaveLength(900);
    for (const message of messagesOf(reply)) expect(checkMessageLimits(message)).toEqual([]);
    expect(renderNotice('Posted.', { ephemeral: false }).ephemeral).toBeUndefined();
  });

  it('point to the latest briefing and suggest ids', () => {
    expect(renderNoBriefingToday(berlinTalks).content).toBe(
      'No briefing today. The latest is **Envoys press Kyiv on Donetsk during Berlin talks** (15 Dec 2025): `/briefing show id:berlin-talks`',
    );
    expect(renderUnknownId('berlin', ['berlin-talks', 'berlin-day-2']).content).toBe(
      'No briefing with id `berlin`. Did you mean: `berlin-talks`, `berlin-day-2`?',
    );
  });

  it('name the latest briefing by its title shortened to one line: one message, the command whole', () => {
    const reply = renderNoBriefingToday(
      makeBriefing({ id: 'berlin-talks', date: '2025-12-15', title: 'Very long title '.repeat(70_000) }),
    );
    expect(reply.followUps).toBeUndefined();
    expect(reply.content?.length).toBeLessThan(400);
    expect(reply.content).toMatch(
      /^No briefing today\. The latest is \*\*Very long title .*…\*\* \(15 Dec 2025\): `\/briefing show id:berlin-talks`$/,
    );
  });
});
