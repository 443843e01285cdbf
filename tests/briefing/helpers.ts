/** Shared by the briefing tests: fixture paths, temporary folders, waiting on a condition. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Briefing } from '../../src/briefing/model.js';
import { type ParseResult, parseBriefing } from '../../src/briefing/parse.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'tests/fixtures/briefings');

export function fixture(relative: string): string {
  return join(fixturesDir, relative);
}

export async function parseFixture(relative: string, asName?: string): Promise<ParseResult> {
  const text = await readFile(fixture(relative), 'utf8');
  return parseBriefing(asName ?? fixture(relative), text);
}

/** Parses and insists on a briefing, showing the problems when there is none. */
export async function briefingFrom(relative: string): Promise<Briefing> {
  const result = await parseFixture(relative);
  if (!result.briefing) throw new Error(`expected a briefing, got ${JSON.stringify(result.problems)}`);
  return result.briefing;
}

export function mustParse(file: string, text: string): Briefing {
  const result = parseBriefing(file, text);
  if (!result.briefing) throw new Error(`expected a briefing, got ${JSON.stringify(result.problems)}`);
  return result.briefing;
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'briefings-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Polls until `check` returns a value (not undefined), or fails after `timeoutMs`: a deadline for reporting a
 * failure, generous because file-system events reach a busy machine late.
 */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** A minimal valid markdown briefing, for tests that only care about one part of it. */
export function markdownBriefing(
  fields: { title?: string; date?: string; id?: string; extra?: string } = {},
): string {
  const lines = ['---'];
  if (fields.id) lines.push(`id: ${fields.id}`);
  lines.push(`title: ${fields.title ?? 'A test briefing'}`);
  if (fields.date) lines.push(`date: ${fields.date}`);
  lines.push('summary: A short summary.', '---', '');
  lines.push('## What happened', '', '- Something happened.', '');
  lines.push('## Why it matters', '', '- It matters.', '');
  lines.push('## Implications', '', '- It has implications.', '');
  if (fields.extra) lines.push(fields.extra, '');
  return lines.join('\n');
}
