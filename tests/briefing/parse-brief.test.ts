import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/briefing/parse.js';
import { briefingFrom, mustParse, repoRoot } from './helpers.js';

// The house layout (title, deck, NEWS BRIEF, summary, upper-case headings, source line, author block,
// site text), in our own words.
const houseBrief = resolve(
  repoRoot,
  'tests/fixtures/newsroom/briefs/2024-05-28-spain-ireland-norway-recognise-palestine.txt',
);

describe('a brief in the house layout, pasted into a dated file', () => {
  it('parses with title, deck, summary, 3 + 3 + 3 bullets, source Reuters and the author', async () => {
    const text = await readFile(houseBrief, 'utf8');
    const b = mustParse('briefings/2024-05-28-recognition.txt', text);
    expect(b.id).toBe('recognition');
    expect(b.date).toBe('2024-05-28');
    expect(b.format).toBe('brief');
    expect(b.title).toBe('Spain, Ireland and Norway Formally Recognise a Palestinian State');
    expect(b.subtitle).toMatch(/^The three European governments went ahead/);
    expect(b.summary).toMatch(/^Spain, Ireland and Norway formally recognised/);
    expect(b.summary).toMatch(/Palestinian Authority's finances\.$/);
    expect(b.sections.whatHappened).toHaveLength(3);
    expect(b.sections.whyItMatters).toHaveLength(3);
    expect(b.sections.implications).toHaveLength(3);
    expect(b.sections.whatHappened[0]).toMatch(/^The three countries completed recognition/);
    expect(b.sections.implications[2]).toMatch(/no negotiations are under way\.$/);
    expect(b.sections.other).toBeUndefined();
    expect(b.source).toEqual({ name: 'Reuters' });
    expect(b.author).toBe('Lena Varga');
  });

  it('leaves out the bullet marks, the source line, the author block and the trailing site text', async () => {
    const text = await readFile(houseBrief, 'utf8');
    const result = parseBriefing('briefings/2024-05-28-recognition.txt', text);
    const all = JSON.stringify(result.briefing);
    expect(all).not.toContain('•');
    expect(all).not.toContain('Latest Articles');
    expect(all).not.toContain('based on information');
    expect(all).not.toContain('covers European diplomacy');
    expect(result.dropped.map((line) => line.kind)).toEqual([
      'marker',
      'repeated line',
      'author bio',
      'trailer',
      'trailer',
      'trailer',
    ]);
  });

  it('loads the same when saved with CRLF line endings and a byte order mark', async () => {
    const text = await readFile(houseBrief, 'utf8');
    const lf = mustParse('2025-12-14-a.txt', text);
    const crlf = mustParse('2025-12-14-a.txt', `\ufeff${text.replace(/\n/g, '\r\n')}`);
    expect(crlf).toEqual(lf);
  });
});

describe('plain-text briefs', () => {
  it('reads a brief in our own words, with a repeated author name, bio and site text after it', async () => {
    const b = await briefingFrom('brief/2025-12-14-pasted-brief.txt');
    expect(b.title).toBe('Europe Drafts Plans for a Reassurance Force in Ukraine');
    expect(b.subtitle).toBe('London and Paris lead work on what European troops could do after a ceasefire.');
    expect(b.summary).toMatch(/^The UK, France and other European governments/);
    expect(b.sections.whatHappened).toHaveLength(3);
    expect(b.sections.whyItMatters).toHaveLength(2);
    expect(b.sections.implications).toEqual([
      'Russia is expected to object to foreign troops in Ukraine.',
      'A decision in Washington could unlock the European plans.',
    ]);
    expect(b.source).toEqual({ name: 'Example Wire' });
    expect(b.author).toBe('Jo Example');
    expect(JSON.stringify(b)).not.toContain('festival');
  });

  it('takes the first paragraph after the title as the summary when there is no NEWS BRIEF line', async () => {
    const b = await briefingFrom('brief/no-marker-date-line.txt');
    expect(b.title).toBe('Ukraine Asks for Guarantees Ratified by Congress');
    expect(b.summary).toBe(
      'Kyiv says any security guarantee must pass the U.S. Congress to be worth relying on.',
    );
    expect(b.subtitle).toBeUndefined();
  });

  it('reads Date:, Tags: and Parties: lines, and keeps unknown upper-case headings as further sections', async () => {
    const b = await briefingFrom('brief/no-marker-date-line.txt');
    expect(b.id).toBe('no-marker-date-line');
    expect(b.date).toBe('2025-12-16');
    expect(b.tags).toEqual(['ukraine', 'guarantees']);
    expect(b.parties).toEqual(['Ukraine', 'United States']);
    expect(b.sections.other).toEqual([{ heading: 'Background', items: ['The war began in February 2022.'] }]);
    expect(b.source).toBeNull();
    expect(b.author).toBeUndefined();
  });

  it('accepts section names in other cases and synonyms, with colons', () => {
    const text = [
      'A Title',
      '',
      'The summary.',
      '',
      'Driving the news:',
      '• One.',
      '',
      'WHY IT’S IMPORTANT',
      '• Two.',
      '',
      'Looking ahead',
      '- Three.',
    ].join('\n');
    const b = mustParse('2025-12-01-x.txt', text);
    expect(b.sections).toEqual({ whatHappened: ['One.'], whyItMatters: ['Two.'], implications: ['Three.'] });
  });

  it('ends the text at site furniture such as "Latest Articles" even without a source line', () => {
    const text =
      'T\n\nS.\n\nWHAT HAPPENED\n• a\n\nWHY IT MATTERS\n• b\n\nIMPLICATIONS\n• c\n\nLatest Articles\nSomething unrelated.\n';
    const b = mustParse('2025-12-01-x.txt', text);
    expect(b.sections.implications).toEqual(['c']);
  });

  it('reports a brief with no date, saying how to add one', () => {
    const result = parseBriefing(
      'pasted.txt',
      'T\n\nS.\n\nWHAT HAPPENED\n• a\nWHY IT MATTERS\n• b\nIMPLICATIONS\n• c\n',
    );
    expect(result.briefing).toBeNull();
    expect(result.problems).toEqual([
      {
        file: 'pasted.txt',
        line: 1,
        message: 'no date: add a `Date: YYYY-MM-DD` line or name the file YYYY-MM-DD-<id>.txt',
      },
    ]);
  });
});
