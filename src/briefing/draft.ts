/** What a parser has found in a file, before it is checked and becomes a Briefing. */
import type { ParsedBody } from './body.js';
import type { BriefingFormat, DroppedLine, ExtraSection, Problem, SectionKey, Source } from './model.js';

export interface Located<T> {
  value: T;
  /** 1-based line it was read from. */
  line?: number;
}

export interface Draft {
  format: BriefingFormat;
  id?: Located<string>;
  title?: Located<string>;
  subtitle?: string;
  date?: Located<string>;
  summary?: Located<string>;
  /** Present once the file has the section's heading, even with nothing under it. */
  sections: Partial<Record<SectionKey, Located<string[]>>>;
  other: ExtraSection[];
  source?: Located<Source>;
  author?: string;
  tags: string[];
  parties: string[];
  /** Problems found while reading the format itself (front matter, JSON syntax and shape). */
  problems: Problem[];
  /** Number of lines in the file: where a missing last section would go. */
  lastLine?: number;
  /** Set when the file could not be read far enough for further checks to mean anything. */
  unreadable?: boolean;
  /** Lines that went into no field or section. */
  dropped: DroppedLine[];
}

export function emptyDraft(format: BriefingFormat): Draft {
  return { format, sections: {}, other: [], tags: [], parties: [], problems: [], dropped: [] };
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

/** Moves a parsed body into the draft: sections, further sections, summary, source and metadata lines. */
export function applyBody(draft: Draft, body: ParsedBody): void {
  for (const block of body.blocks) {
    if (block.target === 'summary') {
      if (!draft.summary && block.items.length > 0) {
        draft.summary = { value: block.items.join('\n\n'), line: block.line };
      } else if (block.items.length > 0) {
        draft.other.push({ heading: 'Summary', items: block.items });
      }
    } else if (block.target) {
      const section = draft.sections[block.target];
      if (section) section.value.push(...block.items);
      else draft.sections[block.target] = { value: [...block.items], line: block.line };
    } else if (block.items.length > 0) {
      draft.other.push({ heading: block.heading, items: block.items });
    }
  }
  if (body.intro.length > 0) {
    if (!draft.summary) draft.summary = { value: body.intro.join('\n\n'), line: body.introLine };
    else draft.other.unshift({ heading: 'Introduction', items: body.intro });
  }
  if (body.source && !draft.source)
    draft.source = { value: { name: body.source.name }, line: body.source.line };
  for (const meta of body.meta) applyMeta(draft, meta.key, meta.value, meta.line);
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
    case 'author':
      draft.author ??= value;
      break;
    case 'tags':
      draft.tags = cleanList([...draft.tags, ...value.split(',')]);
      break;
    case 'parties':
      draft.parties = cleanList([...draft.parties, ...value.split(',')]);
      break;
  }
}

/** Lines in a file, not counting the empty one after a final newline. */
export function lineCount(lines: readonly string[]): number {
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}
