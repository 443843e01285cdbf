/**
 * Turns a draft into a Briefing, or into problems an editor can act on: each names what is missing
 * or wrong, how to fix it in this file's format, and the line where it is.
 */
import { extname } from 'node:path';
import { z } from 'zod';
import { splitSentences } from '../text/sentences.js';
import { checkDate, fileNameParts } from './dates.js';
import type { Draft } from './draft.js';
import { LIST_FIELDS, type ListMetadata, TEXT_FIELDS, type TextMetadata } from './metadata.js';
import {
  type Briefing,
  type BriefingFormat,
  type DroppedLine,
  isWarning,
  type Problem,
  SECTION_KEYS,
  SECTION_LABELS,
  type SectionKey,
} from './model.js';
import { readerWarnings } from './reader-warnings.js';
import { stripControls } from './text.js';

export interface ParseResult {
  briefing: Briefing | null;
  /** Errors (the briefing is null) and warnings (it loads). */
  problems: Problem[];
  /** Input lines that went into no field or section, with what they were taken for. */
  dropped: DroppedLine[];
}

const NOT_A_BRIEFING =
  'not a briefing: no What happened, Why it matters or Implications section found; this reads as an ' +
  'article (a brief has headings or labels such as `What happened`, `Why it matters:` or `What’s next?`)';

/** A label an editor of a brief would write to open each section. */
const LABEL_EXAMPLES: Record<SectionKey, string> = {
  whatHappened: 'Driving the news:',
  whyItMatters: 'Why it matters:',
  implications: 'What’s next:',
};

interface Hints {
  title: string;
  date: string;
  summary: string;
  missing: (key: SectionKey) => string;
}

function hintsFor(format: BriefingFormat, extension: string): Hints {
  const label = (key: SectionKey) => SECTION_LABELS[key];
  switch (format) {
    case 'markdown':
      return {
        title: 'no title: add `title:` to the front matter or start the text with a `# Title` line',
        date: `no date: add \`date: YYYY-MM-DD\` to the front matter or name the file YYYY-MM-DD-<id>${extension}`,
        summary:
          'no summary: add `summary:` to the front matter, a `## Summary` section, or a paragraph before the first section',
        missing: (key) =>
          `no ${label(key)} section: add a \`## ${label(key)}\` heading with bullets under it`,
      };
    case 'brief':
      return {
        title: 'no headline: add the headline as the first line of the brief',
        date: `no date: add a \`Date: YYYY-MM-DD\` line or name the file YYYY-MM-DD-<id>${extension}`,
        summary: 'no summary: add a paragraph between the headline and the first section',
        missing: (key) =>
          `no ${label(key)} section: add a heading such as \`${label(key)}\` or a label such as \`${LABEL_EXAMPLES[key]}\``,
      };
    case 'json':
      return {
        title: 'no title: add "title": "..."',
        date: `no date: add "date": "YYYY-MM-DD" or name the file YYYY-MM-DD-<id>${extension}`,
        summary: 'no summary: add "summary": "..."',
        missing: (key) => `no ${label(key)} section: add "sections": {"${key}": ["..."]}`,
      };
  }
}

const nonEmptyText = (message: string) => z.string({ error: message }).trim().min(1, message);

function briefingSchema(hints: Hints) {
  return z.object({
    id: z
      .string()
      .min(1, 'no id: add `id:` or give the file a name')
      .max(100, 'the id is longer than 100 characters: shorten the file name or set a shorter `id`')
      .regex(/^[^\s]+$/, 'the id has spaces: use dashes in the file name or set an `id` without spaces'),
    title: nonEmptyText(hints.title),
    // What is stored is the checked YYYY-MM-DD, never the text as written (` 2025-12-19`, a timestamp).
    date: z.string({ error: hints.date }).transform((value, ctx) => {
      const checked = checkDate(value);
      if (checked.ok) return checked.date;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }),
    summary: nonEmptyText(hints.summary),
    source: z
      .object({
        name: z.string().trim().min(1, 'the source has no name'),
        url: z
          .string()
          .refine(
            (url) => /^https?:\/\//i.test(url) && URL.canParse(url),
            'the source url must be a full http(s):// link',
          )
          .optional(),
      })
      .nullable(),
  });
}

