/** The quick road through front matter gives what js-yaml gives, or steps aside. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTextYaml } from '../../src/briefing/front-matter.js';
import { readSimpleYaml } from '../../src/briefing/simple-yaml.js';

const key = fc.constantFrom('title', 'date', 'summary', 'tags', 'source', 'id', 'title', 'x_y', 'a-b');
const value = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.stringMatching(/^[A-Za-z0-9 .,:#'"[\]{}&*!|>%@`~?-]{0,24}$/),
  fc.constantFrom(
    '',
    '~',
    'null',
    'NULL',
    'yes',
    '2025-12-15',
    '007',
    '[a, b]',
    '[]',
    '[a, [b]]',
    'a: b',
    'x #c',
  ),
);
const line = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, value).map(([k, v]) => `${k}:${v}`),
  fc.string({ maxLength: 20 }),
);

describe('front matter on the quick road', () => {
  it('agrees with js-yaml whenever it answers', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const simple = readSimpleYaml(lines);
        if (simple === undefined) return;
        expect(simple).toEqual(loadTextYaml(lines.join('\n')) ?? {});
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the usual fields itself and leaves the rest to js-yaml', () => {
    expect(
      readSimpleYaml(['title: Talks resume', 'date: 2025-12-15', 'tags: [ukraine, talks]', 'author:']),
    ).toEqual({
      title: 'Talks resume',
      date: '2025-12-15',
      tags: ['ukraine', 'talks'],
      author: null,
    });
    for (const lines of [
      ['title: "quoted"'],
      ['title: a', 'title: b'],
      ['summary: >-', '  folded'],
      ['source:', '  name: X'],
    ])
      expect(readSimpleYaml(lines)).toBeUndefined();
  });
});
