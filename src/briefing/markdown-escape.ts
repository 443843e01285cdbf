/**
 * Backslash escapes for the one-line text of bullets and `##` headings in the canonical markdown that
 * `briefingToMarkdown` writes: CommonMark escapes, a `\` before one ASCII punctuation character.
 *
 * Escapes the writer emits, and nothing else:
 * - a `\` followed by ASCII punctuation is doubled: `a\*b` is written `a\\*b`;
 * - at the start of the text: `#`, `>`, `<`; `-`, `+` or `*` before a space or the end; the `.` or `)`
 *   of `1.` / `1)` before a space or the end; the first character of ``` or ~~~; the `[` of `[label]:`;
 * - `<!--` anywhere: `\<!--`;
 * - reference-marker look-alikes the reader would strip: the `]` of `[1]`, `[citation needed]`, `[edit]`,
 *   `[note 1]`, and the stop between a word and a number (`said\.3 The`);
 * - bullets only: the colon of a leading section label (`Why it matters\: ...`, which would move the
 *   bullet to that section), and the first mark of a bullet made only of `-*_=~` and spaces (the line
 *   would be a thematic break);
 * - headings only: a leading `*` or `_`, a trailing `*`, `_` or `:`, the last `#` of a closing run
 *   (`Notes \#`, not `C#`), and in a heading that names a section (`What's next`, `Implications.`) its
 *   last punctuation after the first letter, so it stays a further section.
 *
 * The reader decides structure on the escaped text (an escaped character is never markup, a label's colon,
 * a closing `#` or trailing punctuation to strip, and a heading holding an escape names no section), then
 * turns the content back into text with `unescapeMarkdown`.
 */
import { isTrailer } from './read/junk.js';
import { colonLabel } from './read/shapes.js';
import { targetsForHeading } from './section-names.js';
import { sentenceCase } from './text.js';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

/** A marker that opens a block in CommonMark or in our reader, and which of its characters to escape. */
const OPENERS: readonly { pattern: RegExp; at: (match: RegExpExecArray) => number }[] = [
  { pattern: /^[#><]/, at: () => 0 },
  { pattern: /^[-+*](?:\s|$)/, at: () => 0 },
  { pattern: /^\d{1,9}[.)](?:\s|$)/, at: (match) => match[0].trimEnd().length - 1 },
  { pattern: /^(?:```|~~~)/, at: () => 0 },
  { pattern: /^\[[^\]]*\]:/, at: () => 0 },
];
const HTML_COMMENT_OPEN = /<!--/g;
/** `[1]`, `[citation needed]`: escaping the `]` keeps the text. */
const BRACKETED_REFERENCE = /\[(?:\d{1,3}|citation needed|edit|note \d{1,3})\]/gi;
/** `said.3 The`: a footnote number stuck to a word after a stop; escaping the stop keeps the number. */
const STUCK_NUMBER_STOP = /(?<=\p{Ll}{2})[.,;:!?")](?=\d{1,2}(?:\s|$))/gu;
const THEMATIC_BULLET = /^[-*_=~\s]*[-*_=~][-*_=~\s]*$/;
const HEADING_EDGE_START = /^[*_]/;
const HEADING_EDGE_END = /[*_:]$/;
/** `Notes #` would lose its `#` as a closing sequence; `C#` keeps it. */
const CLOSING_HASHES = /(?:^|\s)#+$/;

/** Text of one bullet, written after `- `. Expects one line without surrounding spaces. */
export function escapeItem(text: string): string {
  const at = commonEscapes(text);
  if (THEMATIC_BULLET.test(text)) at.add(text.search(/[-*_=~]/));
  if (colonLabel(text)?.targets) at.add(text.indexOf(':'));
  return applyEscapes(text, at);
}

/** Text of one further section's heading, written after `## `. Expects one line without surrounding spaces. */
export function escapeHeading(text: string): string {
  const at = commonEscapes(text);
  if (HEADING_EDGE_START.test(text)) at.add(0);
  if (HEADING_EDGE_END.test(text) || CLOSING_HASHES.test(text)) at.add(text.length - 1);
  if (targetsForHeading(text)) {
    const last = lastPunctuationAfterFirstWord(text);
    if (last !== -1) at.add(last);
  }
  return applyEscapes(text, at);
}

/**
 * Whether a further section's heading reads back as written. Some cannot: a heading in capitals (the
 * reader sentence-cases `KEY QUOTES`), one that names a section and has no punctuation to escape
 * (`Details` is the What happened section in markdown; `Summary` alone reads back as a further section,
 * since the summary is in the front matter), and one the reader takes for the start of a page's trailer
 * (`Related`, `Read more`), which drops it and all that follows. Only JSON briefings hold such headings.
 */
export function headingReadsBack(heading: string): boolean {
  if (sentenceCase(heading) !== heading) return false;
  const escaped = escapeHeading(heading);
  if (isTrailer(`## ${escaped}`)) return false;
  return heading === 'Summary' || !targetsForHeading(escaped);
}

/** The text an escaped bullet or heading stands for: `\` before ASCII punctuation is dropped, `\\` is `\`. */
export function unescapeMarkdown(text: string): string {
  return text.includes('\\') ? text.replace(ESCAPED, '$1') : text;
}

/** Positions to escape in any bullet or heading. */
function commonEscapes(text: string): Set<number> {
  const at = new Set<number>();
  for (let index = text.indexOf('\\'); index !== -1; index = text.indexOf('\\', index + 1)) {
    if (ASCII_PUNCTUATION.test(text.charAt(index + 1))) at.add(index);
  }
  for (const opener of OPENERS) {
    const match = opener.pattern.exec(text);
    if (match) at.add(opener.at(match));
  }
  for (const match of text.matchAll(HTML_COMMENT_OPEN)) at.add(match.index);
  for (const match of text.matchAll(BRACKETED_REFERENCE)) at.add(match.index + match[0].length - 1);
  for (const match of text.matchAll(STUCK_NUMBER_STOP)) at.add(match.index);
  return at;
}

/** Section names are compared without leading symbols: an escape there would not stop the match. */
function lastPunctuationAfterFirstWord(text: string): number {
  const first = text.search(/[\p{L}\p{N}]/u);
  for (let index = text.length - 1; index > first && first !== -1; index--) {
    if (ASCII_PUNCTUATION.test(text.charAt(index))) return index;
  }
  return -1;
}

/** Only ASCII punctuation is ever escaped: that is what makes `unescapeMarkdown` give the text back. */
function applyEscapes(text: string, at: ReadonlySet<number>): string {
  if (at.size === 0) return text;
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (at.has(index) && ASCII_PUNCTUATION.test(char)) out += '\\';
    out += char;
  }
  return out;
}
