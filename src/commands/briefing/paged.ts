/** /briefing search, party and list: answers long enough to need pages, and the buttons that turn them. */
import type { PageState } from '../../render/page-id.js';
import type { PagedReply } from '../../render/pager.js';
import { renderPartyPage } from '../../render/party.js';
import type { Reply } from '../../render/payload.js';
import { renderListPage, renderSearchPage } from '../../render/search.js';
import type { CommandInput, Services } from '../types.js';
import { sectionOption } from './read.js';

/** Any page of any paged view, from the state a button carries (or a fresh question's first page). */
function renderView(state: PageState, services: Services): PagedReply {
  const library = services.library();
  switch (state.view) {
    case 'party':
      return renderPartyPage(library.party(state.query), state.page, state.owner, { section: state.section });
    case 'search':
      return renderSearchPage(
        { query: state.query, hits: library.search(state.query) },
        state.page,
        state.owner,
      );
    case 'list':
      return renderListPage(library.all(), state.page, state.owner);
  }
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
