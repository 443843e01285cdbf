/**
 * The body of a brief as newsrooms lay it out: a lede, then sections opened by headings on their own
 * line (`## What happened`, `WHY IT MATTERS`, `What's next?`), by labels opening a paragraph
 * (`Why it matters: ...`, `**The big picture:**`), or by lead-in phrases (`Why now. ...`); bullets and
 * paragraphs under them. Names from the section table always open a section; other labels and
 * headings do only in a brief that has such structure, so a raw article's subheadings never do.
 */
import type { DroppedLine } from '../model.js';
import { type SectionTarget, targetsForHeading } from '../section-names.js';
import { isUpperCaseLine, joinWrapped, sentenceCase } from '../text.js';
import { dateLine, type TextDate } from './date-line.js';
import { isTrailer } from './junk.js';
import { dropLine, type PageLine } from './lines.js';
import { type MetaLine, readMetaLine, readSourceLine } from './meta-lines.js';
import { stripReferences } from './references.js';
import {
  bylineOf,
  colonLabel,
  endsSentence,
  type HeadingShape,
  headingLine,
  type LabelShape,
  leadInLabel,
} from './shapes.js';

/** `markdown`: `#` headings and backslash escapes. `brief`: upper-case lines are headings too. */
export type HeadingStyle = 'markdown' | 'brief';

export interface BodyBlock {
  /** Where the block's items go; null for a heading the section table does not know. */
  target: SectionTarget | null;
  heading: string;
  /** 1-based line of the heading or label. */
  line: number;
  items: string[];
}

export interface BodyWarning {
  line: number;
  message: string;
}

export interface ParsedBody {
  /** A level-1 heading opening the body that names no section: the document's title. */
  title?: { text: string; line: number };
  /** The lede: paragraphs before the first heading or label. */
  intro: string[];
  introLine?: number;
  blocks: BodyBlock[];
  /** From a line such as "This briefing is based on information from Reuters." */
  source?: { name: string; line: number };
  /** `Date: 2025-12-15`, `Tags: a, b` ... lines standing on their own. */
  meta: MetaLine[];
  /** Date lines (`29 July 2019`) in the body. */
  dates: TextDate[];
  /** From a byline (`By Anna Keller`). */
  author?: string;
  /** True when a heading or label from the section table names one of the three sections. */
  structured: boolean;
  warnings: BodyWarning[];
}

export interface BodyOptions {
  style: HeadingStyle;
  /** A leading `# Title` is the title (markdown without one in front matter). */
  titleFromHeading?: boolean;
}

