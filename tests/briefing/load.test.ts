import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBriefingFile, loadBriefingFolder } from '../../src/briefing/load.js';
import { formatProblem } from '../../src/briefing/model.js';
import { fixture, markdownBriefing, withTempDir } from './helpers.js';

describe('isBriefingFile', () => {
  it('takes markdown, plain-text and JSON files', () => {
    for (const path of ['a.md', 'b/2025-12-15-x.MD', 'c.markdown', 'd.txt', 'e.json'])
      expect(isBriefingFile(path)).toBe(true);
  });

  it('leaves out dotfiles, READMEs, the party registry and everything else', () => {
    for (const path of [
      '.draft.md',
      'README.md',
      'readme.txt',
      'README',
      'parties.yml',
      'x.yaml',
      'x.md~',
      'x.docx',
      'x',
    ]) {
      expect(isBriefingFile(path)).toBe(false);
    }
  });
});

describe('loadBriefingFolder', () => {
  it('loads the good files, recursively, reports the bad ones at file:line and ignores what is not a briefing', async () => {
    const dir = fixture('folder');
    const { briefings, problems } = await loadBriefingFolder(dir);
    expect(briefings.map((b) => b.file)).toEqual([
      join(dir, '2025-12-14-first.md'),
      join(dir, 'nested/2025-12-15-second.txt'),
    ]);
    expect(briefings.map((b) => b.id)).toEqual(['first', 'second']);
    expect(problems.map(formatProblem)).toEqual([
      `${join(dir, '2025-12-16-broken.md')}:4: date 2025-13-01 does not exist in the calendar`,
      `${join(dir, '2025-12-16-broken.md')}:13: warning: no Implications section: add a \`## Implications\` heading with bullets under it`,
    ]);
  });

  it('joins file paths to the folder as given', async () => {
    const { briefings } = await loadBriefingFolder('tests/fixtures/briefings/folder/');
    expect(briefings[0]?.file).toBe('tests/fixtures/briefings/folder/2025-12-14-first.md');
  });

  it('reports a duplicate id naming both files, and serves the first', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'later'));
      await writeFile(join(dir, '2025-12-14-talks.md'), markdownBriefing({ title: 'First' }));
      await writeFile(join(dir, 'later/2025-12-15-talks.md'), markdownBriefing({ title: 'Second' }));
      await writeFile(join(dir, '2025-12-16-other.md'), markdownBriefing({ id: 'Talks', title: 'Third' }));
      const { briefings, problems } = await loadBriefingFolder(dir);
      expect(briefings.map((b) => b.title)).toEqual(['First']);
      expect(problems).toHaveLength(2);
      for (const problem of problems) expect(problem.message).toContain(join(dir, '2025-12-14-talks.md'));
      expect(problems.map((problem) => problem.file).sort()).toEqual([
        join(dir, '2025-12-16-other.md'),
        join(dir, 'later/2025-12-15-talks.md'),
      ]);
      expect(problems[0]?.message).toMatch(/^duplicate id "[Tt]alks": /);
    });
  });

  it('loads an empty folder as no briefings and no problems', async () => {
    await withTempDir(async (dir) => {
      expect(await loadBriefingFolder(dir)).toEqual({ briefings: [], problems: [] });
    });
  });

  it('loads the shipped sample briefings without a problem', async () => {
    const { briefings, problems } = await loadBriefingFolder(fixture('../../../briefings'));
    expect(problems).toEqual([]);
    const ids = briefings.map((b) => b.id);
    expect(ids).toContain('berlin-talks-second-day');
    expect(ids).toContain('us-presses-ukraine-on-donetsk');
    for (const b of briefings) {
      expect(b.tags.length).toBeGreaterThan(0);
      expect(b.sections.whatHappened.length).toBeGreaterThan(0);
    }
  });
});
