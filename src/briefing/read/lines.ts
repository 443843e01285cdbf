/**
 * A pasted page as a list of lines, each cleaned once and marked with what it is taken for: blank,
 * junk of some kind, a bullet, or text. Everything that reads lines (header, body, footer) shares it.
 */
import type { DroppedKind, DroppedLine } from '../model.js';
import { isCredit, junkKind } from './junk.js';
import { BULLET } from './shapes.js';

const HTML_COMMENT = /^<!--.*-->$/;
const QUOTE_MARKERS = /^(?:>\s?)+/;
const THEMATIC_BREAK = /^(?:[-*_=~]\s*){3,}$/;
const LESS_THAN = '<'.charCodeAt(0);
const HASH = '#'.charCodeAt(0);
const MAY_BREAK = new Set([...'-*_=~'].map((char) => char.charCodeAt(0)));
/** Lines opening with a letter or a quote are never bullets: no need to try the bullet pattern. */
const LETTER_OR_QUOTE = /^[A-Za-z"“‘']/;

export interface PageLine {
  /** 0-based index in the file. */
  index: number;
  /** Trimmed, quote markers and HTML comments removed; '' for a blank line. */
  text: string;
  /** For a bullet, the text after its marker. */
  bullet: string | undefined;
  /** Set once the line is known to be junk. */
  junk: DroppedKind | undefined;
}

export function readPageLines(lines: readonly string[], start: number, end: number): PageLine[] {
  const out: PageLine[] = [];
  for (let index = start; index < end; index++) {
    let text = lines[index]!.trim();
    if (text.startsWith('>')) text = text.replace(QUOTE_MARKERS, '').trim();
    const first = text.charCodeAt(0);
    if (first === LESS_THAN && HTML_COMMENT.test(text)) text = '';
    else if (MAY_BREAK.has(first) && text.length <= 80 && THEMATIC_BREAK.test(text)) text = '';
    // Every field set up front: one object shape for all lines keeps the reader fast on big folders.
    const bullet = text && !LETTER_OR_QUOTE.test(text) ? BULLET.exec(text) : null;
    out.push({
      index,
      text,
      bullet: bullet ? text.slice(bullet[0].length).trim() : undefined,
      junk: undefined,
    });
  }
  markJunk(out);
  return out;
}

/** The next non-blank line after `at`, if any. */
export function nextFilled(lines: readonly PageLine[], at: number): PageLine | undefined {
  for (let next = at + 1; next < lines.length; next++) if (lines[next]!.text) return lines[next];
  return undefined;
}

/**
 * Junk that can be told from the line alone, plus captions, which are told by their neighbours: a line
 * printed twice in a row (pages repeat the caption as alt text), or a line directly above a credit.
 */
function markJunk(lines: PageLine[]): void {
  let previous: PageLine | undefined;
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    if (!line.text || line.bullet !== undefined) {
      if (line.text) previous = line;
      continue;
    }
    // A markdown heading is structure, never page furniture.
    line.junk = line.text.charCodeAt(0) === HASH ? undefined : junkKind(line.text);
    if (!line.junk && previous && !previous.bullet && previous.text === line.text && line.text.length >= 12) {
      previous.junk ??= 'caption';
      line.junk = 'repeated line';
    }
    if (
      isCredit(line.junk) &&
      previous &&
      previous.bullet === undefined &&
      !previous.junk &&
      isCaptionSized(previous.text)
    ) {
      previous.junk = 'caption';
    }
    previous = line;
  }
}

/** A caption is a sentence or two, never a whole paragraph of the story. */
function isCaptionSized(text: string): boolean {
  return text.length <= 300;
}

export function dropLine(dropped: DroppedLine[], line: PageLine, kind: DroppedKind): void {
  dropped.push({ line: line.index + 1, text: line.text, kind });
}
