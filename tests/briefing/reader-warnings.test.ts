/**
 * Briefings far beyond what a reader can use, and links Discord cannot take: warnings that name the limit, while
 * the briefing still loads. And control characters, which never get into a briefing at all.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, isWarning } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { normalizeText, stripControls } from '../../src/briefing/text.js';
import { markdownBriefing } from './helpers.js';

function markdown(fields: { title?: string; source?: string; sections?: Record<string, string[]> }): string {
  const lines = ['---', `title: ${fields.title ?? 'A briefing'}`, 'date: 2025-12-15', 'summary: S.'];
  if (fields.source) lines.push('source:', '  name: Wire', `  url: ${fields.source}`);
  lines.push('---', '');
  const sections = fields.sections ?? {
    'What happened': ['a'],
    'Why it matters': ['b'],
    Implications: ['c'],
  };
  for (const [heading, bullets] of Object.entries(sections)) {
    lines.push(`## ${heading}`, '', ...bullets.map((bullet) => `- ${bullet}`), '');
  }
  return lines.join('\n');
}

/** Loads, and says what it was warned about. */
function warningsOf(text: string): string[] {
  const { briefing, problems } = parseBriefing('2025-12-15-x.md', text);
  expect(briefing, JSON.stringify(problems)).not.toBeNull();
  expect(problems.every(isWarning)).toBe(true);
  return problems.map((problem) => formatProblem({ ...problem, file: 'f' }));
}

describe('warnings about briefings beyond what a reader can use', () => {
  it('an ordinary briefing gets none', () => {
    expect(warningsOf(markdown({}))).toEqual([]);
    expect(warningsOf(markdown({ title: 't'.repeat(256) }))).toEqual([]);
  });

  it('a title over 256 characters, naming the limit', () => {
    expect(warningsOf(markdown({ title: 't'.repeat(257) }))).toEqual([
      'f:2: warning: the title is 257 characters; Discord shows at most 256, so readers see it cut: shorten it and move the rest to the summary',
    ]);
  });

  it('bullets over 1,024 characters, per section, naming the limit', () => {
    const long = 'w '.repeat(600).trim();
    const warnings = warningsOf(
      markdown({
        sections: {
          'What happened': ['short', long, `${long} more words`],
          'Why it matters': ['b'],
          Implications: ['c'],
          Background: [long],
        },
      }),
    );
    expect(warnings).toEqual([
      'f:7: warning: 2 bullets in What happened are over 1,024 characters (the longest 1,210), more than Discord shows in one piece: split them into shorter bullets',
      'f: warning: a bullet in Background is over 1,024 characters (the longest 1,199), more than Discord shows in one piece: split it into shorter bullets',
    ]);
  });

  it('more than 100 bullets in a briefing, naming the limit', () => {
    const bullets = (n: number) => Array.from({ length: n }, (_, i) => `Point ${i}.`);
    const sections = (n: number) => ({
      'What happened': bullets(n),
      'Why it matters': ['b'],
      Implications: ['c'],
      'Key quotes': bullets(40),
    });
    expect(warningsOf(markdown({ sections: sections(58) }))).toEqual([]);
    expect(warningsOf(markdown({ sections: sections(59) }))).toEqual([
      'f:7: warning: 101 bullets, over the 100 a reader can take in one briefing: split it into several briefings or keep the main points',
    ]);
  });

  it('the briefing loads whole all the same', () => {
    const title = 't'.repeat(300);
    const { briefing } = parseBriefing('2025-12-15-x.md', markdown({ title }));
    expect(briefing?.title).toBe(title);
  });
});

describe('source urls', () => {
  it('a url Discord cannot link once encoded is a warning, and the briefing loads', () => {
    const url = `https://example.com/${'a'.repeat(2100)}`;
    expect(warningsOf(markdown({ source: url }))).toEqual([
      'f:5: warning: the source url cannot be made a link Discord accepts (an http(s) link of at most 2,048 characters once encoded): it is shown as text, not linked',
    ]);
  });

  it('a url with spaces or quotes is no warning: it is sent encoded', () => {
    expect(warningsOf(markdown({ source: '"https://example.com/a b?q=\\"x\\""' }))).toEqual([]);
  });
});

describe('control characters never get into a briefing', () => {
  const ESC = '\u001b';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const everyText = (value: unknown): string => JSON.stringify(value).replaceAll('\\n', '\n');

  it('written raw in a markdown file: escape sequences go whole, not only their ESC', () => {
    const text = markdownBriefing({
      title: `${ESC}]0;owned${ESC}\\Clean ${ESC}[1mtitle${ESC}[0m`,
      extra: `## Background\n\n- Tab\there ${ESC}]8;;https://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\ \u0007\u009b2J end`,
    });
    const { briefing, problems } = parseBriefing('2025-12-15-x.md', text);
    expect(problems).toEqual([]);
    expect(briefing?.title).toBe('Clean title');
    expect(briefing?.sections.other).toEqual([{ heading: 'Background', items: ['Tab here link end'] }]);
  });

  it('normalizeText, the clean-up every parser shares, keeps newlines and tabs and drops the rest', () => {
    expect(normalizeText(`a\tb\r\nc${ESC}[2Jd\u0000e\u0085f\u009b1mg${ESC}]8;;x${ESC}\\h`)).toBe(
      'a\tb\ncd' + 'e\nfgh',
    );
    // A string command never closed loses its control characters, not the text after it.
    expect(normalizeText(`${ESC}]0;not closed, text kept`)).toBe('0;not closed, text kept');
    expect(stripControls('Київ 🇺🇦 “x”\t\n')).toBe('Київ 🇺🇦 “x”\t\n');
  });

  it('written as escapes in JSON strings', () => {
    const json = JSON.stringify({
      title: `${ESC}[2J${ESC}[HJSON title`,
      date: '2025-12-15',
      summary: `Sum${ESC}]0;x\u0007mary`,
      source: { name: `Wire\u0007`, url: 'https://example.com/' },
      author: `${ESC}[31mA${ESC}[0m`,
      tags: [`t${ESC}[1m`],
      sections: { whatHappened: [`a${ESC}c`], whyItMatters: ['b\u0000'], implications: ['c\u009d0;t\u009c'] },
    });
    const { briefing } = parseBriefing('2025-12-15-x.json', json);
    expect(briefing).toMatchObject({
      title: 'JSON title',
      summary: 'Summary',
      source: { name: 'Wire' },
      author: 'A',
      tags: ['t'],
      sections: { whatHappened: ['a'], whyItMatters: ['b'], implications: ['c'] },
    });
    expect(everyText(briefing)).not.toMatch(CONTROL);
  });

  it('written as escapes in YAML double quotes', () => {
    const text = [
      '---',
      'title: "\\e[2J\\x9b1mYAML\\a title"',
      'date: 2025-12-15',
      'summary: "A\\e]0;x\\asummary"',
      '---',
      '## What happened',
      '- a',
      '## Why it matters',
      '- b',
      '## Implications',
      '- c',
    ].join('\n');
    const { briefing } = parseBriefing('2025-12-15-x.md', text);
    expect(briefing?.title).toBe('YAML title');
    expect(briefing?.summary).toBe('Asummary');
  });
});
