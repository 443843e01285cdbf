import { describe, expect, it } from 'vitest';
import {
  checkAllowedMentions,
  checkAutocompleteLimits,
  checkMessageLimits,
  checkNotEmpty,
} from '../../tools/fake-discord/limits.js';

const button = (customId: string, label = 'Next') => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('checkMessageLimits', () => {
  it('passes a message at every limit exactly', () => {
    expect(
      checkMessageLimits({
        content: 'c'.repeat(2000),
        embeds: [
          {
            title: 't'.repeat(256),
            description: 'd'.repeat(4096),
            fields: [{ name: 'n'.repeat(256), value: 'v'.repeat(1024) }],
          },
        ],
        components: [row(...['a', 'b', 'c', 'd', 'e'].map((id) => button(id.repeat(100), 'L'.repeat(80))))],
      }),
    ).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkMessageLimits({ content: '🗞️'.repeat(1000) })).toEqual([]);
    expect(checkMessageLimits({ content: '🗞'.repeat(2001) })).toEqual([
      'content is 2001 characters (limit 2000)',
    ]);
  });

  it('names each broken embed limit, and the 6000-character total across embeds', () => {
    const problems = checkMessageLimits({
      embeds: [
        { title: 'x', fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) },
        {
          description: 'd'.repeat(4000),
          footer: { text: 'f'.repeat(2049) },
          author: { name: 'a'.repeat(257) },
        },
        { fields: [{ name: '', value: '' }] },
      ],
    });
    expect(problems).toEqual([
      'embed 1 has 26 fields (limit 25)',
      'embed 2 footer text is 2049 characters (limit 2048)',
      'embed 2 author name is 257 characters (limit 256)',
      'embed 3 field 1 name is empty',
      'embed 3 field 1 value is empty',
      'embeds hold 6359 characters together (limit 6000)',
    ]);
  });

  it('counts embeds', () => {
    expect(checkMessageLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })).toEqual([
      '11 embeds (limit 10)',
    ]);
  });

  it('checks rows, buttons per row, custom ids, labels and duplicates', () => {
    const rows = Array.from({ length: 6 }, (_, r) => row(button(`r${r}`)));
    rows[0] = row(...Array.from({ length: 6 }, (_, b) => button(`b${b}`)));
    rows[1] = row(button('x'.repeat(101), 'L'.repeat(81)));
    rows[2] = row(button('b0'));
    expect(checkMessageLimits({ components: rows })).toEqual([
      '6 action rows (limit 5)',
      'row 1 has 6 buttons (limit 5)',
      `row 2 custom_id "${'x'.repeat(20)}" is 101 characters (limit 100)`,
      'row 2 button label is 81 characters (limit 80)',
      'custom_id "b0" is used twice in one message',
    ]);
  });

  it('ignores what is not a message body', () => {
    expect(checkMessageLimits(undefined)).toEqual([]);
    expect(checkMessageLimits('text')).toEqual([]);
  });
});

describe('checkAllowedMentions', () => {
  it('wants parse: [] and nobody listed', () => {
    expect(checkAllowedMentions({ content: 'x', allowed_mentions: { parse: [] } })).toEqual([]);
    expect(
      checkAllowedMentions({ content: 'x', allowed_mentions: { parse: [], replied_user: false } }),
    ).toEqual([]);
    expect(checkAllowedMentions({ content: 'x' })).toEqual([
      'allowed_mentions is missing (expected {"parse": []})',
    ]);
    expect(
      checkAllowedMentions({ allowed_mentions: { parse: ['everyone'], users: ['1190000000000000302'] } }),
    ).toEqual([
      'allowed_mentions.parse is ["everyone"] (expected [])',
      'allowed_mentions.users lets the message ping someone',
    ]);
  });
});

describe('checkNotEmpty and checkAutocompleteLimits', () => {
  it('wants something to show', () => {
    expect(checkNotEmpty({ content: 'x' })).toEqual([]);
    expect(checkNotEmpty({ embeds: [{ title: 't' }] })).toEqual([]);
    expect(checkNotEmpty({ content: '', embeds: [] })).toHaveLength(1);
  });

  it('caps autocomplete at 25 choices of 100 characters', () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    choices[0] = { name: 'n'.repeat(101), value: 'v'.repeat(101) };
    expect(checkAutocompleteLimits({ choices })).toEqual([
      '26 choices (limit 25)',
      'choice 1 name is 101 characters (limit 100)',
      'choice 1 value is 101 characters (limit 100)',
    ]);
    expect(checkAutocompleteLimits({ choices: [{ name: 'Russia', value: 'russia' }] })).toEqual([]);
  });
});