const hintsCache = new Map<string, Hints>();

function cachedHints(format: BriefingFormat, extension: string): Hints {
  const key = `${format}${extension}`;
  let hints = hintsCache.get(key);
  if (!hints) {
    hints = hintsFor(format, extension);
    hintsCache.set(key, hints);
  }
  return hints;
}

const schemaCache = new Map<string, ReturnType<typeof briefingSchema>>();

function schemaFor(format: BriefingFormat, extension: string) {
  const key = `${format}${extension}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = briefingSchema(cachedHints(format, extension));
    schemaCache.set(key, schema);
  }
  return schema;
}

export function assemble(file: string, read: Draft): ParseResult {
  const draft = withoutControls(read);
  const problems = draft.problems.map((problem) => (problem.file ? problem : { ...problem, file }));
  if (draft.unreadable) return { briefing: null, problems, dropped: draft.dropped };
  if (!SECTION_KEYS.some((key) => draft.sections[key]?.value.length)) {
    problems.push({ file, line: firstSectionLine(draft), message: NOT_A_BRIEFING });
    return { briefing: null, problems, dropped: draft.dropped };
  }
  const fromName = fileNameParts(file);
  const extension = extname(file).toLowerCase();
  const hints = cachedHints(draft.format, extension);
  const date = draft.date ?? (fromName.date ? { value: fromName.date } : undefined) ?? draft.textDates[0];
  const dropped = [...draft.dropped, ...unusedDateLines(draft, date)].sort((a, b) => a.line - b.line);
  const candidate = {
    id: draft.id?.value.trim() ?? fromName.id,
    title: draft.title?.value,
    date: date && 'date' in date ? date.date : date?.value,
    summary: draft.summary?.value ?? standInSummary(file, draft, hints, problems),
    source: draft.source?.value ?? null,
  };
  const checked = schemaFor(draft.format, extension).safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      problems.push({ file, line: lineOf(draft, issue.path), message: issue.message });
    }
  }
  problems.push(...sectionWarnings(file, draft, hints));
  if (checked.success) problems.push(...readerWarnings(file, draft));
  if (!checked.success || problems.some((problem) => !isWarning(problem))) {
    return { briefing: null, problems, dropped };
  }
  const value = checked.data;
  const sections = {
    whatHappened: draft.sections.whatHappened?.value ?? [],
    whyItMatters: draft.sections.whyItMatters?.value ?? [],
    implications: draft.sections.implications?.value ?? [],
  };
  const briefing: Briefing = {
    id: value.id,
    title: value.title,
    date: value.date,
    summary: value.summary,
    sections,
    source: value.source,
    ...metadataOf(draft),
    file,
    format: draft.format,
  };
  if (draft.other.length > 0) briefing.sections.other = draft.other;
  return { briefing, problems, dropped };
}

/**
 * The draft without control characters. The file's text was cleaned before it was read, but escapes in JSON
 * strings and YAML double quotes (`"\u001b[2J"`, `"\e]0;title\a"`) only become control characters when parsed.
 */
function withoutControls(draft: Draft): Draft {
  const clean = stripControls;
  const located = <T>(field: { value: T; line?: number } | undefined, map: (value: T) => T) =>
    field && { ...field, value: map(field.value) };
  const lines = (items: readonly string[]) => items.map(clean);
  const sections: Draft['sections'] = {};
  for (const key of SECTION_KEYS) {
    const section = located(draft.sections[key], lines);
    if (section) sections[key] = section;
  }
  const source = located(draft.source, ({ name, url }) => ({
    name: clean(name),
    ...(url === undefined ? {} : { url: clean(url) }),
  }));
  return {
    ...draft,
    ...(draft.id && { id: located(draft.id, clean) }),
    ...(draft.title && { title: located(draft.title, clean) }),
    ...(draft.date && { date: located(draft.date, clean) }),
    ...(draft.summary && { summary: located(draft.summary, clean) }),
    ...(source && { source }),
    sections,
    other: draft.other.map((extra) => ({ heading: clean(extra.heading), items: lines(extra.items) })),
    ...Object.fromEntries(
      TEXT_FIELDS.flatMap((field) => (draft[field] === undefined ? [] : [[field, clean(draft[field])]])),
    ),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, lines(draft[field])])),
  };
}

/** The draft's metadata as the briefing holds it: text trimmed, and left out when empty. */
function metadataOf(draft: Draft): TextMetadata & ListMetadata {
  const text: TextMetadata = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field]?.trim();
    if (value) text[field] = value;
  }
  const lists = Object.fromEntries(
    LIST_FIELDS.map((field) => [field, draft[field]]),
  ) as unknown as ListMetadata;
  return { ...text, ...lists };
}

/** A brief may lack one or two of the three sections: it loads, and the editor is told which. */
function sectionWarnings(file: string, draft: Draft, hints: Hints): Problem[] {
  const warnings: Problem[] = [];
  for (const key of SECTION_KEYS) {
    const section = draft.sections[key];
    if (!section) {
      warnings.push({
        file,
        line: sectionPlace(draft, key),
        message: hints.missing(key),
        severity: 'warning',
      });
    } else if (section.value.length === 0) {
      const message = `the ${SECTION_LABELS[key]} section has no text: add bullets or a paragraph under its heading`;
      warnings.push({ file, line: section.line, message, severity: 'warning' });
    }
  }
  return warnings;
}

/**
 * A brief that goes straight from its headline to its sections (a key-points list) has no summary:
 * the first sentence of its first section stands in, and the editor is told.
 */
function standInSummary(file: string, draft: Draft, hints: Hints, problems: Problem[]): string | undefined {
  for (const key of SECTION_KEYS) {
    const first = draft.sections[key]?.value[0];
    if (!first) continue;
    const advice = hints.summary.replace(/^no summary: /, '');
    const message = `no summary: the first sentence of ${SECTION_LABELS[key]} stands in; ${advice}`;
    problems.push({ file, line: draft.title?.line ?? 1, message, severity: 'warning' });
    return splitSentences(first)[0] ?? first;
  }
  return undefined;
}

/** Date lines in the text that did not become the briefing's date. */
function unusedDateLines(draft: Draft, used: unknown): DroppedLine[] {
  return draft.textDates
    .filter((found) => found !== used)
    .map((found) => ({ line: found.line, text: found.text, kind: 'date line' as const }));
}

function firstSectionLine(draft: Draft): number | undefined {
  const lines = SECTION_KEYS.map((key) => draft.sections[key]?.line).filter((line) => line !== undefined);
  return lines.length ? Math.min(...lines) : undefined;
}

/** The line a problem is about; for something missing, where it belongs. */
function lineOf(draft: Draft, path: readonly PropertyKey[]): number | undefined {
  const [field, key] = path;
  if (field === 'sections')
    return draft.sections[key as SectionKey]?.line ?? sectionPlace(draft, key as SectionKey);
  if (field === 'source') return draft.source?.line;
  if (field === 'id' || field === 'title' || field === 'date' || field === 'summary')
    return draft[field]?.line ?? 1;
  return undefined;
}

/** A missing section goes before the next section present, or at the end of the file. */
function sectionPlace(draft: Draft, key: SectionKey): number | undefined {
  const later = SECTION_KEYS.slice(SECTION_KEYS.indexOf(key) + 1);
  for (const next of later) {
    const line = draft.sections[next]?.line;
    if (line) return line;
  }
  return draft.lastLine;
}
