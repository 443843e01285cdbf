/** A statement as one short line: at most about 200 characters, cut at a word boundary with an ellipsis. */
export const LINE_LIMIT = 200;

export function shortLine(text: string, limit = LINE_LIMIT): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.lastIndexOf(' ', limit - 1);
  const head = flat.slice(0, cut > limit / 2 ? cut : limit - 1).replace(/[\s,;:.–—-]+$/u, '');
  return `${head}…`;
}
