/** The parties the briefings mention most, with how many briefings mention each. */

import type { Reply } from '../message/payload.js';
import type { PartyKind } from '../party/model.js';
import { cardMessages } from './card.js';
import { COLORS, code, plural, titleLine } from './format.js';
import { renderNotice } from './notice.js';
import { toReply } from './pack.js';

export interface PartyCountRow {
  name: string;
  kind: PartyKind;
  /** Briefings that mention the party. */
  count: number;
}

/** A party's name as one line of the overview: 25 lines fit one message. */
const NAME_MAX = 90;

export function renderPartiesOverview(
  counts: readonly PartyCountRow[],
  options: { limit?: number } = {},
): Reply {
  if (!counts.length) return renderNotice('No party is mentioned in the briefings yet.');
  const limit = options.limit ?? 25;
  const ranked = [...counts]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
  const lines = ranked.map(
    (row, index) =>
      `${index + 1}. **${titleLine(row.name, NAME_MAX)}** · ${row.kind} · ${plural(row.count, 'briefing')}`,
  );
  const shown = ranked.length < counts.length ? `Top ${ranked.length} of ${counts.length} · ` : '';
  return toReply(
    cardMessages([
      {
        accent: COLORS.party,
        title: 'Most mentioned parties',
        lead: lines.join('\n'),
        footer: `${shown}Ask about one with ${code('/briefing party name:<name>')}`,
      },
    ]),
  );
}
