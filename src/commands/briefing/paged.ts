/**
 * Answers long enough to need pages, and the buttons that turn them: search, party and list, and the briefings
 * themselves (latest, today, date, show), which show one message at a time however long they are.
 */
import type { Briefing, SectionKey } from '../../briefing/model.js';
import { briefingKey } from '../../library/briefing-key.js';
import type { Library } from '../../library/library.js';
import type { Reply } from '../../message/payload.js';
import { renderBriefingPage } from '../../render/briefing.js';
import { formatDate } from '../../render/format.js';
import { renderNotice } from '../../render/notice.js';
import type { PageState } from '../../render/page-id.js';
import type { PagedReply } from '../../render/pager.js';
import { renderPartyPage } from '../../render/party.js';
import { renderListPage, renderSearchPage } from '../../render/search.js';
import type { CommandInput, Services } from '../types.js';
import { questionKey, questionOf } from './question-keys.js';

export const sectionOption = (input: CommandInput) => input.options.section as SectionKey | undefined;

/** A click on a page of something no longer there: said privately, the message is left as it is. */
function gone(text: string, page: number): PagedReply {
  return { payload: renderNotice(`${text} Ask again to see what there is now.`), page, pages: page };
}

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
      const key = answer.party ? undefined : questionKey(state.query);
      return renderPartyPage(answer, page, state.owner, { section: state.section, key });
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
      return renderListPage(library.all(), page, state.owner);
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

/** The first page of one briefing, with pages to turn when it is longer than a message. */
export function briefingAnswer(briefing: Briefing, input: CommandInput, services: Services): Reply {
  const section = sectionOption(input);
  const state: PageState = {
    view: 'briefing',
    owner: input.user.id,
    page: 1,
    query: briefingKey(briefing.id),
  };
  if (section) state.section = section;
  return renderView(state, services).payload;
}

/** The first page of a day's briefings. */
export function dayAnswer(date: string, input: CommandInput, services: Services): Reply {
  return renderView({ view: 'day', owner: input.user.id, page: 1, query: date }, services).payload;
}

export function search(input: CommandInput, services: Services): Reply {
  const query = String(input.options.query ?? '').trim();
  return renderView({ view: 'search', owner: input.user.id, page: 1, query }, services).payload;
}

export function party(input: CommandInput, services: Services): Reply {
  const query = String(input.options.name ?? '').trim();
  const section = sectionOption(input);
  return renderView({ view: 'party', owner: input.user.id, page: 1, query, section }, services).payload;
}

export function list(input: CommandInput, services: Services): Reply {
  const page = typeof input.options.page === 'number' ? input.options.page : 1;
  return renderView({ view: 'list', owner: input.user.id, page, query: '' }, services).payload;
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
