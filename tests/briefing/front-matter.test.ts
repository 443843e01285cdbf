import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/briefing/front-matter.js';

/** Reads `fields` as the front matter of a file, the way the markdown parser does. */
function read(...fields: string[]) {
  return readFrontMatter('f.md', ['---', ...fields.join('\n').split('\n'), '---', '', '## What happened']);
}

describe('front matter values', () => {
  it('reads the usual front matter: text, a flow list, a block list and a nested source', () => {
    const result = read(
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
    );
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({
      id: 'berlin-talks',
      title: 'Berlin talks, day two',
      date: '2025-12-15',
      summary: 'Quoted: with a colon',
      source: { name: 'Example Wire', url: 'https://example.com/a' },
      tags: ['ukraine', 'peace talks'],
      parties: ['Ukraine', 'United States'],
    });
    expect(result.bodyStart).toBe(13);
    expect(result.lineOf('source')).toBe(6);
    expect(result.lineOf('missing')).toBeUndefined();
  });

  it('keeps a date as the text written, quoted or not, with a comment or a time after it', () => {
    for (const written of ['2025-12-15', "'2025-12-15'", '"2025-12-15"', '2025-12-15 # Monday']) {
      expect(read(`date: ${written}`).data).toEqual({ date: '2025-12-15' });
    }
    expect(read('date: 2025-12-15T10:00:00Z').data).toEqual({ date: '2025-12-15T10:00:00Z' });
  });

  it('keeps numbers, yes/no and true/false as the text the editor wrote', () => {
    const result = read(
      'title: 2025',
      'subtitle: yes',
      'summary: true',
      'id: 007',
      'author: 1.50',
      'deck: 0x1F',
      'source: 12345678901234567890',
      'tags: [2024, 1.0, no]',
    );
    expect(result.data).toEqual({
      title: '2025',
      subtitle: 'yes',
      summary: 'true',
      id: '007',
      author: '1.50',
      deck: '0x1F',
      source: '12345678901234567890',
      tags: ['2024', '1.0', 'no'],
    });
  });

  it('reads `~`, `null` and an empty value as not given', () => {
    expect(read('title: ~', 'summary: null', 'author:').data).toEqual({
      title: null,
      summary: null,
      author: null,
    });
  });

  it('reads the rest of YAML: escapes, block and folded text, comments, anchors', () => {
    const result = read(
      '# a comment',
      'title: "Berlin: day \\"two\\""',
      'summary: >-',
      '  Folded over',
      '  two lines.',
      'author: |',
      '  Kept',
      '  as lines',
      'tags: [a, b] # trailing comment',
      'subtitle: &deck The deck',
      'deck: *deck',
    );
    expect(result.data).toEqual({
      title: 'Berlin: day "two"',
      summary: 'Folded over two lines.',
      author: 'Kept\nas lines\n',
      tags: ['a', 'b'],
      subtitle: 'The deck',
      deck: 'The deck',
    });
  });

  it('has no fields when there is no front matter, or an empty one', () => {
    expect(readFrontMatter('f.md', ['# Title', '', 'Text.'])).toMatchObject({
      data: {},
      bodyStart: 0,
      problems: [],
    });
    for (const inside of [[], [''], ['# only a comment', '  ']]) {
      const result = readFrontMatter('f.md', ['---', ...inside, '---', '# Title']);
      expect(result).toMatchObject({ data: {}, bodyStart: inside.length + 2, problems: [] });
    }
  });

  it('ends at `...` as well as `---`', () => {
    const result = readFrontMatter('f.md', ['---', 'title: T', '...', 'body']);
    expect(result).toMatchObject({ data: { title: 'T' }, bodyStart: 3, problems: [] });
  });
});

describe('front matter problems point at the file line', () => {
  it('invalid YAML, counting the opening `---` as line 1', () => {
    const result = read('title: T', 'date: 2025-12-15', 'summary: Berlin: the second day');
    expect(result.data).toBeNull();
    expect(result.problems).toEqual([
      {
        file: 'f.md',
        line: 4,
        message: expect.stringMatching(/^front matter is not valid YAML: .* \(put values .* in quotes\)$/),
      },
    ]);
  });

  it('a field given twice, at its second line, by name', () => {
    expect(read('title: T', 'summary: S', 'title: U').problems).toEqual([
      { file: 'f.md', line: 4, message: 'front matter: `title` is given twice (each field may appear once)' },
    ]);
  });

  it('tabs used to indent', () => {
    expect(read('source:', '\tname: X').problems).toEqual([
      {
        file: 'f.md',
        line: 3,
        message: expect.stringMatching(
          /^front matter is not valid YAML: .*\(indent with spaces, not tabs\)$/,
        ),
      },
    ]);
  });

  it('a quote or a list left open', () => {
    expect(read('title: T', 'summary: "never closed').problems[0]?.line).toBe(3);
    expect(read('tags: [a, b', 'title: T').problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('front matter that is not `key: value` lines', () => {
    for (const fields of [['just a sentence'], ['- a', '- b']]) {
      expect(read(...fields).problems).toEqual([
        {
          file: 'f.md',
          line: 2,
          message: 'the front matter must be `key: value` lines (title:, date:, summary:, ...)',
        },
      ]);
    }
  });

  it('front matter never closed', () => {
    const result = readFrontMatter('f.md', ['---', 'title: T', '', 'Text.']);
    expect(result).toMatchObject({ data: null, unclosed: true, bodyStart: 4 });
    expect(result.problems).toEqual([
      {
        file: 'f.md',
        line: 1,
        message:
          'the front matter opened on line 1 is never closed: add a line with `---` after its last field',
      },
    ]);
  });

  it('front matter over 8 KB', () => {
    const result = read(...Array.from({ length: 200 }, (_, index) => `field${index}: ${'x'.repeat(40)}`));
    expect(result.data).toBeNull();
    expect(result.problems).toEqual([
      {
        file: 'f.md',
        line: 1,
        message: 'the front matter is longer than 8 KB: keep it to fields such as title, date and summary',
      },
    ]);
  });
});

describe('front matter, for any input', () => {
  /** Plain text an editor might write after `title:`: words, digits and punctuation, no YAML syntax. */
  const plainText = fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,’'()-]{0,30}[A-Za-z0-9.)]$|^[A-Za-z0-9]$/)
    .filter((text) => !/^(?:null|Null|NULL)$/.test(text));

  it('gives back plain text exactly as written', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(read(`title: ${text}`).data).toEqual({ title: text });
      }),
      { numRuns: 500 },
    );
  });

  const piece = fc.constantFrom(
    'title: T',
    'date: 2025-12-15',
    'tags: [a, b',
    'source:',
    '  name: X',
    '\turl: y',
    '- item',
    'a: b: c',
    'title: T',
    '"open',
    '&a x',
    '*a',
    '!tag x',
    '? key',
    '%YAML 1.2',
    '',
    '# comment',
  );

  it('never throws, and every problem points inside the front matter', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 12 }), (fields) => {
        const lines = ['---', ...fields.join('\n').split('\n'), '---'];
        const result = readFrontMatter('f.md', lines);
        if (result.data === null) expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(result.bodyStart);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
