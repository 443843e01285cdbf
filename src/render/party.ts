/** What the briefings say about one party, each statement cited, newest briefing first, in pages. */
import { SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import {
  type CitedStatement,
  isOpenReport,
  type OpenPartyReport,
  type PartyAnswer,
  type PartyReport,
  type PartyReportBriefing,
} from '../party/model.js';
import { partyKey } from '../party/party-key.js';
import { CHUNK_MAX, SECTION_NAME_MAX, type Section } from './fields.js';
import { COLORS, formatDate, plural, TITLE_MAX, titleLine } from './format.js';
import { renderNotice } from './notice.js';
import {
  type OpenSectionList,
  type PagedReply,
  type PagedView,
  renderPage,
  type SectionList,
} from './pager.js';

export interface PartyPageOptions {
  section?: SectionKey;
  /**
   * What the buttons carry to ask about a name in no registry again, when not the name itself (a short key for a
   * long one). A known party always rides as its own key.
   */
  key?: string;
  /** Where the party stands and who it appears with, opening the first page (a known party's). */
  lead?: PagedView['lead'];
  /** Buttons to the party's other views. */
  actions?: PagedView['actions'];
}

/** The citation over a briefing's statements; the title is shortened so the date and id always show. */
function heading(briefing: PartyReportBriefing): string {
  const date = formatDate(briefing.date);
  const room = SECTION_NAME_MAX - date.length - briefing.id.length - ' ·  ()'.length;
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
 * The size of a briefing's block (heading plus statements), counted rather than built, when it is one plain chunk:
 * reports on a party named in thousands of briefings build only the page shown.
 */
function briefingChunkSize(briefing: PartyReportBriefing): number | undefined {
  const name = heading(briefing);
  if (name.length > SECTION_NAME_MAX || name.includes('\n') || name.trim() !== name) return undefined;
  let value = briefing.statements.length - 1;
  for (const { text, section } of briefing.statements) {
    if (text.includes('\n') || section.includes('\n')) return undefined;
    value += text.length + section.length + LINE_EXTRA;
  }
  return value <= CHUNK_MAX ? name.length + value : undefined;
}

function nothingFound(report: PartyAnswer, section: SectionKey | undefined): PagedReply {
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
  /** Whether any briefing has statements (in the chosen section). */
  any: boolean;
  /** The description's first line: how much there is. */
  counts: string;
  items: SectionList | OpenSectionList;
}

// Kept per report object (the library remembers recent reports), so paging through one builds its list once.
const sectionsByReport = new WeakMap<PartyAnswer, Map<string, ReportSections>>();

/** The briefing with only its statements in the chosen section; all of them when no section is chosen. */
function inSection(briefing: PartyReportBriefing, label: string | undefined): PartyReportBriefing {
  if (!label) return briefing;
  return { ...briefing, statements: briefing.statements.filter((statement) => statement.section === label) };
}

/** The report's briefings (only those with statements in the chosen section) as a list of sections. */
function wholeSections(report: PartyReport, label: string | undefined): ReportSections {
  const briefings = report.briefings
    .map((briefing) => inSection(briefing, label))
    .filter((briefing) => briefing.statements.length);
  const members: Section[] = report.members.length
    ? [{ name: 'Members named', lines: [report.members.join(', ')] }]
    : [];
  const statements = briefings.reduce((sum, briefing) => sum + briefing.statements.length, 0);
  return {
    any: briefings.length > 0,
    counts: `${plural(statements, 'statement')} in ${plural(briefings.length, 'briefing')}`,
    items: {
      count: members.length + briefings.length,
      at: (index) => members[index] ?? briefingSection(briefings[index - members.length]!),
      size: (index) =>
        index < members.length ? undefined : briefingChunkSize(briefings[index - members.length]!),
    },
  };
}

/**
 * The same for a report read as it is shown: briefings are taken from it (and kept) only as far as a page
 * reaches, and the count is the word index's.
 */
function openSections(report: OpenPartyReport, section: SectionKey | undefined): ReportSections {
  const label = section ? SECTION_LABELS[section] : undefined;
  const kept: PartyReportBriefing[] = [];
  let read = 0;
  const has = (index: number) => {
    while (kept.length <= index) {
      const briefing = report.briefingAt(read);
      if (!briefing) return false;
      read++;
      const narrowed = inSection(briefing, label);
      if (narrowed.statements.length) kept.push(narrowed);
    }
    return true;
  };
  return {
    any: has(0),
    counts: openCounts(report),
    items: {
      has,
      at: (index) => briefingSection(kept[index]!),
      size: (index) => briefingChunkSize(kept[index]!),
    },
  };
}

/** A known party: how many briefings name it; a name in no registry: how many hold its words. */
function openCounts(report: OpenPartyReport): string {
  return report.party
    ? `Named in ${plural(report.briefingsWithWords, 'briefing')}, newest first`
    : `${plural(report.briefingsWithWords, 'briefing')} hold its words, newest first`;
}

function sectionsFor(report: PartyAnswer, section: SectionKey | undefined): ReportSections {
  const bySection = sectionsByReport.get(report) ?? new Map<string, ReportSections>();
  sectionsByReport.set(report, bySection);
  let sections = bySection.get(section ?? '');
  if (!sections) {
    sections = isOpenReport(report)
      ? openSections(report, section)
      : wholeSections(report, section ? SECTION_LABELS[section] : undefined);
    bySection.set(section ?? '', sections);
  }
  return sections;
}

/** Page `page` (1-based, clamped) of a party report for the reader `owner`. */
export function renderPartyPage(
  report: PartyAnswer,
  page: number,
  owner: string,
  options: PartyPageOptions = {},
): PagedReply {
  const { section, key, lead, actions } = options;
  const label = section ? SECTION_LABELS[section] : undefined;
  const { any, counts, items } = sectionsFor(report, section);
  if (!any) return nothingFound(report, section);

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
        query: report.party ? partyKey(report.party) : (key ?? report.query),
        ...(section ? { section } : {}),
      },
      title: report.party
        ? `${titleLine(report.party.name, TITLE_MAX - report.party.kind.length - 3)} · ${report.party.kind}`
        : `"${titleLine(report.query, TITLE_MAX - 2)}"`,
      color: COLORS.party,
      description,
      items,
      ...(lead ? { lead } : {}),
      ...(actions ? { actions } : {}),
    },
    page,
  );
}
