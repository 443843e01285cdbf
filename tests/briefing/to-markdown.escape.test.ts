import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHeading,
  escapeItem,
  headingReadsBack,
  unescapeMarkdown,
} from '../../src/briefing/markdown-escape.js';

describe('escapes in bullets', () => {
  it.each([
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['- not a bullet', '\\- not a bullet'],
    ['* not a bullet', '\\* not a bullet'],
    ['+', '\\+'],
    ['1. not a list', '1\\. not a list'],
    ['2025) a year', '2025\\) a year'],
    ['---', '\\---'],
    ['* * *', '\\* * *'],
    ['**', '\\**'],
    ['```js', '\\```js'],
    ['<div>', '\\<div>'],
    ['a <!-- hidden --> b', 'a \\<!-- hidden --> b'],
    ['[ref]: https://example.com', '\\[ref]: https://example.com'],
    ['Why it matters: the talks stall.', 'Why it matters\\: the talks stall.'],
    ['**The big picture:** more', '**The big picture\\:** more'],
    ['Why it matters and what next: both', 'Why it matters and what next\\: both'],
    ['~~', '\\~~'],
    ['a deal [1] was [citation needed]', 'a deal [1\\] was [citation needed\\]'],
    ['the deal was agreed.2 Then', 'the deal was agreed\\.2 Then'],
    ['in talks,12 and', 'in talks\\,12 and'],
    ['C:\\path\\*', 'C:\\path\\\\*'],
    ['\\# written', '\\\\# written'],
  ])('%j is written %j', (text, written) => {
    expect(escapeItem(text)).toBe(written);
    expect(unescapeMarkdown(written)).toBe(text);
  });

  it('leaves ordinary text alone, emphasis and mid-line markers included', () => {
    for (const text of [
      'Zelenskyy said: "no".',
      '**Bold** start',
      '1.5 percent',
      '-5% on the day',
      'C# and F#',
      'Königsberg 🇺🇦 — 北京',
      'Date: 2025-12-15',
      'Zoom in: the vote',
    ]) {
      expect(escapeItem(text)).toBe(text);
    }
  });
});

describe('escapes in headings', () => {
  it.each([
    ['Notes #', 'Notes \\#'],
    ['*Starred', '\\*Starred'],
    ['_Underlined_', '\\_Underlined\\_'],
    ['Note:', 'Note\\:'],
    ["What's next", "What\\'s next"],
    ['Implications.', 'Implications\\.'],
    ['C#', 'C#'],
    ['Context & outlook', 'Context \\& outlook'],
    ['- Details', '\\- Details'],
    ['Count ##', 'Count #\\#'],
  ])('%j is written %j', (text, written) => {
    expect(escapeHeading(text)).toBe(written);
    expect(unescapeMarkdown(written)).toBe(text);
  });

  it('knows which headings markdown cannot keep', () => {
    expect(headingReadsBack('Key quotes')).toBe(true);
    expect(headingReadsBack('Summary')).toBe(true);
    expect(headingReadsBack("What's next")).toBe(true);
    expect(headingReadsBack('KEY QUOTES')).toBe(false);
    expect(headingReadsBack('Details')).toBe(false);
    expect(headingReadsBack('- Details')).toBe(false);
    expect(headingReadsBack('Related')).toBe(false);
  });
});

describe('unescaping undoes escaping', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc
      .array(
        fc.constantFrom(
          '\\',
          '#',
          '-',
          '*',
          '_',
          '=',
          ':',
          '>',
          '<!--',
          '1.',
          '[1]',
          '.3',
          ' ',
          'abc',
          'Date',
          'Why it matters',
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join('')),
  );

  it('for bullets and headings', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(unescapeMarkdown(escapeItem(value))).toBe(value);
        expect(unescapeMarkdown(escapeHeading(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});
