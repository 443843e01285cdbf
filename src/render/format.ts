/** Small formatting helpers shared by the renderers: dates, bullets, inline code, colours, links. */
import { webLink } from '../briefing/links.js';
import { V2_LIMITS } from '../message/limits.js';
import { oneLine, shorten } from './split.js';

/** A heading or label shown on one line is shortened, with an ellipsis, to this many characters. */
export const TITLE_MAX = 256;

/** The accent colour of each kind of card. */
export const COLORS = {
  briefing: 0x2f6fb3,
  party: 0x8a5cc2,
  search: 0x2e9e6b,
  list: 0x5b6770,
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-12-15` as `15 Dec 2025`. A briefing's date is a calendar day with no time, so no time zone applies. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/**
 * A title (or other single-line field) as a label: one line, shortened with an ellipsis to TITLE_MAX, or to
 * `max`. Never the whole of a megabyte of text.
 */
export function titleLine(text: string, max: number = TITLE_MAX): string {
  return shorten(oneLine(text), max);
}

export function bullet(text: string): string {
  return `• ${text}`;
}

/** Inline code that cannot be broken out of by a backtick in the text itself. */
export function code(text: string): string {
  return `\`${text.replaceAll('`', 'ˋ')}\``;
}

/** The command that shows one briefing in full. */
export function showHint(id: string): string {
  return code(`/briefing show id:${id}`);
}

/**
 * The url to link to: normalised (percent-encoded, punycode host), or undefined when it cannot be made an absolute
 * http(s) link of at most 2,048 characters, which Discord would refuse with the message.
 */
export function linkable(url: string | undefined): string | undefined {
  return webLink(url);
}

/** The url for a link button, which Discord holds to 512 characters; undefined when it cannot be one. */
export function buttonLink(url: string | undefined): string | undefined {
  const link = webLink(url);
  return link && link.length <= V2_LIMITS.linkUrl ? link : undefined;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
