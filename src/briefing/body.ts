/**
 * The body of a briefing as a run of blocks: headings (markdown `#`, a known section name on its own
 * line, an Axios-style label, or in plain-text briefs an upper-case line), each followed by items
 * (bullets, or paragraphs of soft-wrapped lines). Shared by the markdown and plain-text parsers.
 */
import { leadingLabel, type SectionTarget, sectionForHeading } from './section-names.js';
import { isUpperCaseLine, joinWrapped, sentenceCase } from './text.js';

/** `markdown`: headings start with `#`. `brief`: upper-case lines are headings too. */
export type HeadingStyle = 'markdown' | 'brief';

export interface BodyBlock {
  /** Where the block's items go; null for a heading the section table does not know. */
  target: SectionTarget | null;
  heading: string;
  /** 1-based line of the heading or label. */
  line: number;
  items: string[];
}

export type MetaKey = 'date' | 'tags' | 'parties' | 'id' | 'source' | 'author';

export interface MetaLine {
  key: MetaKey;
  value: string;
  line: number;
}

export interface ParsedBody {
  /** A level-1 heading opening the body that names no section: the document's title. */
  title?: { text: string; line: number };
  /** Paragraphs before the first heading. */
  intro: string[];
  introLine?: number;
  blocks: BodyBlock[];
  /** From a line such as "This briefing is based on information from Reuters." */
  source?: { name: string; line: number };
  /** `Date: 2025-12-15`, `Tags: a, b` ... lines standing on their own. */
  meta: MetaLine[];
}

const MD_HEADING = /^(#{1,6})(?:\s+|$)/;
const BULLET = /^(?:[-*+‣◦▪●–]\s+|•\s*|\d{1,3}[.)]\s+)/;
const THEMATIC_BREAK = /^(?:[-*_]\s*){3,}$/;
const HTML_COMMENT = /^<!--.*-->$/;
const QUOTE_MARKERS = /^(?:>\s?)+/;
const META_LINE = /^(date|tags|parties|id|source|sources|author|by)\s*:\s*(.*)$/i;
const SOURCE_LINE =
  /^(?:this|the) (?:briefing|brief|report|summary|story|article) (?:is|was) based on (?:information|reporting|reports?|material) (?:from|by) (.+?)\.?$/i;
const MAX_HEADING_LENGTH = 100;

/** Reads a `Key: value` metadata line; used for the body and for a plain-text brief's header and footer. */
export function readMetaLine(line: string, lineNumber: number): MetaLine | undefined {
  const match = META_LINE.exec(line.trim());
  if (!match) return undefined;
  const value = match[2]!.trim();
  if (!value) return undefined;
  const word = match[1]!.toLowerCase();
  const key: MetaKey = word === 'sources' ? 'source' : word === 'by' ? 'author' : (word as MetaKey);
  return { key, value, line: lineNumber };
}

/** The source named by a "This briefing is based on information from X." line. */
export function readSourceLine(line: string): string | undefined {
  return SOURCE_LINE.exec(line.trim())?.[1]?.trim() || undefined;
}

/** Drops emphasis around a heading and a trailing colon; scans by hand so a huge line stays linear. */
function cleanHeading(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '*' || text[start] === '_')) start++;
  while (end > start && '*_: \t'.includes(text[end - 1]!)) end--;
  return sentenceCase(text.slice(start, end).trim());
}

/** `## Why it matters ##` loses its closing hashes; `## C#` keeps its one. */
function headingText(rest: string): string {
  const text = rest.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const closing = end === 0 || text[end - 1] === ' ';
  return (closing ? text.slice(0, end) : text).trim();
}

export function parseBody(
  lines: readonly string[],
  start: number,
  end: number,
  style: HeadingStyle,
  options: { titleFromHeading?: boolean } = {},
): ParsedBody {
  const body: ParsedBody = { intro: [], blocks: [], meta: [] };
  let block: BodyBlock | null = null;
  let parts: string[] = [];
  let atBlockStart = true;

  const flush = () => {
    if (parts.length === 0) return;
    const text = joinWrapped(parts);
    parts = [];
    if (!text) return;
    if (block) block.items.push(text);
    else body.intro.push(text);
  };
  const open = (target: SectionTarget | null, heading: string, index: number) => {
    flush();
    block = { target, heading, line: index + 1, items: [] };
    body.blocks.push(block);
  };

  for (let index = start; index < end; index++) {
    let line = lines[index]!.trim();
    if (line.startsWith('>')) line = line.replace(QUOTE_MARKERS, '').trim();
    if (line === '' || HTML_COMMENT.test(line) || (line.length <= 80 && THEMATIC_BREAK.test(line))) {
      flush();
      atBlockStart = true;
      continue;
    }

    const hashes = line.startsWith('#') ? MD_HEADING.exec(line) : null;
    if (hashes) {
      const text = headingText(line.slice(hashes[0].length));
      if (!text) continue;
      const target = sectionForHeading(text) ?? null;
      const isTitle =
        options.titleFromHeading &&
        hashes[1]!.length === 1 &&
        !target &&
        !body.title &&
        body.blocks.length === 0 &&
        body.intro.length === 0 &&
        parts.length === 0;
      if (isTitle) body.title = { text, line: index + 1 };
      else open(target, target ? text : cleanHeading(text), index);
      atBlockStart = true;
      continue;
    }

    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      const text = line.slice(bullet[0].length);
      if (text) parts.push(text);
      atBlockStart = false;
      continue;
    }

    if (atBlockStart) {
      const meta = readMetaLine(line, index + 1);
      if (meta) {
        body.meta.push(meta);
        continue;
      }
    }

    const source = readSourceLine(line);
    if (source) {
      flush();
      body.source ??= { name: source, line: index + 1 };
      atBlockStart = true;
      continue;
    }

    if (line.length <= MAX_HEADING_LENGTH) {
      const known = sectionForHeading(line);
      const upper = style === 'brief' && isUpperCaseLine(line);
      if (known && (atBlockStart || style === 'brief' || line.endsWith(':'))) {
        open(known, line, index);
        atBlockStart = true;
        continue;
      }
      if (upper) {
        open(null, cleanHeading(line), index);
        atBlockStart = true;
        continue;
      }
    }

    const label = leadingLabel(line);
    if (label) {
      open(label.target, line.slice(0, line.indexOf(':')), index);
      if (label.rest) parts.push(label.rest);
      atBlockStart = !label.rest;
      continue;
    }

    if (!block && body.intro.length === 0 && parts.length === 0) body.introLine = index + 1;
    parts.push(line);
    atBlockStart = false;
  }
  flush();
  return body;
}
