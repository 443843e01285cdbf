/** Text clean-up shared by every parser: what a file's bytes look like must not change what it means. */

const NBSP = /[\u00a0\u2007\u202f]/g;
// Zero-width joiners stay: they hold emoji sequences together.
const INVISIBLE = /[\u200b\u2060\ufeff]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;

/**
 * Terminal escape sequences (ECMA-48): CSI (`ESC [` or C1 CSI, parameters, a final byte: colours, clear
 * screen, cursor moves), string commands closed by BEL or ST (OSC window titles and hyperlinks, DCS, APC,
 * PM, SOS), and the other two-byte ESC sequences. A string command never closed keeps its text: only the
 * control characters go.
 */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
/** C0 controls other than tab and newline, DEL, and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Removes escape sequences and control characters (C0 but tab and newline, DEL, C1): text prints as text. */
export function stripControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * Strips the BOM, invisible characters and control characters (escape sequences whole), turns CRLF/CR into
 * LF and non-breaking spaces into spaces.
 */
export function normalizeText(text: string): string {
  let out = text;
  if (out.includes('\r') || out.includes('\u2028') || out.includes('\u2029') || out.includes('\u0085')) {
    out = out.replace(LINE_BREAK, '\n');
  }
  out = stripControls(out.replace(INVISIBLE, ''));
  return out.replace(NBSP, ' ');
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}

const CURLY_APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u00b4`']/g;
const CURLY_QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb"]/g;
const EMPHASIS = /[*_]/g;
const SPACES = /\s+/g;
const DOUBLE_SPACE = /\s\s|[^\S ]/;
const TRAILING_PUNCTUATION = /[\s:.?!\u2013\u2014-]+$/;

/**
 * The form a label is compared in: lower case, quotes and apostrophes dropped (curly or straight),
 * emphasis markers and trailing colons ignored, runs of spaces folded.
 */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(CURLY_APOSTROPHES, '')
    .replace(CURLY_QUOTES, '')
    .replace(EMPHASIS, '')
    .replace(SPACES, ' ')
    .replace(TRAILING_PUNCTUATION, '')
    .trim();
}

/** Joins soft-wrapped lines into one line of text. */
export function joinWrapped(parts: readonly string[]): string {
  const text = parts.length === 1 ? parts[0]! : parts.join(' ');
  return DOUBLE_SPACE.test(text) ? text.replace(SPACES, ' ').trim() : text.trim();
}

/** True when a line has letters and none of them is lower case (an upper-case heading). */
export function isUpperCaseLine(line: string): boolean {
  let letters = 0;
  for (const char of line) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) continue;
    if (char !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
]);

/** "KEY QUOTES" -> "Key quotes"; two-letter words and abbreviations (EU, U.S.) keep their capitals. */
export function sentenceCase(heading: string): string {
  if (!isUpperCaseLine(heading)) return heading;
  return heading
    .split(' ')
    .map((word, index) => {
      const lower = word.toLowerCase();
      const capitalized = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (SMALL_WORDS.has(lower)) return index === 0 ? capitalized : lower;
      if (word.includes('.') || (word.length === 2 && /^\p{Lu}+$/u.test(word))) return word;
      return index === 0 ? capitalized : lower;
    })
    .join(' ');
}
