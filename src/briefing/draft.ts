/** What a parser has found in a file, before it is checked and becomes a Briefing. */
import { splitSentences } from '../text/sentences.js';
import {
  emptyLists,
  fieldOfLine,
  LIST_FIELDS,
  LIST_METADATA,
  type ListField,
  type ListMetadata,
  TEXT_FIELDS,
  TEXT_METADATA,
  type TextField,
  type TextMetadata,
} from './metadata.js';
import type { BriefingFormat, DroppedLine, ExtraSection, Problem, SectionKey, Source } from './model.js';
import type { ParsedBody } from './read/body.js';
import type { TextDate } from './read/date-line.js';
import type { Header } from './read/header.js';

export interface Located<T> {
  value: T;
  /** 1-based line it was read from. */
  line?: number;
}

export interface Draft extends TextMetadata, ListMetadata {
  format: BriefingFormat;
  id?: Located<string>;
  title?: Located<string>;
  date?: Located<string>;
  /** Dates printed in the text (`29 July 2019`): used when nothing else gives one. */
  textDates: TextDate[];
  summary?: Located<string>;
  /** Present once the file has the section's heading, even with nothing under it. */
  sections: Partial<Record<SectionKey, Located<string[]>>>;
  other: ExtraSection[];
  source?: Located<Source>;
  /** True when a heading or label names one of the three sections: what sets a brief apart from an article. */
  structured: boolean;
  /** Problems found while reading the format itself (front matter, JSON syntax and shape); warnings too. */
  problems: Problem[];
  /** Number of lines in the file: where a missing last section would go. */
  lastLine?: number;
  /** Set when the file could not be read far enough for further checks to mean anything. */
  unreadable?: boolean;
  /** Lines that went into no field or section. */
  dropped: DroppedLine[];
}

/** A value as front matter or JSON gives it: text, a number, or a list of them. */
export type Written = string | number | readonly (string | number)[] | null | undefined;

function textOf(value: Written): string | undefined {
  if (value === null || value === undefined || Array.isArray(value)) return undefined;
  const text = String(value);
  return text.trim() ? text : undefined;
}

function listOf(value: Written): string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string'
    ? value.split(',')
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];
}

/** Fills the metadata from front matter or JSON, by each field's keys in order (`subtitle`, then `deck`). */
export function applyMetadata(draft: Draft, writtenAs: (key: string) => Written): void {
  for (const field of TEXT_FIELDS) {
    const text = TEXT_METADATA[field].keys.map((key) => textOf(writtenAs(key))).find(Boolean);
    if (text !== undefined) draft[field] = text;
  }
  for (const field of LIST_FIELDS) {
    const values = LIST_METADATA[field].keys.flatMap((key) => listOf(writtenAs(key)));
    if (values.length > 0) draft[field] = cleanList(values);
  }
}

export function emptyDraft(format: BriefingFormat): Draft {
  return {
    format,
    textDates: [],
    sections: {},
    other: [],
    ...emptyLists(),
    structured: false,
    problems: [],
    dropped: [],
  };
}

/** Trimmed, without empties or repeats (compared case-insensitively), in first-seen order. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim().replace(/^#/, '').trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** What the top of a page gave: metadata lines, dates, a byline and the headline. */
export function applyHeader(draft: Draft, header: Header): void {
  for (const meta of header.meta) applyMeta(draft, meta.key, meta.value, meta.line);
  draft.textDates.push(...header.dates);
  if (header.author) draft.author ??= header.author;
  if (header.title) draft.title ??= { value: header.title.text, line: header.title.line };
}

/**
 * Moves a parsed body into the draft. The lede is the What happened section when the brief has none
 * of its own (its first sentence then the summary); otherwise it is the summary.
 */
export function applyBody(draft: Draft, body: ParsedBody): void {
  const file = '';
  for (const block of body.blocks) {
    if (block.target === 'summary') {
      if (!draft.summary && block.items.length > 0) {
        draft.summary = { value: block.items.join('\n\n'), line: block.line };
      } else if (block.items.length > 0) {
        addOther(draft, 'Summary', block.items);
      }
    } else if (block.target) {
      const section = draft.sections[block.target];
      if (section) section.value.push(...block.items);
      else draft.sections[block.target] = { value: [...block.items], line: block.line };
    } else {
      addOther(draft, block.heading, block.items);
    }
  }
  draft.structured ||= body.structured;
  for (const warning of body.warnings) draft.problems.push({ file, ...warning, severity: 'warning' });
  if (body.intro.length > 0) applyLede(draft, body.intro, body.introLine);
  if (body.source && !draft.source)
    draft.source = { value: { name: body.source.name }, line: body.source.line };
  for (const meta of body.meta) applyMeta(draft, meta.key, meta.value, meta.line);
  draft.textDates.push(...body.dates);
  if (body.author) draft.author ??= body.author;
}

function applyLede(draft: Draft, lede: string[], line: number | undefined): void {
  if (draft.structured && !draft.sections.whatHappened) {
    draft.sections.whatHappened = { value: [...lede], line };
    if (!draft.summary) draft.summary = { value: splitSentences(lede[0]!)[0] ?? lede[0]!, line };
  } else if (!draft.summary) draft.summary = { value: lede.join('\n\n'), line };
  else draft.other.unshift({ heading: 'Introduction', items: lede });
}

/** A further section; the same heading twice adds to the first. */
function addOther(draft: Draft, heading: string, items: readonly string[]): void {
  const key = heading.toLowerCase();
  const existing = draft.other.find((section) => section.heading.toLowerCase() === key);
  if (existing) existing.items.push(...items);
  else if (items.length > 0) draft.other.push({ heading, items: [...items] });
}

/** A `Key: value` line; values already given by the front matter win. */
export function applyMeta(draft: Draft, key: string, value: string, line: number): void {
  switch (key) {
    case 'date':
      draft.date ??= { value, line };
      break;
    case 'id':
      draft.id ??= { value, line };
      break;
    case 'source':
      draft.source ??= { value: { name: value }, line };
      break;
    default: {
      const metadata = fieldOfLine(key);
      if (metadata?.kind === 'text') draft[metadata.field as TextField] ??= value;
      else if (metadata?.kind === 'list') {
        const field = metadata.field as ListField;
        draft[field] = cleanList([...draft[field], ...value.split(',')]);
      }
    }
  }
}

/** Lines in a file, not counting the empty one after a final newline. */
export function lineCount(lines: readonly string[]): number {
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}
