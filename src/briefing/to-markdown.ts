/**
 * A briefing as canonical markdown: YAML front matter for the fields, then `##` sections of `- ` bullets.
 * `briefings import` writes it; reading it back gives the same briefing (see `markdown-escape.ts` for the
 * escapes in bullets and headings).
 *
 * The title lives in the front matter only: a `# Title` line as well would say it twice, and a title that
 * names a section (`# Implications`) would open that section instead. There is no `id:` either: the file
 * name gives the id. Text is written in the form every reader produces: bullets and headings on one line
 * with single spaces (a bullet cannot hold a line break), front matter values trimmed, and the characters
 * every file loses on reading (BOM, zero-width spaces, non-breaking spaces, CR) already normalised.
 * The reader refuses front matter over 8 KB, so a summary of several thousand words would not load back.
 */
import { dump } from 'js-yaml';
import { TEXT_SCHEMA } from './front-matter.js';
import { escapeHeading, escapeItem } from './markdown-escape.js';
import { LIST_FIELDS, LIST_METADATA, TEXT_FIELDS, TEXT_METADATA } from './metadata.js';
import { type Briefing, SECTION_KEYS, SECTION_LABELS } from './model.js';
import { normalizeText } from './text.js';

// The front matter reader's own schema: dumping with it quotes exactly the values that would otherwise
// read back as null, and leaves `2025-12-15` or `1984` bare.
const DUMP_OPTIONS = { schema: TEXT_SCHEMA, lineWidth: 100, noRefs: true };

export interface MarkdownExtras {
  /** Parties to declare after the briefing's own (detected ones, for `briefings import`). */
  parties?: readonly string[];
}

export function briefingToMarkdown(briefing: Briefing, extra: MarkdownExtras = {}): string {
  const lines = ['---', dump(frontMatter(briefing, extra), DUMP_OPTIONS).trimEnd(), '---'];
  for (const key of SECTION_KEYS) section(lines, SECTION_LABELS[key], briefing.sections[key], false);
  for (const other of briefing.sections.other ?? []) section(lines, other.heading, other.items, true);
  return `${lines.join('\n')}\n`;
}

function frontMatter(briefing: Briefing, extra: MarkdownExtras): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    title: fieldText(briefing.title),
    date: briefing.date,
    summary: fieldText(briefing.summary),
  };
  const source = briefing.source;
  if (source) {
    const name = fieldText(source.name);
    const url = fieldText(source.url ?? '');
    fields.source = url ? { name, url } : name;
  }
  for (const field of TEXT_FIELDS) {
    const text = fieldText(briefing[field] ?? '');
    if (text) fields[TEXT_METADATA[field].keys[0]] = text;
  }
  for (const field of LIST_FIELDS) {
    const names = uniqueNames([...briefing[field], ...(field === 'parties' ? (extra.parties ?? []) : [])]);
    if (names.length > 0) fields[LIST_METADATA[field].keys[0]] = names;
  }
  return fields;
}

function section(lines: string[], heading: string, items: readonly string[], further: boolean): void {
  const bullets = items.map(lineText).filter(Boolean);
  if (bullets.length === 0) return;
  lines.push('', `## ${further ? escapeHeading(lineText(heading)) : heading}`, '');
  for (const item of bullets) lines.push(`- ${escapeItem(item)}`);
}

/** A front matter value as it reads back: YAML keeps anything, reading trims and normalises the file. */
function fieldText(value: string): string {
  return normalizeText(value).trim();
}

/** A bullet or heading: one line, single spaces. */
function lineText(value: string): string {
  return normalizeText(value).replace(/\s+/g, ' ').trim();
}

/** Trimmed, without empties or repeats (compared case-insensitively), in first-seen order. */
function uniqueNames(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map(fieldText)) {
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
