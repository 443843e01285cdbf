/** The passage of a briefing around the first word of a query, for search results. */
import type { Briefing } from '../briefing/model.js';
import { oneLine, shorten } from './split.js';

const LEAD = 60;

/** Lower case without accents, one output character per input code unit so indexes still line up. */
function fold(text: string): string {
  // Plain ASCII (most text) folds with toLowerCase alone; the per-character path is for accented text.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = char.toLowerCase();
    out += base.length === char.length ? base : lower.length === char.length ? lower : char;
  }
  return out;
}

function passages(briefing: Briefing): string[] {
  const { whatHappened, whyItMatters, implications, other = [] } = briefing.sections;
  return [
    briefing.summary,
    ...whatHappened,
    ...whyItMatters,
    ...implications,
    ...other.flatMap((s) => s.items),
  ]
    .map(oneLine)
    .filter(Boolean);
}

export function snippet(briefing: Briefing, query: string, max = 200): string {
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 2);
  const texts = passages(briefing);
  for (const text of texts) {
    const folded = fold(text);
    const positions = terms.map((term) => folded.indexOf(term)).filter((at) => at >= 0);
    if (!positions.length) continue;
    const at = Math.min(...positions);
    let start = Math.max(0, at - LEAD);
    // Begin on a whole word.
    if (start > 0) start = text.lastIndexOf(' ', start) + 1;
    const excerpt = shorten(text.slice(start), start > 0 ? max - 1 : max);
    return start > 0 ? `…${excerpt}` : excerpt;
  }
  return shorten(texts[0] ?? '', max);
}