const MD_HEADING = /^(#{1,6})(?:\s+|$)/;
const MARKER = /^news brief(?:ing)?$/i;
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const THREE_SECTIONS: ReadonlySet<SectionTarget | undefined> = new Set([
  'whatHappened',
  'whyItMatters',
  'implications',
]);

type Token =
  | { kind: 'blank' }
  | { kind: 'skip' }
  | { kind: 'meta'; meta: MetaLine }
  | { kind: 'source'; name: string }
  | { kind: 'md-heading'; level: number; text: string }
  | { kind: 'bullet'; text: string; label?: LabelShape }
  | { kind: 'text'; text: string; label?: LabelShape; heading?: HeadingShape };

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

export function readBody(
  lines: readonly PageLine[],
  options: BodyOptions,
  dropped: DroppedLine[],
): ParsedBody {
  const body: ParsedBody = { intro: [], blocks: [], meta: [], dates: [], structured: false, warnings: [] };
  const tokens = tokenize(lines, body, dropped);
  const starts = paragraphStarts(tokens);
  const leadIns = tokens.filter(
    (token, at) => token.kind === 'text' && token.label?.style === 'lead-in' && starts[at],
  ).length;
  // One lead-in phrase could be a short sentence; a brief that uses them uses several.
  const leadInsCount = leadIns >= 2;
  body.structured = tokens.some((token, at) => {
    if (token.kind === 'md-heading') return THREE_SECTIONS.has(targetsForHeading(token.text)?.target);
    if (token.kind === 'bullet') return THREE_SECTIONS.has(token.label?.targets?.target);
    if (token.kind !== 'text') return false;
    if (THREE_SECTIONS.has(token.heading?.targets?.target)) return true;
    const label = token.label;
    const counted = label?.style === 'colon' || (leadInsCount && starts[at] === true);
    return counted && THREE_SECTIONS.has(label?.targets?.target);
  });
  const blankParagraphs = usesBlankLines(tokens);

  let block: BodyBlock | null = null;
  let parts: string[] = [];
  let partsLine = 0;
  let into: BodyBlock | null = null;

  const flush = () => {
    if (parts.length === 0) return;
    const joined = joinWrapped(parts);
    const text = options.style === 'markdown' ? joined.replace(MARKDOWN_ESCAPE, '$1') : joined;
    parts = [];
    if (!text) return;
    if (into) into.items.push(text);
    else {
      if (body.intro.length === 0) body.introLine = partsLine;
      body.intro.push(text);
    }
  };
  const start = (text: string, line: number, target: BodyBlock | null) => {
    flush();
    into = target;
    partsLine = line;
    if (text) parts.push(text);
  };
  const open = (target: SectionTarget | null, heading: string, line: number): BodyBlock => {
    flush();
    const opened: BodyBlock = { target, heading, line, items: [] };
    body.blocks.push(opened);
    block = opened;
    into = opened;
    return opened;
  };
  const openNamed = (heading: string, shape: { targets?: LabelShape['targets'] }, line: number) => {
    const targets = shape.targets;
    if (targets?.also) {
      body.warnings.push({
        line,
        message: `the heading "${heading}" names two sections: its text went to ${sectionName(targets.target)}, not ${sectionName(targets.also)}`,
      });
    }
    return open(targets?.target ?? null, targets ? heading : cleanHeading(heading), line);
  };
  const sectionFor = (target: SectionTarget, line: number): BodyBlock =>
    body.blocks.find((candidate) => candidate.target === target) ?? open(target, sectionName(target), line);

  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    const line = lines[at]!.index + 1;
    switch (token.kind) {
      case 'blank':
      case 'skip':
        flush();
        continue;
      case 'meta':
        flush();
        body.meta.push(token.meta);
        continue;
      case 'source':
        flush();
        body.source ??= { name: token.name, line };
        continue;
      case 'md-heading': {
        const known = targetsForHeading(token.text);
        const isTitle =
          options.titleFromHeading &&
          token.level === 1 &&
          !known &&
          !body.title &&
          body.blocks.length === 0 &&
          body.intro.length === 0 &&
          parts.length === 0;
        if (isTitle) body.title = { text: token.text, line };
        else openNamed(token.text, { targets: known }, line);
        continue;
      }
      case 'bullet': {
        const label = token.label;
        if (label?.targets && label.rest) {
          // `- Why it matters: ...` in a key-points list: the item goes where its label says.
          const current: BodyBlock | null = block;
          start(label.rest, line, sectionFor(label.targets.target, line));
          block = current;
        } else start(token.text, line, block);
        continue;
      }
      case 'text': {
        const opened = openSection(token, at);
        if (opened !== undefined) {
          if (opened) start(opened, line, block);
          continue;
        }
        const last = parts[parts.length - 1];
        if (last !== undefined && !blankParagraphs && endsSentence(last)) start(token.text, line, into);
        else if (last === undefined) start(token.text, line, block);
        else parts.push(token.text);
        continue;
      }
    }
  }
  flush();
  return body;

  /** Opens a section when the line is a heading or label: the text after a label, '' for none; undefined when it is text. */
  function openSection(token: Extract<Token, { kind: 'text' }>, at: number): string | undefined {
    const line = lines[at]!.index + 1;
    const label = token.label;
    const heading = token.heading;
    if (heading?.targets && !label?.rest) {
      openNamed(heading.heading, heading, line);
      return '';
    }
    if (label?.targets && (label.style === 'colon' || (leadInsCount && starts[at]))) {
      openNamed(label.label, label, line);
      return label.rest;
    }
    if (!starts[at]) return undefined;
    if (body.structured) {
      if (label && (label.style === 'colon' || leadInsCount)) {
        openNamed(label.label, label, line);
        return label.rest;
      }
      if (heading && (heading.looksLikeHeading || standsAlone(at)) && followedByText(at)) {
        openNamed(heading.heading, heading, line);
        return '';
      }
    }
    if (options.style === 'brief' && heading && isUpperCaseLine(heading.heading) && followedByText(at)) {
      openNamed(heading.heading, heading, line);
      return '';
    }
    return undefined;
  }

  function standsAlone(at: number): boolean {
    return tokens[at - 1]?.kind !== 'text' && tokens[at + 1]?.kind !== 'text';
  }

  /** A heading has something under it: the next filled line is text or a bullet, not another heading. */
  function followedByText(at: number): boolean {
    for (let next = at + 1; next < tokens.length; next++) {
      const token = tokens[next]!;
      if (token.kind === 'blank' || token.kind === 'skip') continue;
      if (token.kind === 'bullet') return true;
      if (token.kind !== 'text') return false;
      return !(token.heading?.targets || (token.heading?.looksLikeHeading && !endsSentence(token.text)));
    }
    return false;
  }
}

