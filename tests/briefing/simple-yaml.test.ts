import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readSimpleFrontMatter } from '../../src/briefing/simple-yaml.js';

const chars = fc.constantFrom(
  ...'abcXYZ 019.-_:#\'"[]{},&*!|>%@`~?\\/+é’•\t'.split(''),
  ': ',
  ' #',
  'null',
  'true',
  '2025-12-15',
);
const tricky = fc.array(chars, { maxLength: 12 }).map((parts) => parts.join(''));
// Mostly ordinary text with the odd special character, so the fast path answers often enough to be tested.
const ordinary = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z ,.'’-]{0,20}$/),
    fc.constantFrom('', ':', '#', ' #x', '"', "'", '-', '!'),
  )
  .map(([text, tail]) => text + tail);
const value = fc.oneof({ arbitrary: ordinary, weight: 3 }, { arbitrary: tricky, weight: 2 });
const key = fc.constantFrom('title', 'date', 'tags', 'source', 'name', 'url', 'x-y', 'a_b', '1a');

const line = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, fc.array(value, { maxLength: 3 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
  fc
    .tuple(key, fc.array(value, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  '))
    .map(([k, vs, indent]) => `${k}:\n${vs.map((v) => `${indent}- ${v}`).join('\n')}`),
  fc.tuple(key, value, value).map(([k, a, b]) => `${k}:\n  name: ${a}\n  url: ${b}`),
  fc.constantFrom('', '# comment', '  ', 'plain text'),
);

/** What the full parser makes of it, or a marker when it refuses the text. */
function full(text: string): unknown {
  try {
    return parse(text, { logLevel: 'error' }) ?? {};
  } catch {
    return 'YAML ERROR';
  }
}

describe('the fast front matter reader', () => {
  it('reads the usual front matter', () => {
    const lines = [
      'id: berlin-talks',
      'title: Berlin talks, day two',
      'date: 2025-12-15',
      "summary: 'Quoted: with a colon'",
      'source:',
      '  name: Example Wire',
      '  url: https://example.com/a',
      'tags: [ukraine, "peace talks"]',
      'parties:',
      '  - Ukraine',
      '  - United States',
    ];
    expect(readSimpleFrontMatter(lines)).toEqual(full(lines.join('\n')));
  });

  it('gives up on anything YAML might read differently', () => {
    for (const text of [
      'n: 12',
      'b: true',
      'x: a # c',
      'x: |',
      'x: &a b',
      'x: "a\\"b"',
      'a: b: c',
      'x: ~',
      'x: -1',
    ]) {
      expect(readSimpleFrontMatter(text.split('\n'))).toBeUndefined();
    }
  });

  it('agrees with the yaml package whenever it gives an answer', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const fast = readSimpleFrontMatter(text.split('\n'));
        if (fast !== undefined) expect(fast).toEqual(full(text));
      }),
      { numRuns: 3000 },
    );
  });
});
