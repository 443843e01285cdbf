/**
 * A brief pasted into the form or attached reads as the same file would in the folder: every layout family the
 * reader understands gives a briefing to save, which is its canonical markdown read back; prose with no brief
 * structure is refused; the form's title wins and its date stands in for a brief with none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/briefing/parse.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { PASTED, prepareBrief } from '../../src/publish/prepare.js';
import { fixture, repoRoot } from '../briefing/helpers.js';

const registry = PartyRegistry.builtIn();
const newsroom = join(repoRoot, 'tests/fixtures/newsroom');
const read = (path: string) => readFileSync(path, 'utf8');

/** One brief of each layout family: markdown with front matter, markdown headings, plain text, JSON, newsroom pages. */
const families = [
  fixture('markdown/2025-12-15-canonical.md'),
  fixture('markdown/2025-12-16-heading-title.md'),
  fixture('brief/2025-12-14-pasted-brief.txt'),
  fixture('json/2025-12-15-valid.json'),
  ...readdirSync(join(newsroom, 'briefs')).map((name) => join(newsroom, 'briefs', name)),
];

describe('prepareBrief', () => {
  it.each(families.map((path) => [relative(repoRoot, path), path]))(
    'reads %s as the folder would, pasted or attached',
    (_name, path) => {
      const text = read(path);
      const inFolder = parseBriefing(path, text).briefing!;
      expect(inFolder).not.toBeNull();
      const attached = prepareBrief({ text, fileName: basename(path) }, registry);
      if (!attached.ok) throw new Error(attached.problems.map((problem) => problem.message).join('\n'));
      expect(attached.briefing.title).toBe(inFolder.title);
      expect(attached.briefing.date).toBe(inFolder.date);
      expect(attached.briefing.sections).toEqual(inFolder.sections);
      expect(attached.fileName).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
      expect(attached.fileName.startsWith(inFolder.date)).toBe(true);
      // What is saved is what is previewed: the markdown read back under its file name.
      expect(parseBriefing(attached.fileName, attached.markdown).briefing).toEqual(attached.briefing);
      expect(attached.briefing.id).toBe(attached.fileName.slice(11, -3));

      // Pasted into the form (no file name), with the date the file name gave, it reads the same.
      const pasted = prepareBrief({ text, date: inFolder.date }, registry);
      if (!pasted.ok) throw new Error(pasted.problems.map((problem) => problem.message).join('\n'));
      expect(pasted.briefing.sections).toEqual(inFolder.sections);
      expect(pasted.briefing.title).toBe(inFolder.title);
    },
  );

  it('keeps the lines it left out, with what they were taken for', () => {
    const withJunk = prepareBrief(
      { text: `Advertisement\n${read(fixture('brief/2025-12-14-pasted-brief.txt'))}`, date: '2025-12-14' },
      registry,
    );
    expect(withJunk.ok).toBe(true);
    expect(withJunk.dropped.map((line) => line.text)).toContain('Advertisement');
  });

  it('refuses an article with no brief structure, saying why', () => {
    const article = readdirSync(join(newsroom, 'raw'))[0]!;
    const result = prepareBrief({ text: read(join(newsroom, 'raw', article)), date: '2026-01-01' }, registry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/not a briefing/);
    expect(result.problems.every((problem) => problem.file === PASTED)).toBe(true);
  });

  it('uses the form: its title wins, its date serves a brief with no date line, a bad date is refused', () => {
    const text =
      'Grain talks resume\n\nWhat happened\n- Delegations met in Istanbul.\n\nWhy it matters\n- Exports depend on it.\n';
    const undated = prepareBrief({ text }, registry);
    expect(undated.ok).toBe(false);
    if (!undated.ok)
      expect(undated.problems.map((problem) => problem.message)).toContainEqual(
        expect.stringMatching(/^no date: fill in the Date field/),
      );

    const dated = prepareBrief(
      { text, date: '2026-03-04', title: 'Grain talks resume in Istanbul' },
      registry,
    );
    if (!dated.ok) throw new Error('should prepare');
    expect(dated.briefing.date).toBe('2026-03-04');
    expect(dated.briefing.title).toBe('Grain talks resume in Istanbul');
    expect(dated.fileName).toBe('2026-03-04-grain-talks-resume-in-istanbul.md');

    const labelled = prepareBrief({ text: `Date: 2026-02-01\n${text}`, date: '2026-03-04' }, registry);
    expect(labelled.ok && labelled.briefing.date).toBe('2026-02-01');

    const wrong = prepareBrief({ text, date: '2026-02-30' }, registry);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.problems[0]?.message).toMatch(/the date field: date 2026-02-30 does not exist/);
  });

  it('refuses an attachment that is not a brief file, and binary text', () => {
    const pdf = prepareBrief({ text: 'x', fileName: 'brief.pdf' }, registry);
    expect(pdf.ok || pdf.problems[0]?.message).toMatch(/attach a \.txt, \.md or \.json file/);
    const binary = prepareBrief({ text: 'PK\u0000\u0003', fileName: 'brief.txt' }, registry);
    expect(binary.ok || binary.problems[0]?.message).toMatch(/binary/);
  });

  it('declares the parties it finds in the text', () => {
    const text =
      'Talks in Geneva\nDate: 2026-01-05\n\nWhat happened\n- Russia and Ukraine met in Geneva.\n\nWhy it matters\n- A first meeting this year.\n';
    const prepared = prepareBrief({ text }, registry);
    if (!prepared.ok) throw new Error('should prepare');
    expect(prepared.detected).toEqual(expect.arrayContaining(['Russia', 'Ukraine']));
    expect(prepared.markdown).toMatch(/parties:[\s\S]*Russia/);
  });
});
