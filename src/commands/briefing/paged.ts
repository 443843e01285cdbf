/**
 * The paged views every /briefing answer opens on, and the buttons that turn them: search, party and list, and
 * the briefings themselves (latest, today, date, show), which show one message at a time however long they are.
 * A view's page depends only on its state, so a fresh question and a click render it the same way.
 */
import type { Briefing, SectionKey } from '../../briefing/model.js';
import { briefingKey } from '../../library/briefing-key.js';
import type { Library } from '../../library/library.js';
import type { Reply } from '../../message/payload.js';
import { renderBriefingPage } from '../../render/briefing.js';
import { renderCoverage } from '../../render/coverage-reply.js';
import { formatDate } from '../../render/format.js';
import { renderNotice } from '../../render/notice.js';
import type { PageState } from '../../render/page-id.js';
import type { PagedReply } from '../../render/pager.js';
import { renderPartyPage } from '../../render/party.js';
import { BRIEFINGS_PER_PAGE, renderListPage, renderSearchPage } from '../../render/search.js';
import { partyViewButtons, renderStancePage, stanceSummary } from '../../render/stance.js';
import { renderVersusPage, versusKeys } from '../../render/versus.js';
import type { Services } from '../types.js';
import { questionKey, questionOf } from './question-keys.js';

/** A click on a page of something no longer there: said privately, the message is left as it is. */
function gone(text: string, page: number): PagedReply {
  return { payload: renderNotice(`${text} Ask again to see what there is now.`), page, pages: page };
}

const NOT_A_PARTY = 'That party is no longer in the list of parties.';

const FORGOTTEN =
  'The bot no longer remembers that question (it has restarted since, or been asked many more).';

/**
 * The question a button's state stands for: a party or search question as asked (a long one's remembered text),
 * or a party's own key (a hash of its id, which the registry resolves). Undefined for a hash the bot no longer
 * remembers. Other views carry what they need as it is.
 */
function questionAsked(state: PageState, library: Library): string | undefined {
  if (state.view !== 'party' && state.view !== 'search') return state.query;
  const asked = questionOf(state.query);
  if (asked !== undefined) return asked;
  return state.view === 'party' && library.registry.resolve(state.query) ? state.query : undefined;
}

/**
 * Any page of any paged view: a fresh question's first page, or the page a button asks for once its question is
 * known again (a party or search view's query is the question as asked; buttons get its key).
 */
function renderView(state: PageState, services: Services): PagedReply {
  const library = services.library();
  const { page, ...view } = state;
  switch (state.view) {
    case 'party': {
      const answer = library.partyAnswer(state.query);
      // A known party rides as its own key; a name in no registry as the question's.
      if (!answer.party)
        return renderPartyPage(answer, page, state.owner, {
          section: state.section,
          key: questionKey(state.query),
        });
      const stance = library.partyStance(state.query);
      const appearsWith = library.appearsWith(state.query);
      return renderPartyPage(answer, page, state.owner, {
        section: state.section,
        ...(stance ? { lead: stanceSummary(stance) } : {}),
        actions: partyViewButtons(answer.party, state.owner, 'party', appearsWith),
      });
    }
    case 'stance': {
      const stance = library.partyStance(state.query);
      if (!stance) return gone(NOT_A_PARTY, page);
      return renderStancePage(stance, page, state.owner);
    }
    case 'coverage': {
      const coverage = library.partyCoverage(state.query);
      if (!coverage) return gone(NOT_A_PARTY, page);
      return {
        payload: renderCoverage(coverage, state.owner, library.appearsWith(state.query)),
        page: 1,
        pages: 1,
      };
    }
    case 'versus': {
      const keys = versusKeys(state.query);
      const versus = keys && library.partyVersus(...keys);
      if (!versus) return gone(NOT_A_PARTY, page);
      return renderVersusPage(versus, page, state.owner);
    }
    case 'search': {
      const results = {
        query: state.query,
        key: questionKey(state.query),
        hits: library.search(state.query),
      };
      return renderSearchPage(results, page, state.owner);
    }
    case 'list':
      return renderListPage(library.list(page, BRIEFINGS_PER_PAGE), state.owner);
    case 'briefing': {
      const briefing = library.find(state.query);
      if (!briefing) return gone('That briefing is no longer in the library.', page);
      return renderBriefingPage([briefing], page, view, { section: state.section });
    }
    case 'day': {
      const briefings = library.onDate(state.query);
      if (!briefings.length)
        return gone(`There is no briefing for ${formatDate(state.query)} any more.`, page);
      return renderBriefingPage(briefings, page, view);
    }
  }
}

/** The first page a question opens on (or the page a list is asked at). */
export function firstPage(state: PageState, services: Services): Reply {
  return renderView(state, services).payload;
}

/** The first page of one briefing, with pages to turn when it is longer than a message. */
export function briefingAnswer(
  briefing: Briefing,
  owner: string,
  services: Services,
  section?: SectionKey,
): Reply {
  const state: PageState = { view: 'briefing', owner, page: 1, query: briefingKey(briefing.id) };
  if (section) state.section = section;
  return firstPage(state, services);
}

/** The first page of a day's briefings. */
export function dayAnswer(date: string, owner: string, services: Services): Reply {
  return firstPage({ view: 'day', owner, page: 1, query: date }, services);
}

/** A Previous/Next click. A page that no longer exists (the briefings changed) gets a clear answer. */
export function turnPage(state: PageState, services: Services): Reply {
  const asked = questionAsked(state, services.library());
  if (asked === undefined) return gone(FORGOTTEN, state.page).payload;
  const paged = renderView({ ...state, query: asked }, services);
  if (paged.page === state.page) return paged.payload;
  const now = paged.pages === 1 ? 'there is 1 page' : `there are ${paged.pages} pages`;
  return {
    content: `That page no longer exists: the briefings changed and ${now} now. Ask again to see them.`,
    ephemeral: true,
  };
}
