/**
 * The one text splitter every renderer uses. Text is cut at line boundaries (one bullet per line), else at
 * word boundaries; a single word longer than the limit is the only thing ever cut mid-word. Nothing is dropped
 * except the whitespace at the cut.
 */

const ELLIPSIS = '…';

/** A cut at `index` must not fall between the two halves of a surrogate pair (emoji, rare scripts). */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return index > 1 && code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** The longest head of `text` of at most `max` characters that ends at a line, else a word, boundary. */
export function takeChunk(text: string, max: number): { head: string; rest: string } {
  if (max < 1) throw new RangeError(`chunk size must be positive, got ${max}`);
  const trimmed = text.trim();
  if (trimmed.length <= max) return { head: trimmed, rest: '' };
  // The boundary character itself may sit just past the limit: it is dropped, not kept.
  const window = trimmed.slice(0, max + 1);
  let cut = window.lastIndexOf('\n');
  if (cut <= 0) cut = window.search(/\s\S*$/);
  if (cut <= 0) cut = safeIndex(trimmed, max);
  // cut > 0 and trimmed starts with a non-space, so the head is never empty and the caller's loop advances.
  return { head: trimmed.slice(0, cut).trimEnd(), rest: trimmed.slice(cut).trimStart() };
}

/** Splits text into chunks of at most `max` characters, at line, else word boundaries. Empty text gives []. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.trim()) {
    const next = takeChunk(rest, max);
    chunks.push(next.head);
    rest = next.rest;
  }
  return chunks;
}

/** Lines (bullets) packed into as few chunks of at most `max` characters as the line boundaries allow. */
export function packLines(lines: readonly string[], max: number): string[] {
  return splitText(lines.map(oneLine).join('\n'), max);
}

/** A bullet or label on a single line: inner line breaks would otherwise read as separate bullets. */
export function oneLine(text: string): string {
  // Most lines have no break: skip the regular expression, the hot path of long party reports.
  return (text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text).trim();
}

/**
 * A deliberate abbreviation, marked with an ellipsis: for labels (titles, list entries) whose full text is shown
 * elsewhere. Cuts at a word boundary when one is reasonably close.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, safeIndex(text, room));
  const space = head.search(/\s\S*$/);
  const cut = space > room * 0.6 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Cuts to at most `max` UTF-16 units without breaking a surrogate pair; no ellipsis (for machine strings). */
export function truncateUnits(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, safeIndex(text, max));
}