function sectionName(target: SectionTarget): string {
  return {
    whatHappened: 'What happened',
    whyItMatters: 'Why it matters',
    implications: 'Implications',
    summary: 'Summary',
  }[target];
}

/** One token a line, with junk, trailers, dates and bylines set aside and reported. */
function tokenize(lines: readonly PageLine[], body: ParsedBody, dropped: DroppedLine[]): Token[] {
  const tokens: Token[] = [];
  let seenText = false;
  let trailing = false;
  for (const line of lines) {
    const text = withoutReferences(line, dropped);
    if (!text) {
      tokens.push({ kind: 'blank' });
      continue;
    }
    if (!trailing && seenText && line.bullet === undefined && isTrailer(text)) trailing = true;
    if (trailing || line.junk) {
      dropLine(dropped, line, trailing ? 'trailer' : line.junk!);
      tokens.push({ kind: 'skip' });
      continue;
    }
    const hashes = text.startsWith('#') ? MD_HEADING.exec(text) : null;
    if (hashes) {
      const heading = headingText(text.slice(hashes[0].length));
      tokens.push(
        heading ? { kind: 'md-heading', level: hashes[1]!.length, text: heading } : { kind: 'skip' },
      );
      continue;
    }
    if (line.bullet !== undefined) {
      seenText = true;
      const bullet = stripReferences(line.bullet).text;
      const label = colonLabel(bullet);
      tokens.push({ kind: 'bullet', text: bullet, ...(label?.targets ? { label } : {}) });
      continue;
    }
    const meta = readMetaLine(text, line.index + 1);
    if (meta) {
      tokens.push({ kind: 'meta', meta });
      continue;
    }
    const source = readSourceLine(text);
    if (source) {
      tokens.push({ kind: 'source', name: source });
      continue;
    }
    if (text.length <= 20 && MARKER.test(text)) {
      dropLine(dropped, line, 'marker');
      tokens.push({ kind: 'skip' });
      continue;
    }
    const date = dateLine(text);
    if (date) {
      body.dates.push({ date, line: line.index + 1, text });
      tokens.push({ kind: 'skip' });
      continue;
    }
    const byline = bylineOf(text);
    if (byline) {
      if (body.author) dropLine(dropped, line, 'byline');
      else body.author = byline.author;
      tokens.push({ kind: 'skip' });
      continue;
    }
    seenText = true;
    const label = colonLabel(text) ?? leadInLabel(text);
    const heading = headingLine(text);
    tokens.push({ kind: 'text', text, ...(label ? { label } : {}), ...(heading ? { heading } : {}) });
  }
  return tokens;
}

/** The line's text with reference markers taken out, and reported. */
function withoutReferences(line: PageLine, dropped: DroppedLine[]): string {
  if (!line.text || line.junk) return line.text;
  const { text, markers } = stripReferences(line.text);
  for (const marker of markers)
    dropped.push({ line: line.index + 1, text: marker, kind: 'reference marker' });
  return text;
}

/** Where a new paragraph may begin: after a blank or set-aside line, a heading, or a finished sentence. */
function paragraphStarts(tokens: readonly Token[]): boolean[] {
  const starts: boolean[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    starts.push(
      !previous ||
        (previous.kind !== 'text' && previous.kind !== 'bullet') ||
        endsSentence(previous.text) ||
        !!previous.label?.targets ||
        (previous.kind === 'text' && !!previous.heading),
    );
    previous = token;
  }
  return starts;
}

/** True when the brief separates paragraphs with blank lines, so lines in one paragraph are soft-wrapped. */
function usesBlankLines(tokens: readonly Token[]): boolean {
  const isProse = (token: Token | undefined) =>
    token?.kind === 'text' && !token.heading?.targets && !(token.label && !token.label.rest);
  for (let at = 1; at < tokens.length - 1; at++) {
    if (tokens[at]!.kind !== 'blank') continue;
    let before = at - 1;
    while (before > 0 && tokens[before]!.kind === 'blank') before--;
    let after = at + 1;
    while (after < tokens.length - 1 && tokens[after]!.kind === 'blank') after++;
    if (isProse(tokens[before]) && isProse(tokens[after])) return true;
  }
  return false;
}
