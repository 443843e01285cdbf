/** /briefing: reading the briefings. Each subcommand's handler lives beside this file. */

import { NameTooLongError } from '../../party/name-pattern.js';
import { PAGE_VIEWS } from '../../render/page-id.js';
import { renderPartiesOverview } from '../../render/parties.js';
import type { CommandInput, Services, SlashCommand } from '../types.js';
import { UsageError } from '../types.js';
import { briefingDefinition } from './definition.js';
import { DIGEST_BUTTON_PREFIX, readFromDigest } from './digest-read.js';
import { list, party, search, turnPage } from './paged.js';
import { latest, onDate, show, today } from './read.js';

type Handler = (input: CommandInput, services: Services) => ReturnType<SlashCommand['run']>;

// A Map, not an object: a subcommand named `toString` or `constructor` finds nothing here.
const handlers = new Map<string, Handler>([
  ['latest', latest],
  ['today', today],
  ['date', onDate],
  ['show', show],
  ['search', search],
  ['party', party],
  ['parties', (_input, services) => renderPartiesOverview(services.library().partyCounts())],
  ['list', list],
]);

/** The library refuses a name in no registry past its limit: said to the asker as what to type instead. */
function refusingLongNames<T>(answer: () => T): T {
  try {
    return answer();
  } catch (error) {
    if (error instanceof NameTooLongError)
      throw new UsageError(`${error.message} Type a shorter name, e.g. /briefing party name:Russia`);
    throw error;
  }
}

export const briefingCommand: SlashCommand = {
  definition: briefingDefinition,
  pageViews: PAGE_VIEWS,
  run(input, services) {
    const handler = handlers.get(input.subcommand);
    if (!handler)
      throw new UsageError(`Unknown subcommand. Try /briefing ${[...handlers.keys()].join(', ')}.`);
    return refusingLongNames(() => handler(input, services));
  },
  autocomplete(input, services) {
    const library = services.library();
    if (input.focused.name === 'id') return library.completeBriefings(input.focused.value);
    if (input.focused.name === 'name') return library.completeParties(input.focused.value);
    return [];
  },
  page: (state, services) => refusingLongNames(() => turnPage(state, services)),
  buttons: { prefix: DIGEST_BUTTON_PREFIX, press: readFromDigest },
};
