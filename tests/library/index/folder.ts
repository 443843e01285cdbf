/**
 * Briefing folders for the index tests: briefing files written as an editor writes them, temporary folders that
 * are removed after the test, a silent logger, and a library's answers turned into plain data to compare.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pino } from 'pino';
import type { Briefing } from '../../../src/briefing/model.js';
import type { Library } from '../../../src/library/library.js';

export const silentLog = pino({ level: 'silent' });

export interface BriefingSpec {
  /** Front matter `id:`; without it the id is the file name's. */
  id?: string;
  title: string;
  date: string;
  parties: readonly string[];
  summary: string;
  whatHappened: readonly string[];
  whyItMatters: readonly string[];
  implications: readonly string[];
}

/** The briefing as markdown with front matter, the way editors write them. */
export function briefingMarkdown(spec: BriefingSpec): string {
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');
  return `---
${spec.id === undefined ? '' : `id: ${spec.id}\n`}title: ${spec.title}
date: ${spec.date}
parties: [${spec.parties.join(', ')}]
---
## Summary
${spec.summary}

## What happened
${bullets(spec.whatHappened)}

## Why it matters
${bullets(spec.whyItMatters)}

## Implications
${bullets(spec.implications)}
`;
}

/** Temporary folders, each removed by `removeAll`. */
export class TempDirs {
  private readonly dirs: string[] = [];

  async make(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    await Promise.all(this.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** A briefing with its file relative to the folder, so libraries of two folders compare. */
export function relativeBriefing(dir: string, briefing: Briefing | undefined) {
  return briefing && { ...briefing, file: relative(dir, briefing.file) };
}

export interface Questions {
  ids: readonly string[];
  dates: readonly string[];
  words: readonly string[];
  parties: readonly string[];
  prefixes: readonly string[];
  /** Parties asked about with `mentions` for every briefing served. */
  mentionParties: readonly string[];
}

/** The library's answers to the questions, as plain data with paths relative to `dir`. */
export function answersOf(library: Library, dir: string, questions: Questions) {
  const served = library.list(1, 1000);
  return {
    list: served.items.map((briefing) => relativeBriefing(dir, briefing)),
    total: served.total,
    size: library.size,
    latest: relativeBriefing(dir, library.latest()),
    onDate: Object.fromEntries(
      questions.dates.map((date) => [date, library.onDate(date).map((briefing) => briefing.id)]),
    ),
    get: Object.fromEntries(questions.ids.map((id) => [id, relativeBriefing(dir, library.get(id))])),
    search: Object.fromEntries(
      questions.words.map((word) => [word, library.search(word).map((hit) => [hit.briefing.id, hit.score])]),
    ),
    party: Object.fromEntries(
      questions.parties.map((name) => {
        const report = library.party(name);
        return [
          name,
          {
            party: report.party,
            members: report.members,
            briefings: report.briefings,
            suggestions: report.suggestions,
          },
        ];
      }),
    ),
    partyCounts: library.partyCounts(),
    complete: Object.fromEntries(
      questions.prefixes.map((prefix) => [prefix, library.completeBriefings(prefix)]),
    ),
    mentions: Object.fromEntries(
      served.items.flatMap((briefing) =>
        questions.mentionParties.map((party) => [
          `${briefing.id} ${party}`,
          library.mentions(briefing.id, party),
        ]),
      ),
    ),
  };
}
