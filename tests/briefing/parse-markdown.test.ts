import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/briefing/parse.js';
import { briefingFrom, fixture, markdownBriefing, mustParse, parseFixture } from './helpers.js';

describe('markdown with front matter', () => {
  it('reads every front matter field and the three sections', async () => {
    const b = await briefingFrom('markdown/2025-12-15-canonical.md');
    expect(b).toMatchObject({
      id: 'canonical-briefing',
      title: 'Envoys meet again in Berlin',
      date: '2025-12-15',
      summary: 'Negotiators from Washington and Kyiv hold a second round, with European allies at the table.',
      source: { name: 'Example Wire', url: 'https://example.com/berlin-talks' },
      author: 'Desk Editor',
      tags: ['ukraine', 'peace talks'],
      parties: ['Ukraine', 'United States'],
      format: 'markdown',
      file: fixture('markdown/2025-12-15-canonical.md'),
    });
    expect(b.sections).toEqual({
      whatHappened: [
        'The two delegations met for a second day.',
        'European allies joined the afternoon session.',
      ],
      whyItMatters: ['Security guarantees are the main open question.'],
      implications: ['A draft could reach Congress for ratification.'],
    });
  });

  it('keeps `date: 2025-12-15` as that calendar day, never a time-zone-shifted Date', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        for (const date of ['2025-12-15', "'2025-12-15'", '2025-12-15 # Monday']) {
          expect(mustParse('x.md', markdownBriefing({ date })).date).toBe('2025-12-15');
        }
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('keeps a title, id or tag written as a number or yes/true as the text written', () => {
    const b = mustParse(
      '2025-12-15-x.md',
      '---\nid: 007\ntitle: 2025\nsubtitle: yes\nsummary: true\ntags: [2024, 1.50]\n---\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n',
    );
    expect(b).toMatchObject({
      id: '007',
      title: '2025',
      subtitle: 'yes',
      summary: 'true',
      tags: ['2024', '1.50'],
    });
  });

  it('takes the title from a leading `# Title`, the summary from the first paragraph and the date from the file name', async () => {
    const b = await briefingFrom('markdown/2025-12-16-heading-title.md');
    expect(b.id).toBe('heading-title');
    expect(b.date).toBe('2025-12-16');
    expect(b.title).toBe('Kyiv weighs an offer on NATO');
    expect(b.summary).toBe(
      'Ukraine signals it could give up its NATO bid in return for guarantees that the U.S. Congress ratifies.',
    );
  });

  it('accepts #, ## and ### headings in any case, with or without a colon, and -, * and • bullets', async () => {
    const b = await briefingFrom('markdown/2025-12-16-heading-title.md');
    expect(b.sections.whatHappened).toEqual([
      'The president set out the offer at a press conference.',
      'Officials in Berlin confirmed the talks would go on.',
    ]);
    expect(b.sections.implications).toEqual([
      'Moscow has said it will not accept proposals from Kyiv, which makes a quick deal unlikely.',
    ]);
  });

  it('counts paragraphs as items, joining soft-wrapped lines', async () => {
    const b = await briefingFrom('markdown/2025-12-16-heading-title.md');
    expect(b.sections.whyItMatters).toEqual([
      'The offer changes a position Kyiv had held for years. It was written on two lines.',
      'A second paragraph counts as a second item.',
    ]);
  });

  it('maps synonym headings through the section table', async () => {
    const b = await briefingFrom('markdown/synonyms.md');
    expect(b.sections).toEqual({
      whatHappened: ['Talks resumed on Monday.'],
      whyItMatters: ['Territory remains the hardest question.'],
      implications: ['Another round is planned for the new year.'],
    });
  });

  it('reads Axios-style labels: the rest of the line is an item, and what follows belongs to the same section', async () => {
    const b = await briefingFrom('markdown/2025-12-18-axios.md');
    expect(b.sections).toEqual({
      whatHappened: ['Negotiators met in Berlin for a second day.'],
      whyItMatters: [
        "The outcome shapes Europe's security for years.",
        "Allies are watching Washington's position closely.",
      ],
      implications: ['Whether the Kremlin accepts any part of the plan.'],
    });
  });

  it('ignores CRLF line endings and a byte order mark', async () => {
    const bytes = await readFile(fixture('markdown/crlf-bom.md'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('\r\n');
    const b = await briefingFrom('markdown/crlf-bom.md');
    expect(b.title).toBe('Windows line endings');
    expect(b.summary).toBe('Saved by an editor on Windows, with a byte order mark.');
    expect(b.sections.whatHappened).toEqual(['First point.', 'Second point wrapped onto a second line.']);
    expect(JSON.stringify(b)).not.toMatch(/\r|\ufeff/);
  });

  it('matches curly apostrophes in headings and keeps curly quotes in the text', async () => {
    const b = await briefingFrom('markdown/curly-quotes.md');
    expect(b.sections.whatHappened).toEqual(['Kyiv’s delegation stayed a second day.']);
    expect(b.sections.whyItMatters).toEqual(['The “reassurance force” would be European.']);
    expect(b.sections.implications).toEqual(['Talks continue.']);
    expect(b.title).toBe('“Curly” quotes in headings');
  });

  it('treats non-breaking spaces as spaces', async () => {
    const text = await readFile(fixture('markdown/nbsp.md'), 'utf8');
    expect(text).toContain('\u00a0');
    const b = await briefingFrom('markdown/nbsp.md');
    expect(b.title).toBe('Non-breaking spaces');
    expect(b.sections.whatHappened).toEqual(['Text with hard spaces.']);
    expect(b.sections.whyItMatters).toEqual(['It matters.']);
  });

  it('keeps headings the table does not know as further sections, in file order', async () => {
    const b = await briefingFrom('markdown/unknown-headings.md');
    expect(b.sections.other).toEqual([
      { heading: 'Background', items: ['The war began in February 2022.'] },
      { heading: 'Key quotes', items: ['"It was difficult," one participant said.'] },
      { heading: 'Timeline', items: ['Sunday: first day.', 'Monday: second day.'] },
    ]);
    expect(b.sections.whatHappened).toEqual(['Talks resumed.']);
  });

  it('takes the summary from a `## Summary` section', async () => {
    const b = await briefingFrom('markdown/summary-section.md');
    expect(b.summary).toBe('The summary has its own heading.');
    expect(b.sections.other).toBeUndefined();
  });

  it('accepts source as a plain name with a separate source_url, and tags as comma-separated text', () => {
    const b = mustParse(
      '2025-12-15-x.md',
      '---\ntitle: T\nsummary: S\nsource: Example Wire\nsource_url: https://example.com/a\ntags: one, two , one\n---\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n',
    );
    expect(b.source).toEqual({ name: 'Example Wire', url: 'https://example.com/a' });
    expect(b.tags).toEqual(['one', 'two']);
    expect(b.author).toBeUndefined();
    expect(b.parties).toEqual([]);
  });

  it('reads front matter that needs the full YAML parser (folded text, quotes with escapes, comments)', () => {
    const b = mustParse(
      '2025-12-15-x.md',
      '---\n# a comment\ntitle: "Berlin: day \\"two\\""\nsummary: >-\n  Folded over\n  two lines.\ntags: [a, b] # trailing comment\n---\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n',
    );
    expect(b.title).toBe('Berlin: day "two"');
    expect(b.summary).toBe('Folded over two lines.');
    expect(b.tags).toEqual(['a', 'b']);
  });

  it('lets front matter win over a `# Title` line and keeps a subtitle', () => {
    const b = mustParse(
      '2025-12-15-x.md',
      '---\ntitle: From front matter\nsubtitle: A deck line\nsummary: S\n---\n# From the body\n\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n',
    );
    expect(b.title).toBe('From front matter');
    expect(b.subtitle).toBe('A deck line');
    expect(b.sections.other).toBeUndefined();
  });

  it('reads .markdown files the same way', async () => {
    const text = await readFile(fixture('markdown/2025-12-15-canonical.md'), 'utf8');
    expect(parseBriefing('briefings/2025-12-15-canonical.markdown', text).briefing?.id).toBe(
      'canonical-briefing',
    );
  });

  it('reads a `Date:` line in the body when the front matter has no date', () => {
    const b = mustParse(
      'x.md',
      '# Title\n\nDate: 2025-12-24\n\nThe summary.\n\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n',
    );
    expect(b.date).toBe('2025-12-24');
    expect(b.summary).toBe('The summary.');
  });

  it('parses the same briefing whether it came from fixtures or memory', async () => {
    const result = await parseFixture('markdown/synonyms.md', '2025-12-01-renamed.md');
    expect(result.briefing?.id).toBe('renamed');
    expect(result.briefing?.date).toBe('2025-12-17');
  });
});

describe('markdown heading details', () => {
  it('drops closing hashes and emphasis, keeps a hash that is part of a word', () => {
    const text = [
      '---',
      'title: T',
      'date: 2025-12-15',
      'summary: S',
      '---',
      '## What happened ##',
      '- a',
      '## **Why it matters**',
      '- b',
      '## Implications',
      '- c',
      '## Notes on C#',
      '- d',
      '### __Further reading__:',
      '- e',
    ].join('\n');
    const b = mustParse('x.md', text);
    expect(b.sections).toEqual({
      whatHappened: ['a'],
      whyItMatters: ['b'],
      implications: ['c'],
      other: [
        { heading: 'Notes on C#', items: ['d'] },
        { heading: 'Further reading', items: ['e'] },
      ],
    });
  });
});
