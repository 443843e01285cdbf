/** The briefing model shared by every layer. Parsers produce it; nothing else builds one by hand. */
import type { ListMetadata, TextMetadata } from './metadata.js';

/** The three sections every briefing has, in reading order. */
export const SECTION_KEYS = ['whatHappened', 'whyItMatters', 'implications'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  whatHappened: 'What happened',
  whyItMatters: 'Why it matters',
  implications: 'Implications',
};

/** A heading the synonym table does not know, kept in order rather than dropped. */
export interface ExtraSection {
  heading: string;
  items: string[];
}

export interface BriefingSections {
  whatHappened: string[];
  whyItMatters: string[];
  implications: string[];
  /** Further sections (Background, Key quotes, ...) in file order; absent when there are none. */
  other?: ExtraSection[];
}

export interface Source {
  name: string;
  url?: string;
}

export type BriefingFormat = 'markdown' | 'brief' | 'json';

/** The optional metadata (subtitle, author, tags, parties) is declared in metadata.ts. */
export interface Briefing extends TextMetadata, ListMetadata {
  /** From front matter, else the file name without date prefix and extension. */
  id: string;
  title: string;
  /** Calendar date of the briefing, YYYY-MM-DD. */
  date: string;
  summary: string;
  sections: BriefingSections;
  source: Source | null;
  /** Path of the file it came from, as given to the loader. */
  file: string;
  format: BriefingFormat;
}

/**
 * One problem with one file, printed as `file:line: message`. An error keeps the file from loading; a
 * warning (`file:line: warning: message`) does not: the briefing is served and the editor is told.
 */
export interface Problem {
  file: string;
  /** 1-based line of the offending heading or field, when there is one. */
  line?: number;
  message: string;
  /** Absent for errors. */
  severity?: 'warning';
}

export function isWarning(problem: Problem): boolean {
  return problem.severity === 'warning';
}

export function formatProblem(problem: Problem): string {
  const message = isWarning(problem) ? `warning: ${problem.message}` : problem.message;
  return problem.line ? `${problem.file}:${problem.line}: ${message}` : `${problem.file}: ${message}`;
}

/** What a line of a pasted page was taken for when it went into no field or section. */
export type DroppedKind =
  | 'caption'
  | 'photo credit'
  | 'reference marker'
  | 'advertisement'
  | 'share buttons'
  | 'newsletter prompt'
  | 'trailer'
  | 'byline'
  | 'kicker'
  | 'date line'
  | 'author bio'
  | 'marker'
  | 'repeated line';

/** An input line that went into no field or section, as `briefings parse FILE --explain` lists it. */
export interface DroppedLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
  kind: DroppedKind;
}

/** The section a statement comes from: one of the three, the summary, or a further section's heading. */
export type StatementSection = SectionKey | 'summary' | { heading: string };

/** Human label of a statement's section, as cited to readers. */
export function sectionLabel(section: StatementSection): string {
  if (section === 'summary') return 'Summary';
  if (typeof section === 'object') return section.heading;
  return SECTION_LABELS[section];
}
