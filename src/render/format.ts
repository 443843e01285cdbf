/** Small formatting helpers shared by the renderers: dates, bullets, inline code, colours. */

export const COLORS = {
  briefing: 0x2f6fb3,
  party: 0x8a5cc2,
  search: 0x2e9e6b,
  list: 0x5b6770,
} as const;

const MAX_URL = 2048;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-12-15` as `15 Dec 2025`. A briefing's date is a calendar day with no time, so no time zone applies. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
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

/** Discord accepts only absolute http(s) links of up to 2,048 characters as an embed url; others fail the message. */
export function linkable(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
