import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, isWarning } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { fixture, markdownBriefing, parseFixture, repoRoot } from './helpers.js';

// An article pasted line by line, with subheadings and no brief structure (our own text).
const rawArticle = resolve(repoRoot, 'tests/fixtures/newsroom/raw/doha-ceasefire-talks-stall.txt');
const NOT_A_BRIEFING = /^not a briefing: no What happened, Why it matters or Implications section found/;

/** A file that loads, with what it is warned about. */
async function warningsOf(relative: string): Promise<string[]> {
  const { briefing, problems } = await parseFixture(relative);
  expect(briefing).not.toBeNull();
  expect(problems.every(isWarning)).toBe(true);
  return problems.map((problem) => formatProblem({ ...problem, file: 'f' }));
}

async function problemsOf(relative: string): Promise<string[]> {
  const { briefing, problems } = await parseFixture(relative);
  expect(briefing).toBeNull();
  return problems.map((problem) => formatProblem({ ...problem, file: 'f' }));
}

describe('a raw article is not a briefing', () => {
  it('an article pasted line by line gets one clear error, whatever its extension', async () => {
    const text = await readFile(rawArticle, 'utf8');
    for (const name of ['2025-12-15-article.txt', '2025-12-15-article.md']) {
      const { briefing, problems } = parseBriefing(name, text);
      expect(briefing).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(NOT_A_BRIEFING);
    }
  });

  it('an article in our own words, with subheadings, gets the same one error', async () => {
    const { briefing, problems } = await parseFixture('raw/2025-12-15-raw-article.txt');
    expect(briefing).toBeNull();
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(NOT_A_BRIEFING)]);
  });
});

describe('broken briefings name the problem, how to fix it, and its line', () => {
  it('no date', async () => {
    expect(await problemsOf('broken/no-date.md')).toEqual([
      'f:1: no date: add `date: YYYY-MM-DD` to the front matter or name the file YYYY-MM-DD-<id>.md',
    ]);
  });

  it('a date that does not exist', async () => {
    expect(await problemsOf('broken/invalid-date.md')).toEqual([
      'f:3: date 2025-02-30 does not exist in the calendar',
    ]);
  });

  it('a date not written YYYY-MM-DD', () => {
    const { problems } = parseBriefing('x.md', markdownBriefing({ date: '15/12/2025' }));
    expect(problems.map((problem) => problem.message)).toEqual([
      'date "15/12/2025" is not written YYYY-MM-DD (e.g. 2025-12-15)',
    ]);
  });

  it('a missing section is a warning pointing where it belongs; the briefing still loads', async () => {
    expect(await warningsOf('broken/2025-12-15-missing-section.md')).toEqual([
      'f:12: warning: no Implications section: add a `## Implications` heading with bullets under it',
    ]);
  });

  it('an empty section is a warning at its heading; the briefing loads without it', async () => {
    expect(await warningsOf('broken/2025-12-15-empty-section.md')).toEqual([
      'f:10: warning: the Why it matters section has no text: add bullets or a paragraph under its heading',
    ]);
    const { briefing } = await parseFixture('broken/2025-12-15-empty-section.md');
    expect(briefing?.sections.whyItMatters).toEqual([]);
  });

  it('front matter that is not valid YAML, without piling up "no title" after it', async () => {
    const problems = await problemsOf('broken/2025-12-15-bad-yaml.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^f:2: front matter is not valid YAML: .*put values .* in quotes/);
  });

  it('front matter never closed', async () => {
    expect(await problemsOf('broken/2025-12-15-unclosed.md')).toEqual([
      'f:1: the front matter opened on line 1 is never closed: add a line with `---` after its last field',
    ]);
  });

  it('each missing piece separately: no title is an error, no summary a warning with a stand-in', async () => {
    expect(await problemsOf('broken/2025-12-15-missing-title-summary.md')).toEqual([
      'f:1: warning: no summary: the first sentence of What happened stands in; add `summary:` to the front matter, a `## Summary` section, or a paragraph before the first section',
      'f:1: no title: add `title:` to the front matter or start the text with a `# Title` line',
    ]);
  });

  it('a source url that is not a link', async () => {
    expect(await problemsOf('broken/2025-12-15-bad-source-url.md')).toEqual([
      'f:4: the source url must be a full http(s):// link',
    ]);
  });

  it('a front matter field of the wrong kind, at its line', () => {
    const text =
      '---\ntitle: T\nsummary: S\ntags:\n  first: a\n---\n## What happened\n- a\n## Why it matters\n- b\n## Implications\n- c\n';
    const { problems } = parseBriefing('2025-12-15-x.md', text);
    expect(problems).toEqual([
      {
        file: '2025-12-15-x.md',
        line: 4,
        message: '`tags` must be a list like [first, second] or text separated by commas',
      },
    ]);
  });

  it('an id with spaces, from the file name', () => {
    const { problems } = parseBriefing('2025-12-15-my brief.md', markdownBriefing());
    expect(problems.map((problem) => problem.message)).toEqual([
      'the id has spaces: use dashes in the file name or set an `id` without spaces',
    ]);
  });

  it('an empty file, a binary file and an unknown extension', () => {
    expect(parseBriefing('2025-12-15-a.md', ' \n\n').problems[0]?.message).toBe('the file is empty');
    expect(parseBriefing('2025-12-15-a.md', 'abc\u0000def').problems[0]?.message).toBe(
      'this is a binary file, not text',
    );
    expect(parseBriefing('2025-12-15-a.docx', 'x').problems[0]?.message).toMatch(/^not a briefing file/);
  });

  it('problems carry the file path they were given', async () => {
    const { problems } = await parseFixture('broken/no-date.md');
    expect(problems[0]?.file).toBe(fixture('broken/no-date.md'));
  });
});
