/**
 * Answers long enough to need pages, and the buttons that turn them: search, party and list, and the briefings
 * themselves (latest, today, date, show), which show one message at a time however long they are.
 */
import { createHash } from 'node:crypto';
import type { Briefing, SectionKey } from '../../briefing/model.js';
import type { Library } from '../../library/library.js';
import { renderBriefingPage } from '../../render/briefing.js';
import { formatDate } from '../../render/format.js';
import { renderNotice } from '../../render/notice.js';
import type { PageState } from '../../render/page-id.js';
import type { PagedReply } from '../../render/pager.js';
import { renderPartyPage } from '../../render/party.js';
import type { Reply } from '../../render/payload.js';
import { renderListPage, renderSearchPage } from '../../render/search.js';
import type { CommandInput, Services } from '../types.js';

export const sectionOption = (input: CommandInput) => input.options.section as SectionKey | undefined;

/** Ids up to this long ride whole in a button's custom_id (100 characters with the rest of the state). */
const KEY_ID_MAX = 40;
const HASHED = '~';

function hashOf(id: string): string {
  return HASHED + createHash('sha256').update(id).digest('base64url').slice(0, 16);
}

/** A briefing's id as a button carries it: the id itself, or a hash of an id too long for the custom_id. */
export function briefingKey(id: string): string {
  return id.length <= KEY_ID_MAX && !id.startsWith(HASHED) ? id : hashOf(id);
}

function byKey(library: Library, key: string): Briefing | undefined {
  if (!key.startsWith(HASHED)) return library.get(key);
  // Only ids that get hashed need hashing to compare: the long ones, a few at most.
  return library.all().find((briefing) => briefingKey(briefing.id) === key);
}

/** A click on a page of something no longer there: said privately, the message is left as it is. */
function gone(text: string, page: number): PagedReply {
  return { payload: renderNotice(`${text} Ask again to see what there is now.`), page, pages: page };
}

/** Any page of any paged view, from the state a button carries (or a fresh question's first page). */
function renderView(state: PageState, services: Services): PagedReply {
  const library = services.library();
  const { page, ...view } = state;
  switch (state.view) {
    case 'party':
      return renderPartyPage(library.partyAnswer(state.query), page, state.owner, {
        section: state.section,
      });
    case 'search':
      return renderSearchPage({ query: state.query, hits: library.search(state.query) }, page, state.owner);
    case 'list':
      return renderListPage(library.all(), page, state.owner);
    case 'briefing': {
      const briefing = byKey(library, state.query);
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
  const paged = renderView(state, services);
  if (paged.page === state.page) return paged.payload;
  const now = paged.pages === 1 ? 'there is 1 page' : `there are ${paged.pages} pages`;
  return {
    content: `That page no longer exists: the briefings changed and ${now} now. Ask again to see them.`,
    ephemeral: true,
  };
}
