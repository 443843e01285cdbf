/** What the briefings say about one party, each statement cited, newest briefing first, in pages. */
import { SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import type { PartyReport, PartyReportBriefing } from '../party/model.js';
import type { Section } from './fields.js';
import { COLORS, formatDate, plural } from './format.js';
import { renderNotice } from './notice.js';
import { type PagedReply, renderPage } from './pager.js';

export interface PartyPageOptions {
  section?: SectionKey;
}

/** One briefing's statements under a heading that cites it; each statement names its section. */
function briefingSection(briefing: PartyReportBriefing): Section {
  return {
    name: `${formatDate(briefing.date)} · ${briefing.title} (${briefing.id})`,
    lines: briefing.statements.map((statement) => `• ${statement.text} — *${statement.section}*`),
  };
}

function nothingFound(report: PartyReport, section: SectionKey | undefined): PagedReply {
  const where = section ? ` in *${SECTION_LABELS[section]}*` : '';
  let text: string;
  if (report.party) text = `The briefings say nothing about **${report.party.name}**${where} yet.`;
  else {
    text = `No briefing mentions "${report.query}"${where}.`;
    if (report.suggestions.length) text += ` Did you mean: ${report.suggestions.join(', ')}?`;
  }
  return { payload: renderNotice(text), page: 1, pages: 1 };
}

/** Page `page` (1-based, clamped) of a party report for the reader `owner`. */
export function renderPartyPage(
  report: PartyReport,
  page: number,
  owner: string,
  options: PartyPageOptions = {},
): PagedReply {
  const { section } = options;
  const label = section ? SECTION_LABELS[section] : undefined;
  const briefings = report.briefings
    .map((briefing) => ({
      ...briefing,
      statements: label
        ? briefing.statements.filter((statement) => statement.section === label)
        : briefing.statements,
    }))
    .filter((briefing) => briefing.statements.length);
  if (!briefings.length) return nothingFound(report, section);

  const statements = briefings.reduce((sum, briefing) => sum + briefing.statements.length, 0);
  const counts = `${plural(statements, 'statement')} in ${plural(briefings.length, 'briefing')}`;
  const description = [
    label ? `${counts} · *${label}* only` : counts,
    ...(report.party ? [] : ['Not a known party: statements that name it.']),
  ].join('\n');
  const items: Section[] = [];
  if (report.members.length) items.push({ name: 'Members named', lines: [report.members.join(', ')] });
  items.push(...briefings.map(briefingSection));

  return renderPage(
    {
      // The canonical name resolves to the same party on every click, and is short enough to keep whole.
      state: {
        view: 'party',
        owner,
        query: report.party?.name ?? report.query,
        ...(section ? { section } : {}),
      },
      title: report.party ? `${report.party.name} · ${report.party.kind}` : `"${report.query}"`,
      color: COLORS.party,
      description,
      items,
    },
    page,
  );
}
