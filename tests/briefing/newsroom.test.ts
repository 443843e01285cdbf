/**
 * Briefs as editors paste them from newsroom pages (our own text, in the layouts of real pages): each
 * loads as its expected JSON says, and every line of the page is either in the briefing or reported
 * as dropped with what it was taken for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Briefing, isWarning } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { findDate } from '../../src/briefing/read/date-line.js';
import { stripReferences } from '../../src/briefing/read/references.js';
import { targetsForHeading } from '../../src/briefing/section-names.js';
import { briefingToMarkdown } from '../../src/briefing/to-markdown.js';
import { repoRoot } from './helpers.js';

const root = join(repoRoot, 'tests/fixtures/newsroom');
const briefs = readdirSync(join(root, 'briefs')).filter((name) => name.endsWith('.txt'));
const articles = readdirSync(join(root, 'raw')).filter((name) => name.endsWith('.txt'));

interface Expected {
  title: string;
  date: string;
  summary: string;
  subtitle?: string;
  author?: string;
  sections: Briefing['sections'];
  source: Briefing['source'];
  warnings?: string[];
}

function load(name: string) {
  const file = join(root, 'briefs', name);
  const text = readFileSync(file, 'utf8');
  const expected = JSON.parse(
    readFileSync(join(root, 'expected', name.replace(/\.txt$/, '.json')), 'utf8'),
  ) as Expected;
  return { file, text, expected, result: parseBriefing(file, text) };
}

/** Lower-case words, so joins and spacing do not matter when looking a line up in the briefing. */
function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

function briefingWords(b: Briefing): string {
  const { whatHappened, whyItMatters, implications, other = [] } = b.sections;
  const texts = [
    b.title,
    b.subtitle ?? '',
    b.summary,
    b.author ?? '',
    b.source?.name ?? '',
    b.source?.url ?? '',
    b.date,
    b.tags.join(' '),
    b.parties.join(' '),
    ...whatHappened,
    ...whyItMatters,
    ...implications,
    ...other.flatMap((section) => [section.heading, ...section.items]),
  ];
  return ` ${texts.map(words).join(' | ')} `;
}

/** The line without a bullet mark or an opening label (`Why it matters:`, `Why now.`, `By`). */
function withoutLabel(line: string): string[] {
  const bare = line.replace(/^(?:[-*•–]\s*|\d{1,3}[.)]\s+)/, '');
  const variants = [bare];
  const label = /^[^:]{1,50}:\s*(.+)$/.exec(bare) ?? /^[^.]{1,40}\.\s+(\p{Lu}.+)$/u.exec(bare);
  if (label?.[1]) variants.push(label[1]);
  if (/^by\s/i.test(bare)) variants.push(bare.slice(3));
  return variants;
}

function isKept(line: string, b: Briefing, stream: string): boolean {
  const text = stripReferences(line.trim()).text;
  if (targetsForHeading(text.replace(/^[#*_\s]+|[*_:?\s]+$/g, ''))) return true;
  const bare = text.replace(/^[#*_\s]+|[*_:\s]+$/g, '');
  if (b.sections.other?.some((section) => words(section.heading) === words(bare))) return true;
  if (words(text).startsWith(words(b.title))) return true;
  // A byline went into the author field; the agency after the names is the byline's own furniture.
  if (b.author && words(text).startsWith(`by ${words(b.author)}`)) return true;
  if (b.source && /\bbased on\b/i.test(text) && words(text).endsWith(words(b.source.name))) return true;
  if (findDate(text)?.date === b.date && text.length <= 90) return true;
  return withoutLabel(text).some((variant) => {
    const needle = words(variant);
    return needle !== '' && stream.includes(` ${needle} `);
  });
}

describe('briefs pasted from newsroom pages', () => {
  it('has fixtures of every layout family and raw articles to refuse', () => {
    expect(briefs.length).toBeGreaterThanOrEqual(16);
    expect(articles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(briefs)('%s loads as expected', (name) => {
    const { result, expected } = load(name);
    const errors = result.problems.filter((problem) => !isWarning(problem));
    expect(errors).toEqual([]);
    const b = result.briefing!;
    expect({
      title: b.title,
      date: b.date,
      summary: b.summary,
      sections: b.sections,
      source: b.source,
    }).toEqual({
      title: expected.title,
      date: expected.date,
      summary: expected.summary,
      sections: expected.sections,
      source: expected.source,
    });
    if (expected.subtitle !== undefined) expect(b.subtitle).toBe(expected.subtitle);
    if (expected.author !== undefined) expect(b.author).toBe(expected.author);
    const warnings = result.problems.filter(isWarning).map((problem) => problem.message);
    const wanted = expected.warnings ?? [];
    expect(warnings).toHaveLength(wanted.length);
    for (const warning of wanted) expect(warnings.some((message) => message.includes(warning))).toBe(true);
  });

  const everyBrief = [
    ...briefs.map((name) => join(root, 'briefs', name)),
    ...readdirSync(join(repoRoot, 'tests/fixtures/briefings/brief')).map((name) =>
      join(repoRoot, 'tests/fixtures/briefings/brief', name),
    ),
  ];

  it.each(everyBrief)('%s: every line is in the briefing or reported as dropped', (file) => {
    const text = readFileSync(file, 'utf8');
    const result = parseBriefing(file, text);
    const b = result.briefing!;
    const stream = briefingWords(b);
    const droppedLines = new Set(result.dropped.map((line) => line.line));
    const lost = text
      .split(/\r?\n/)
      .map((line, index) => ({ line: index + 1, text: line }))
      .filter((line) => line.text.trim() && !droppedLines.has(line.line) && !isKept(line.text, b, stream));
    expect(lost).toEqual([]);
  });

  it.each(briefs)('%s: imported as canonical markdown, reads back as the same briefing', (name) => {
    const original = load(name).result.briefing!;
    const markdown = briefingToMarkdown(original);
    const file = `briefings/${original.date}-${original.id}.md`;
    const again = parseBriefing(file, markdown);
    expect(again.problems.filter((problem) => !isWarning(problem))).toEqual([]);
    expect({ ...again.briefing, file: original.file, format: original.format }).toEqual(original);
  });

  it.each(articles)('refuses the raw article %s with one clear error', (name) => {
    const file = join(root, 'raw', name);
    const { briefing, problems } = parseBriefing(file, readFileSync(file, 'utf8'));
    expect(briefing).toBeNull();
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /^not a briefing: no What happened, Why it matters or Implications section found/,
      ),
    ]);
  });
});
