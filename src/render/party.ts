/** What the briefings say about one party, each statement cited, newest briefing first, in pages. */
import { SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import type { CitedStatement, PartyReport, PartyReportBriefing } from '../party/model.js';
import { partyKey } from '../party/party-key.js';
import type { Section } from './fields.js';
import { COLORS, formatDate, plural, titleLine } from './format.js';
import { LIMITS } from './limits.js';
import { renderNotice } from './notice.js';
import { type PagedReply, renderPage, type SectionList } from './pager.js';

export interface PartyPageOptions {
  section?: SectionKey;
}

/** The citation over a briefing's statements; the title is shortened so the date and id always show. */
function heading(briefing: PartyReportBriefing): string {
  const date = formatDate(briefing.date);
  const room = LIMITS.fieldName - date.length - briefing.id.length - ' ·  ()'.length;
  return `${date} · ${titleLine(briefing.title, Math.max(room, 20))} (${briefing.id})`;
}
const statementLine = (statement: CitedStatement) => `• ${statement.text} — *${statement.section}*`;
/** What statementLine adds around the text and section: "• ", " — *" and "*". */
const LINE_EXTRA = 7;

/** One briefing's statements under a heading that cites it; each statement names its section. */
function briefingSection(briefing: PartyReportBriefing): Section {
  return { name: heading(briefing), lines: briefing.statements.map(statementLine) };
}

/**
 * The size of a briefing's field, counted rather than built, when it is one plain field: reports on a party
 * named in thousands of briefings build only the page shown.
 */
function briefingFieldSize(briefing: PartyReportBriefing): number | undefined {
  const name = heading(briefing);
  if (name.length > LIMITS.fieldName || name.includes('\n') || name.trim() !== name) return undefined;
  let value = briefing.statements.length - 1;
  for (const { text, section } of briefing.statements) {
    if (text.includes('\n') || section.includes('\n')) return undefined;
    value += text.length + section.length + LINE_EXTRA;
  }
  return value <= LIMITS.fieldValue ? name.length + value : undefined;
}

function nothingFound(report: PartyReport, section: SectionKey | undefined): PagedReply {
  const where = section ? ` in *${SECTION_LABELS[section]}*` : '';
  let text: string;
  if (report.party) text = `The briefings say nothing about **${titleLine(report.party.name)}**${where} yet.`;
  else {
    text = `No briefing mentions "${titleLine(report.query)}"${where}.`;
    if (report.suggestions.length) text += ` Did you mean: ${report.suggestions.join(', ')}?`;
  }
  return { payload: renderNotice(text), page: 1, pages: 1 };
}

interface ReportSections {
  briefings: PartyReportBriefing[];
  items: SectionList;
}

// Kept per report object (the library remembers recent reports), so paging through one builds its list once.
const sectionsByReport = new WeakMap<PartyReport, Map<string, ReportSections>>();

/** The report's briefings (only those with statements in the chosen section) as a list of sections. */
function sectionsFor(report: PartyReport, label: string | undefined): ReportSections {
  const byLabel = sectionsByReport.get(report) ?? new Map<string, ReportSections>();
  sectionsByReport.set(report, byLabel);
  const known = byLabel.get(label ?? '');
  if (known) return known;
  const briefings = label
    ? report.briefings
        .map((briefing) => ({
          ...briefing,
          statements: briefing.statements.filter((statement) => statement.section === label),
        }))
        .filter((briefing) => briefing.statements.length)
    : report.briefings.filter((briefing) => briefing.statements.length);
  const members: Section[] = report.members.length
    ? [{ name: 'Members named', lines: [report.members.join(', ')] }]
    : [];
  const items: SectionList = {
    count: members.length + briefings.length,
    at: (index) => members[index] ?? briefingSection(briefings[index - members.length]!),
    size: (index) =>
      index < members.length ? undefined : briefingFieldSize(briefings[index - members.length]!),
  };
  const sections = { briefings, items };
  byLabel.set(label ?? '', sections);
  return sections;
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
  const { briefings, items } = sectionsFor(report, label);
  if (!briefings.length) return nothingFound(report, section);

  const statements = briefings.reduce((sum, briefing) => sum + briefing.statements.length, 0);
  const counts = `${plural(statements, 'statement')} in ${plural(briefings.length, 'briefing')}`;
  const description = [
    label ? `${counts} · *${label}* only` : counts,
    ...(report.party ? [] : ['Not a known party: statements that name it.']),
  ].join('\n');
  return renderPage(
    {
      // The party's key (its name, or a hash of its id for a long name) resolves to it on every click, whole.
      state: {
        view: 'party',
        owner,
        query: report.party ? partyKey(report.party) : report.query,
        ...(section ? { section } : {}),
      },
      title: report.party
        ? `${titleLine(report.party.name, LIMITS.embedTitle - report.party.kind.length - 3)} · ${report.party.kind}`
        : `"${titleLine(report.query, LIMITS.embedTitle - 2)}"`,
      color: COLORS.party,
      description,
      items,
    },
    page,
  );
}
