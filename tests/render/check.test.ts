import { MessageCreateRequestSchema } from 'discord-api-spec/zod';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/render/check.js';
import { renderNoBriefingToday, renderNotice, renderUnknownId } from '../../src/render/notice.js';
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
