/**
 * Two parties side by side: the briefings naming both, newest first, each with what one side and then the other
 * says, wants, refuses or agreed to in it, cited to its section.
 */
import type { VersusAnswer, VersusBriefing } from '../library/party-insight.js';
import type { CitedStanceItem } from '../party/stance/model.js';
import { hashKey } from '../text/short-key.js';
import type { Section } from './fields.js';
import { COLORS, formatDate, TITLE_MAX, titleLine } from './format.js';
import { type PagedReply, renderPage } from './pager.js';
import { STANCE_HEADINGS, saidText } from './stance.js';

/** Two parties in one button state: each by the hash of its id (see short-key.ts), `~` and 16 characters. */
export function versusQuery(a: { id: string }, b: { id: string }): string {
  return `${hashKey(a.id)}${hashKey(b.id)}`;
}

/** The two keys of a versus state, or undefined when it is not one. */
export function versusKeys(query: string): [string, string] | undefined {
  const match = /^(~[\w-]{16})(~[\w-]{16})$/.exec(query);
  return match ? [match[1]!, match[2]!] : undefined;
}

function sideLine(name: string, item: CitedStanceItem): string {
  return `• **${name}** ${STANCE_HEADINGS[item.kind].toLowerCase()}: ${saidText(item)} — *${item.section}*`;
}

function briefingSection(briefing: VersusBriefing, names: [string, string]): Section {
  const lines = [0, 1].flatMap((side) => {
    const items = briefing.sides[side as 0 | 1];
    const name = names[side as 0 | 1];
    if (items.length) return items.map((item) => sideLine(name, item));
    const named = briefing.named[side as 0 | 1];
    return [`• **${name}**: named in ${named} statement${named === 1 ? '' : 's'}, none of its own stance`];
  });
  return { name: `${formatDate(briefing.date)} · ${titleLine(briefing.title, 120)} (${briefing.id})`, lines };
}

export function renderVersusPage(answer: VersusAnswer, page: number, owner: string): PagedReply {
  const [a, b] = answer.parties;
  const names: [string, string] = [a.name, b.name];
  const shown = answer.briefings.length;
  const description =
    answer.total === 0
      ? `No briefing has statements naming both ${a.name} and ${b.name}.`
      : `${answer.total} briefing${answer.total === 1 ? '' : 's'} name both${shown < answer.total ? `; the newest ${shown}` : ''}, each side's stance in it.`;
  return renderPage(
    {
      state: { view: 'versus', owner, query: versusQuery(a, b) },
      title: `${titleLine(a.name, (TITLE_MAX - 10) / 2)} and ${titleLine(b.name, (TITLE_MAX - 10) / 2)}`,
      color: COLORS.party,
      description,
      items: answer.briefings.map((briefing) => briefingSection(briefing, names)),
      itemsPerPage: 5,
    },
    page,
  );
}
