/**
 * Every metadata field declared in metadata.ts is read from front matter and JSON (under each of its keys) and
 * from a brief's `Key:` line where it says so, and written back by to-markdown and to-json: declaring a field
 * there is all it takes for the formats to carry it.
 */
import { describe, expect, it } from 'vitest';
import { LIST_FIELDS, LIST_METADATA, TEXT_FIELDS, TEXT_METADATA } from '../../src/briefing/metadata.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { briefingToJson } from '../../src/briefing/to-json.js';
import { briefingToMarkdown } from '../../src/briefing/to-markdown.js';

const SECTIONS = '## What happened\n\n- Talks resumed.\n\n## Why it matters\n\n- A deal is near.\n';

function markdownWith(lines: string[]): string {
  return `---\ntitle: Talks resume\ndate: 2025-12-15\nsummary: Talks resumed in Geneva.\n${lines.join('\n')}\n---\n\n${SECTIONS}`;
}

function parsed(file: string, text: string) {
  const { briefing, problems } = parseBriefing(file, text);
  expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
  return briefing!;
}

describe('the metadata table', () => {
  for (const field of TEXT_FIELDS) {
    for (const key of TEXT_METADATA[field].keys) {
      it(`reads ${field} from front matter and JSON as \`${key}\`, and writes it back`, () => {
        const fromMarkdown = parsed('2025-12-15-talks.md', markdownWith([`${key}: Written by the desk`]));
        expect(fromMarkdown[field]).toBe('Written by the desk');
        const json = JSON.stringify({
          title: 'Talks resume',
          date: '2025-12-15',
          summary: 'Talks resumed in Geneva.',
          sections: { whatHappened: ['Talks resumed.'], whyItMatters: ['A deal is near.'] },
          [key]: 'Written by the desk',
        });
        expect(parsed('2025-12-15-talks.json', json)[field]).toBe('Written by the desk');

        const again = parsed('2025-12-15-talks.md', briefingToMarkdown(fromMarkdown));
        expect(again[field]).toBe('Written by the desk');
        expect(briefingToJson(fromMarkdown)).toMatchObject({
          [TEXT_METADATA[field].keys[0]]: 'Written by the desk',
        });
      });
    }
  }

  for (const field of LIST_FIELDS) {
    it(`reads ${field} as a list or as text separated by commas, and writes it back`, () => {
      const key = LIST_METADATA[field].keys[0];
      const asList = parsed('2025-12-15-talks.md', markdownWith([`${key}: [Geneva, talks]`]));
      const asText = parsed('2025-12-15-talks.md', markdownWith([`${key}: Geneva, talks, geneva`]));
      expect(asList[field]).toEqual(['Geneva', 'talks']);
      expect(asText[field]).toEqual(['Geneva', 'talks']);
      expect(parsed('2025-12-15-talks.md', briefingToMarkdown(asList))[field]).toEqual(['Geneva', 'talks']);
      expect(briefingToJson(asList)).toMatchObject({ [key]: ['Geneva', 'talks'] });
    });
  }

  it('reads the fields a brief may give on lines of their own', () => {
    const brief = [
      'Talks resume in Geneva',
      '',
      'Author: Desk Editor',
      'Tags: geneva, talks',
      'Parties: Ukraine',
      '',
      'Talks resumed in Geneva on Monday.',
      '',
      'WHAT HAPPENED',
      'Talks resumed.',
      '',
      'WHY IT MATTERS',
      'A deal is near.',
      '',
    ].join('\n');
    const briefing = parsed('2025-12-15-talks.txt', brief);
    expect(briefing).toMatchObject({
      author: 'Desk Editor',
      tags: ['geneva', 'talks'],
      parties: ['Ukraine'],
    });
  });
});
