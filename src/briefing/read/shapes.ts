/**
 * What one line looks like, before its neighbours are known: a bullet, a heading standing on its own,
 * a paragraph opening with a label (`Why it matters:`) or a lead-in phrase (`Why now. ...`), a byline.
 * Names from the section table are recognised however they are spelled; other labels and headings
 * are only candidates, which the body reader accepts when the brief has structure of its own.
 */
import { type HeadingTargets, targetsForHeading } from '../section-names.js';
import { isUpperCaseLine } from '../text.js';

export const BULLET = /^(?:[-*+‣◦▪●–—]\s+|[•·▸►▶]\s*|\d{1,3}[.)]\s+)/;

/** Ends a sentence: a stop, possibly inside closing quotes or brackets, or a colon introducing what follows. */
const SENTENCE_END = /[.!?…:;]["'”’)\]]*$/;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

export function wordCount(text: string): number {
  let count = 0;
  for (const word of text.split(' ')) if (word) count++;
  return count;
}

/** Emphasis around a label or heading (`**Why it matters:**`, `__Context__`). */
function stripEmphasis(text: string): string {
  return text.replace(/^[*_]+/, '').replace(/[*_]+$/, '');
}

export interface LabelShape {
  /** The label as written, without emphasis and its closing colon or period. */
  label: string;
  /** Section the table maps it to; undefined for a label the table does not know. */
  targets?: HeadingTargets;
  /** Text after the label on the same line. */
  rest: string;
  /** `colon`: `Label: text`; `lead-in`: `Short phrase. Text`. */
  style: 'colon' | 'lead-in';
}

/** Words that make `X said: "..."` a quotation, not a label. */
const SPEECH =
  /\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|warned|warns|stated|states|insisted|noted|notes|tweeted|posted|explained|argued|claimed|announced|declared|replied|according|reported|reports|was|were|is|are|has|have|had)\b/i;
const ABBREVIATION =
  /^(?:mr|mrs|ms|dr|prof|st|gen|sen|rep|gov|no|vs|inc|ltd|co|jr|sr|u\.s|u\.k|e\.g|i\.e|etc|a\.m|p\.m)$/i;

/** A label ends within this many characters: the longest in practice are `What they're saying:`. */
const MAX_LABEL = 48;
const MAX_LABEL_WORDS = 6;

/** A short capitalised phrase with no digits and no speech verb: the shape a label has. */
function labelLike(label: string): boolean {
  if (!label || label.length > MAX_LABEL || /\d/.test(label)) return false;
  if (!/^["'“‘(]?\p{Lu}/u.test(label)) return false;
  if (wordCount(label) > MAX_LABEL_WORDS) return false;
  return !SPEECH.test(label);
}

/** `Why it matters: ...`, `**The big picture:** ...`, `Zoom in:` alone on its line. */
export function colonLabel(text: string): LabelShape | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > MAX_LABEL + 4) return undefined;
  const label = stripEmphasis(text.slice(0, colon).trim()).trim();
  // `10:30`, `http://`: a colon inside a word is not a label's.
  if (text[colon + 1] !== undefined && text[colon + 1] !== ' ' && !/[*_]/.test(text[colon + 1]!))
    return undefined;
  const rest = text
    .slice(colon + 1)
    .replace(/^[*_]+/, '')
    .trim();
  const targets = targetsForHeading(label);
  if (targets) return { label, targets, rest, style: 'colon' };
  if (!labelLike(label)) return undefined;
  return { label, rest, style: 'colon' };
}

/** `Why now. The vote comes ...`: a phrase of at most four words ending in a period, then a sentence. */
export function leadInLabel(text: string): LabelShape | undefined {
  const stop = text.indexOf('. ');
  if (stop <= 0 || stop > 40) return undefined;
  const label = stripEmphasis(text.slice(0, stop).trim()).trim();
  const words = wordCount(label);
  if (words < 1 || words > 4) return undefined;
  const last = label.split(' ').pop() ?? '';
  if (ABBREVIATION.test(last) || /^\p{L}$/u.test(last) || /\.\p{L}/u.test(label)) return undefined;
  const rest = text
    .slice(stop + 1)
    .replace(/^[*_]+/, '')
    .trim();
  if (!/^["'“‘(]?\p{Lu}/u.test(rest)) return undefined;
  const targets = targetsForHeading(label);
  if (targets) return { label, targets, rest, style: 'lead-in' };
  if (!labelLike(label)) return undefined;
  return { label, rest, style: 'lead-in' };
}

export interface HeadingShape {
  /** The heading as written, without emphasis and a closing colon. */
  heading: string;
  targets?: HeadingTargets;
  /** For a heading the table does not know: how strongly the line looks like one. */
  looksLikeHeading: boolean;
}

const MAX_HEADING_WORDS = 10;
const MAX_HEADING_LENGTH = 90;

/** Title Case: the first word and most longer words capitalised. */
function isTitleCase(text: string): boolean {
  const words = text.split(' ').filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || !/^["'“‘(]?\p{Lu}/u.test(words[0]!)) return false;
  const long = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 4);
  if (long.length === 0) return true;
  const capitalised = long.filter((word) => /^["'“‘(]?\p{Lu}/u.test(word)).length;
  return capitalised / long.length >= 0.6;
}

/** A line standing on its own as a heading: short, not a sentence, a name from the table or heading-shaped. */
export function headingLine(text: string): HeadingShape | undefined {
  if (text.length > MAX_HEADING_LENGTH) return undefined;
  const bare = stripEmphasis(text).trim();
  const heading = bare.replace(/\s*:\s*$/, '').trim();
  // A stop makes it a sentence (`The summary.`), however short.
  if (!heading || heading.length < 2 || /[.,;]$/.test(heading)) return undefined;
  const targets = targetsForHeading(heading);
  if (targets) return { heading, targets, looksLikeHeading: true };
  if (wordCount(heading) > MAX_HEADING_WORDS) return undefined;
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(heading)) return undefined;
  const looksLikeHeading =
    bare.endsWith(':') || heading.endsWith('?') || isUpperCaseLine(heading) || isTitleCase(heading);
  return { heading, looksLikeHeading };
}

const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Rr]eported by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|al|bin|del|la|le)){0,6})(?:\s*(?:[,|·•–—;]|\s-\s|\bin\b)\s*(.*))?$/u;

export interface Byline {
  author: string;
  /** What followed the name: an agency, a place, a date. */
  rest: string;
}

/** `By Anna Keller`, `By Anna Keller and Tom Reid, Reuters`, `Reporting by ...`. */
export function bylineOf(text: string): Byline | undefined {
  // A byline is a credit, not a sentence: `By Monday, the troops had left.` is news.
  if (text.length > 120 || text.includes(':') || /[.!?]$/.test(text)) return undefined;
  const match = BYLINE.exec(text);
  if (!match) return undefined;
  return { author: match[1]!.trim(), rest: match[2]?.trim() ?? '' };
}
