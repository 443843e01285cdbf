/**
 * A brief's body as tokens, one a line: blank, set aside (junk, trailers, date lines, bylines, all
 * reported), metadata, a source line, a markdown heading, a bullet, or text with the label and heading
 * shapes it could have. Also the two facts about the whole that reading needs: where a paragraph may
 * start, and whether the brief separates paragraphs with blank lines.
 */
import type { DroppedLine } from '../model.js';
import type { TextDate } from './date-line.js';
import { dateLine } from './date-line.js';
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

export type Token =
  | { kind: 'blank' }
  | { kind: 'skip' }
  | { kind: 'meta'; meta: MetaLine }
  | { kind: 'source'; name: string }
  | { kind: 'md-heading'; level: number; text: string }
  | { kind: 'bullet'; text: string; label?: LabelShape }
  | { kind: 'text'; text: string; label: LabelShape | undefined; heading: HeadingShape | undefined };

/** What tokenizing found besides tokens: date lines and the byline. */
export interface TokenFinds {
  dates: TextDate[];
  author?: string;
}

const MD_HEADING = /^(#{1,6})(?:\s+|$)/;
const MARKER = /^news brief(?:ing)?$/i;

/** `## Why it matters ##` loses its closing hashes; `## C#` keeps its one. */
function headingText(rest: string): string {
  const text = rest.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const closing = end === 0 || text[end - 1] === ' ';
  return (closing ? text.slice(0, end) : text).trim();
}

/** One token a line, with junk, trailers, dates and bylines set aside and reported. */
export function tokenize(lines: readonly PageLine[], finds: TokenFinds, dropped: DroppedLine[]): Token[] {
  const tokens: Token[] = [];
  let seenText = false;
  let trailing = false;
  for (const line of lines) {
    if (!line.text) {
      tokens.push({ kind: 'blank' });
      continue;
    }
    const text =
      line.bullet === undefined && !line.junk ? withoutReferences(line.text, line.index, dropped) : line.text;
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
      const bullet = withoutReferences(line.bullet, line.index, dropped);
      const label = bullet.includes(':') ? colonLabel(bullet) : undefined;
      tokens.push(
        label?.targets ? { kind: 'bullet', text: bullet, label } : { kind: 'bullet', text: bullet },
      );
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
      finds.dates.push({ date, line: line.index + 1, text });
      tokens.push({ kind: 'skip' });
      continue;
    }
    const byline = bylineOf(text);
    if (byline) {
      if (finds.author) dropLine(dropped, line, 'byline');
      else finds.author = byline.author;
      tokens.push({ kind: 'skip' });
      continue;
    }
    seenText = true;
    tokens.push({
      kind: 'text',
      text,
      label: colonLabel(text) ?? leadInLabel(text),
      heading: headingLine(text),
    });
  }
  return tokens;
}

/** The line's text with reference markers taken out, and reported. */
function withoutReferences(text: string, index: number, dropped: DroppedLine[]): string {
  const stripped = stripReferences(text);
  for (const marker of stripped.markers)
    dropped.push({ line: index + 1, text: marker, kind: 'reference marker' });
  return stripped.text;
}

/** Where a new paragraph may begin: after a blank or set-aside line, a heading, or a finished sentence. */
export function paragraphStarts(tokens: readonly Token[]): boolean[] {
  const starts = new Array<boolean>(tokens.length).fill(false);
  for (let at = 0; at < tokens.length; at++) {
    // Only text lines are asked; the others need no answer.
    if (tokens[at]!.kind !== 'text') continue;
    const previous = tokens[at - 1];
    starts[at] =
      !previous ||
      (previous.kind !== 'text' && previous.kind !== 'bullet') ||
      endsSentence(previous.text) ||
      !!previous.label?.targets ||
      (previous.kind === 'text' && !!previous.heading);
  }
  return starts;
}

/** True when the brief separates paragraphs with blank lines, so lines in one paragraph are soft-wrapped. */
export function usesBlankLines(tokens: readonly Token[]): boolean {
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
