import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT_MS, runCli } from './run.js';

const root = resolve(import.meta.dirname, '../..');
// Our own brief in the house layout and our own raw article, from the fixtures.
const newsroom = resolve(root, 'tests/fixtures/newsroom');
const houseBrief = join(newsroom, 'briefs/2024-05-28-spain-ireland-norway-recognise-palestine.txt');
const rawArticle = join(newsroom, 'raw/doha-ceasefire-talks-stall.txt');

/** Runs `briefings ...` as an editor would (see ./run.ts). */
function briefings(args: string[], env: Record<string, string> = {}, options: { viaBin?: boolean } = {}) {
  return runCli(args, { env, ...options });
}

describe('briefings CLI', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('check passes on the shipped folder, through the package bin', async () => {
    const result = await briefings(['check'], {}, { viaBin: true });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('check exits 1 with each problem as file:line: message, and still counts the good files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefings-check-'));
    await copyFile(
      join(root, 'briefings/2025-12-15-berlin-talks-second-day.md'),
      join(dir, '2025-12-15-good.md'),
    );
    await writeFile(join(dir, 'undated.md'), '---\ntitle: No date\n---\n\n## What happened\n- x\n');
    await copyFile(rawArticle, join(dir, '2025-12-15-article.txt'));
    const result = await briefings(['check', dir]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^.+\.(md|txt)(:\d+)?: .+/);
    expect(result.stdout).toMatch(/undated\.md(:\d+)?: .*date/i);
    expect(result.stdout).toMatch(/article\.txt(:\d+)?: .*(What happened|Why it matters|Implications)/);
    expect(result.stderr).toMatch(/1 briefing\(s\) loaded/);
  });

  it('parse --json reads a house-layout brief with its 3 + 3 + 3 bullets, title, summary and source', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefings-parse-'));
    const file = join(dir, '2024-05-28-recognition.txt');
    await copyFile(houseBrief, file);
    const result = await briefings(['parse', file, '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({
      id: 'recognition',
      date: '2024-05-28',
      title: 'Spain, Ireland and Norway Formally Recognise a Palestinian State',
      source: { name: 'Reuters' },
      author: 'Lena Varga',
    });
    expect(parsed.summary).toMatch(/^Spain, Ireland and Norway formally recognised/);
    expect(parsed.sections.whatHappened).toHaveLength(3);
    expect(parsed.sections.whyItMatters).toHaveLength(3);
    expect(parsed.sections.implications).toHaveLength(3);
    expect(result.stdout).not.toContain('Latest Articles');
  });

  it('parse reports a raw article as not a briefing, on stderr, exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefings-article-'));
    const file = join(dir, '2025-12-15-article.txt');
    await copyFile(rawArticle, file);
    const result = await briefings(['parse', file, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/What happened/);
  });

  it('party Russia answers from the sample briefings with citations', async () => {
    const result = await briefings(['party', 'Russia', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.party).toEqual({ id: 'russia', name: 'Russia', kind: 'country' });
    expect(report.briefings.map((b: { id: string }) => b.id)).toEqual([
      'berlin-talks-second-day',
      'us-presses-ukraine-on-donetsk',
    ]);
    for (const briefing of report.briefings) {
      expect(briefing).toMatchObject({
        title: expect.any(String),
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(briefing.statements.length).toBeGreaterThan(0);
      for (const statement of briefing.statements) expect(statement.section).toEqual(expect.any(String));
    }
    expect(report.members).toContain('Dmitry Peskov');
  });

  // One command a test: each starts a process, which takes seconds on a busy machine.
  it('search ranks', async () => {
    const search = await briefings(['search', 'security guarantees', '--json']);
    const rows = JSON.parse(search.stdout);
    expect(rows[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      score: expect.any(Number),
    });
  });

  it('show prints a briefing as text', async () => {
    const show = await briefings(['show', 'berlin-talks-second-day']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Berlin talks/);
    expect(show.stdout).toContain('What happened:');
  });

  it('show exits 1 for an id no briefing has', async () => {
    const missing = await briefings(['show', 'nope']);
    expect(missing.code).toBe(1);
  });
});
