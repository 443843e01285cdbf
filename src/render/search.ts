/** Ranked search results and the plain list of briefings, both paged. */
import type { Briefing } from '../briefing/model.js';
import type { Page } from '../library/library.js';
import { SECTION_NAME_MAX, type Section } from './fields.js';
import { COLORS, code, formatDate, plural, showHint, titleLine } from './format.js';
import { renderNoBriefings, renderNotice } from './notice.js';
import { type PagedReply, renderPage } from './pager.js';
import { snippet } from './snippet.js';
import { oneLine, shorten } from './split.js';

/** Structurally the library's search hit; only the briefing is read. */
export interface SearchResult {
  briefing: Briefing;
  score?: number;
}

export interface SearchResults {
  query: string;
  /** What the buttons carry to ask the same again, when not the query itself (a short key for a long one). */
  key?: string;
  /** Best first. */
  hits: readonly SearchResult[];
}

const RESULTS_PER_PAGE = 5;
export const BRIEFINGS_PER_PAGE = 10;
/** A list entry's name (date and id) at most this long: ten entries with their titles stay within a page. */
const LIST_NAME_MAX = 120;
const OPEN_HINT = `Open one with ${showHint('<id>')}`;

export function renderSearchPage(results: SearchResults, page: number, owner: string): PagedReply {
  const { query, hits } = results;
  if (!hits.length) return { payload: renderNotice(`No briefing matches "${query}".`), page: 1, pages: 1 };
  const items: Section[] = hits.map(({ briefing }, index) => ({
    name: titleLine(`${index + 1}. ${briefing.title}`, SECTION_NAME_MAX),
    lines: [`${code(briefing.id)} · ${formatDate(briefing.date)}`, snippet(briefing, query)],
  }));
  return renderPage(
    {
      state: { view: 'search', owner, query: results.key ?? query },
      title: `Search: ${query}`,
      color: COLORS.search,
      description: `${plural(hits.length, 'result')}, best first`,
      items,
      itemsPerPage: RESULTS_PER_PAGE,
      footerNote: OPEN_HINT,
    },
    page,
  );
}

/** One page of the archive, newest first, ten briefings a page (the library reads only that page). */
export function renderListPage(list: Page<Briefing>, owner: string): PagedReply {
  if (!list.total) return { payload: renderNoBriefings(), page: 1, pages: 1 };
  const items: Section[] = list.items.map((briefing) => ({
    // Short enough that ten always fit one page: the id cut, the title as a title line.
    name: shorten(`${formatDate(briefing.date)} · ${oneLine(briefing.id)}`, LIST_NAME_MAX),
    lines: [titleLine(briefing.title || briefing.id)],
  }));
  return renderPage(
    {
      state: { view: 'list', owner, query: '' },
      title: 'Briefings',
      color: COLORS.list,
      description: `${plural(list.total, 'briefing')}, newest first`,
      items,
      itemsPerPage: BRIEFINGS_PER_PAGE,
      footerNote: OPEN_HINT,
      window: { page: list.page, pages: list.pages },
    },
    list.page,
  );
}
