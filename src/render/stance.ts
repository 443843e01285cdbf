/**
 * Where a party stands: what it says, wants, refuses and agreed to, each item a short line cited to its briefing,
 * date and section, newest first; a direct quote shown as a quote with its speaker; a reversal marked as a change.
 * Also the pieces every party answer shares: the parties it appears with, and the buttons to its other views.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
} from 'discord-api-types/v10';
import type { AppearsWith, StanceAnswer } from '../library/party-insight.js';
import { actionRow, button } from '../message/components.js';
import { partyKey } from '../party/party-key.js';
import type { CitedStanceItem, StanceCard, StanceItem, StanceKind } from '../party/stance/model.js';
import type { Section } from './fields.js';
import { COLORS, formatDate, TITLE_MAX, titleLine } from './format.js';
import { encodePageId, type PageView } from './page-id.js';
import { type PagedReply, renderPage } from './pager.js';

export const STANCE_HEADINGS: Record<StanceKind, string> = {
  says: 'Says',
  wants: 'Wants',
  refuses: 'Refuses',
  agreed: 'Agreed',
};
const KINDS: readonly StanceKind[] = ['says', 'wants', 'refuses', 'agreed'];
/** Items of each kind in the summary on a party report's first page. */
const SUMMARY_ITEMS = 2;

/** What an item says: a member's direct quote with its speaker, else the statement's short line. */
export function saidText(item: StanceItem): string {
  return item.quote ? `“${item.quote.words}” — ${item.quote.speaker}` : item.line;
}

/** One item: what it says, then where it comes from. */
export function stanceLine(item: CitedStanceItem): string {
  const change = item.change ? '**Changed:** ' : '';
  return `• ${change}${saidText(item)} · ${formatDate(item.date)}, *${item.section}* (${item.briefingId})`;
}

function stanceSections(card: StanceCard, perKind = Number.POSITIVE_INFINITY): Section[] {
  return KINDS.flatMap((kind) => {
    const items = card[kind];
    if (!items.length) return [];
    const shown = items.slice(0, perKind).map(stanceLine);
    const more = items.length - shown.length;
    return [
      {
        name: `${STANCE_HEADINGS[kind]} (${items.length})`,
        lines: more > 0 ? [...shown, `…and ${more} more: see Where it stands`] : shown,
      },
    ];
  });
}

export function appearsWithSection(appearsWith: readonly AppearsWith[]): Section[] {
  if (!appearsWith.length) return [];
  return [
    {
      name: 'Appears most with (in the same statement)',
      lines: [
        appearsWith
          .map((other) => `${other.party.name} (${other.statements} in ${other.briefings} briefings)`)
          .join(' · '),
      ],
    },
  ];
}

/** The summary a party report opens with: the newest items of each kind, and who it appears with. */
export function stanceSummary(answer: StanceAnswer): Section[] {
  const sections = stanceSections(answer.card, SUMMARY_ITEMS);
  return [...sections, ...appearsWithSection(answer.appearsWith)];
}

/**
 * Buttons to the party's views (statements, where it stands, coverage), the one shown left out, and a row opening
 * each party it appears with (where it stands).
 */
export function partyViewButtons(
  party: { id: string; name: string },
  owner: string,
  shown: PageView,
  appearsWith: readonly AppearsWith[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const query = partyKey(party);
  const views: { view: PageView; label: string }[] = [
    { view: 'party', label: 'All statements' },
    { view: 'stance', label: 'Where it stands' },
    { view: 'coverage', label: 'Coverage' },
  ];
  const rows = [
    actionRow(
      views
        .filter((one) => one.view !== shown)
        .map((one) =>
          button(one.label, encodePageId({ view: one.view, owner, page: 1, query }), ButtonStyle.Primary),
        ),
    ),
  ];
  const others = appearsWith.slice(0, 5).filter((other) => other.party.id !== party.id);
  if (others.length)
    rows.push(
      actionRow(
        others.map((other) =>
          button(
            titleLine(other.party.name, 80),
            encodePageId({ view: 'stance', owner, page: 1, query: partyKey(other.party) }),
          ),
        ),
      ),
    );
  return rows;
}

/** Page `page` of where the party stands, for the reader `owner`. */
export function renderStancePage(answer: StanceAnswer, page: number, owner: string): PagedReply {
  const { party, card, read, named } = answer;
  const items = stanceSections(card);
  const from =
    read < named
      ? `From the newest ${read} of the ${named} briefings naming it`
      : `From the ${named} briefing${named === 1 ? '' : 's'} naming it`;
  const description = items.length
    ? `${from}: what it or a member says, wants, refuses and agreed to, newest first.`
    : `${from}, no statement shows it or a member speaking or acting. All statements lists every mention.`;
  return renderPage(
    {
      state: { view: 'stance', owner, query: partyKey(party) },
      title: `${titleLine(party.name, TITLE_MAX - 20)} · where it stands`,
      color: COLORS.party,
      description,
      items: [...items, ...appearsWithSection(answer.appearsWith)],
      actions: partyViewButtons(party, owner, 'stance', answer.appearsWith),
    },
    page,
  );
}
