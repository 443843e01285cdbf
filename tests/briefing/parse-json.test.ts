import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/briefing/parse.js';
import { briefingToJson } from '../../src/briefing/to-json.js';
import { briefingFrom, fixture, mustParse, parseFixture } from './helpers.js';

describe('JSON briefings', () => {
  it('reads the shape the parser writes', async () => {
    const b = await briefingFrom('json/2025-12-15-valid.json');
    expect(b).toMatchObject({
      id: 'json-briefing',
      title: 'A briefing written as JSON',
      date: '2025-12-15',
      summary: 'Tools can write briefings too.',
      source: { name: 'Example Wire', url: 'https://example.com/json' },
      author: 'Desk Editor',
      tags: ['tools'],
      parties: ['Ukraine'],
      format: 'json',
    });
    expect(b.sections.other).toEqual([
      { heading: 'Background', items: ['JSON files use the same shape as the parse output.'] },
    ]);
  });

  it('reports a syntax error at its line', async () => {
    const { briefing, problems } = await parseFixture('json/broken-syntax.json');
    expect(briefing).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('reports a wrong shape in words an editor understands, at the field’s line', async () => {
    const { briefing, problems } = await parseFixture('json/wrong-shape.json');
    expect(briefing).toBeNull();
    expect(problems).toEqual([
      {
        file: fixture('json/wrong-shape.json'),
        line: 6,
        message: '`sections.whatHappened` must be a list of text',
      },
      {
        file: fixture('json/wrong-shape.json'),
        line: 10,
        message: '`tags` must be a list like [first, second] or text separated by commas',
      },
    ]);
  });

  it('rejects JSON that is not an object', () => {
    const { problems } = parseBriefing('2025-12-15-x.json', '[1, 2, 3]');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/must be an object/);
  });
});

describe('briefingToJson', () => {
  it('writes the documented shape, leaving out the file and the format', async () => {
    const b = await briefingFrom('markdown/2025-12-15-canonical.md');
    expect(briefingToJson(b)).toEqual({
      id: 'canonical-briefing',
      title: 'Envoys meet again in Berlin',
      date: '2025-12-15',
      summary: 'Negotiators from Washington and Kyiv hold a second round, with European allies at the table.',
      sections: {
        whatHappened: [
          'The two delegations met for a second day.',
          'European allies joined the afternoon session.',
        ],
        whyItMatters: ['Security guarantees are the main open question.'],
        implications: ['A draft could reach Congress for ratification.'],
      },
      source: { name: 'Example Wire', url: 'https://example.com/berlin-talks' },
      author: 'Desk Editor',
      tags: ['ukraine', 'peace talks'],
      parties: ['Ukraine', 'United States'],
    });
  });

  it('round-trips every fixture briefing through a .json file unchanged', async () => {
    const sources = [
      'markdown/2025-12-15-canonical.md',
      'markdown/unknown-headings.md',
      'markdown/curly-quotes.md',
      'brief/2025-12-14-pasted-brief.txt',
      'brief/no-marker-date-line.txt',
      'json/2025-12-15-valid.json',
    ];
    for (const source of sources) {
      const original = await briefingFrom(source);
      const copy = mustParse('copy.json', JSON.stringify(briefingToJson(original), null, 2));
      expect({ ...copy, file: original.file, format: original.format }).toEqual(original);
    }
  });

  it('keeps the seed brief’s deck as subtitle through JSON', async () => {
    const text = await readFile(fixture('brief/2025-12-14-pasted-brief.txt'), 'utf8');
    const json = briefingToJson(mustParse('2025-12-14-a.txt', text)) as { subtitle?: string };
    expect(json.subtitle).toMatch(/^London and Paris/);
  });
});
