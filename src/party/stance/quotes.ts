/**
 * Direct quotes: text between paired quotation marks (straight or curly double quotes). An opening mark with
 * no closing one is not a quote.
 */
import type { Span } from './text-tokens.js';

const OPENING = new Set(['"', '“', '„', '«']);
const CLOSING: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/** Spans of the quotes, marks included. */
export function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  for (let at = 0; at < text.length; at++) {
    const mark = text[at]!;
    if (!OPENING.has(mark)) continue;
    let close = text.indexOf(CLOSING[mark]!, at + 1);
    // Some writers close a curly quote with a straight one.
    if (close < 0 && mark === '“') close = text.indexOf('"', at + 1);
    if (close < 0) break;
    quotes.push({ start: at, end: close + 1 });
    at = close;
  }
  return quotes;
}

/** The words of a quote, without its marks and the comma or stop that closes the quoted sentence. */
export function quoteWords(text: string, quote: Span): string {
  return text
    .slice(quote.start + 1, quote.end - 1)
    .trim()
    .replace(/[,.;:]+$/u, '')
    .trim();
}
