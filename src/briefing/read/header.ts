/**
 * The top of a pasted page, down to the headline: metadata lines, date lines, kickers and section
 * banners, bylines, captions. The headline is the first line that reads as one; page metadata left on
 * its line (`| 3 March 2024, 14:05 GMT`) gives the date and is cut from the title.
 */

import type { DroppedLine } from '../model.js';
import { isUpperCaseLine } from '../text.js';
import { dateLine, splitTitleMetadata, type TextDate } from './date-line.js';
import { dropLine, nextFilled, type PageLine } from './lines.js';
import { type MetaLine, readMetaLine } from './meta-lines.js';
import { bylineOf, colonLabel, endsSentence, headingLine, leadInLabel, wordCount } from './shapes.js';

export interface Header {
  /** The headline, without page metadata. */
  title?: { text: string; line: number };
  /** Position in `lines` of the first line after the headline (or of the first body line when none). */
  bodyAt: number;
  meta: MetaLine[];
  dates: TextDate[];
  author?: string;
}

/** A headline is a line, not a paragraph: a long sentence ending in a stop is the lede. */
const MAX_HEADLINE_WORDS = 30;

/** Whether the line could be a headline at all: not a bullet, label, heading or lede sentence. */
function couldBeHeadline(line: PageLine): boolean {
  if (!line.text || line.junk || line.bullet !== undefined) return false;
  const words = wordCount(line.text);
  if (words > MAX_HEADLINE_WORDS) return false;
  if (line.text.endsWith('.') && words >= 12) return false;
  if (headingLine(line.text)?.targets || colonLabel(line.text)?.targets) return false;
  return !leadInLabel(line.text)?.targets;
}

/** A kicker or banner above the headline: `ANALYSIS`, `Europe`, `World | Asia`, `Politics › Congress`. */
function isKicker(line: PageLine, next: PageLine | undefined): boolean {
  if (!next || !couldBeHeadline(next) || endsSentence(next.text)) return false;
  const text = line.text;
  if (/[.!?]$/.test(text)) return false;
  const parts = text.split(/\s*(?:[|›»/•·>]|\s-\s)\s*/).filter(Boolean);
  if (parts.length >= 2 && parts.every((part) => wordCount(part) <= 4)) return true;
  const words = wordCount(text);
  if (words <= 3 && isUpperCaseLine(text) && !isUpperCaseLine(next.text)) return true;
  return words <= 2 && wordCount(next.text) > words;
}

/** A sentence printed above the headline is its photo's caption: headlines do not end in a stop. */
function isCaptionAbove(line: PageLine, next: PageLine | undefined): boolean {
  return (
    !!next &&
    /[.!]["”’)]?$/.test(line.text) &&
    wordCount(line.text) >= 4 &&
    couldBeHeadline(next) &&
    !endsSentence(next.text)
  );
}

/** The next line that could carry text: junk, dates, bylines and metadata are passed over. */
function nextContent(lines: readonly PageLine[], at: number): PageLine | undefined {
  for (let next = nextFilled(lines, at); next; next = nextFilled(lines, lines.indexOf(next))) {
    const text = next.text;
    if (next.junk || readMetaLine(text, 0) || dateLine(text) || bylineOf(text)) continue;
    return next;
  }
  return undefined;
}

export function readHeader(lines: readonly PageLine[], dropped: DroppedLine[]): Header {
  const header: Header = { bodyAt: lines.length, meta: [], dates: [] };
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    if (!line.text) continue;
    if (line.junk) {
      dropLine(dropped, line, line.junk);
      continue;
    }
    const meta = readMetaLine(line.text, line.index + 1);
    if (meta) {
      header.meta.push(meta);
      continue;
    }
    const date = dateLine(line.text);
    if (date) {
      header.dates.push({ date, line: line.index + 1, text: line.text });
      continue;
    }
    const byline = bylineOf(line.text);
    if (byline) {
      if (header.author) dropLine(dropped, line, 'byline');
      else header.author = byline.author;
      continue;
    }
    const next = nextContent(lines, at);
    if (!couldBeHeadline(line)) {
      header.bodyAt = at;
      return header;
    }
    if (isKicker(line, next)) {
      dropLine(dropped, line, 'kicker');
      continue;
    }
    if (isCaptionAbove(line, next)) {
      dropLine(dropped, line, 'caption');
      continue;
    }
    const { title, date: titleDate } = splitTitleMetadata(line.text.replace(/^#+\s*/, ''));
    if (titleDate) header.dates.push({ date: titleDate, line: line.index + 1, text: line.text });
    header.title = { text: title, line: line.index + 1 };
    header.bodyAt = at + 1;
    return header;
  }
  return header;
}
