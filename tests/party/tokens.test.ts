import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainWord, readWord, Word } from '../../src/party/tokens.js';

/** Every word of the text as [start, end, next, flags, hash], read the way the matcher reads. */
function words(text: string, quick: boolean): number[][] {
  const found: number[][] = [];
  const word = new Word();
  for (let at = 0; (quick && readPlainWord(text, at, word)) || readWord(text, at, word); at = word.next)
    found.push([word.start, word.end, word.next, word.flags, word.hash]);
  return found;
}

const pieces = [
  'U',
  'S',
  'us',
  'Kenya',
  'e',
  '.',
  ' ',
  '-',
  "'",
  '’',
  's',
  'é',
  'Ø',
  '7',
  ',',
  '\n',
  'ʼ',
  '–',
  '\u0301',
];

describe('readPlainWord', () => {
  it('reads plain words as readWord does and leaves the rest to it', () => {
    const texts = [
      "Kenya's U.S.-led talks, O'Brien and Zelenskyy’s envoy in Bogotá.",
      'U.S. D.C. e.g. J. Smith',
      'a',
      'ab.',
      '  - ',
    ];
    for (const text of texts) expect(words(text, true)).toEqual(words(text, false));
  });

  it('agrees with readWord on any mix of letters, stops, apostrophes and dashes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(words(text, true)).toEqual(words(text, false));
      }),
      { numRuns: 2000 },
    );
  });
});
