/** /briefing: reading the briefings. Each subcommand's handler lives beside this file. */

import { PAGE_VIEWS } from '../../render/page-id.js';
import { renderPartiesOverview } from '../../render/parties.js';
import type { CommandInput, Services, SlashCommand } from '../types.js';
import { UsageError } from '../types.js';
import { briefingDefinition } from './definition.js';
import { list, party, search, turnPage } from './paged.js';
import { latest, onDate, show, today } from './read.js';

const handlers: Record<string, (input: CommandInput, services: Services) => ReturnType<SlashCommand['run']>> =
  {
    latest,
    today,
    date: onDate,
    show,
    search,
    party,
    parties: (_input, services) => renderPartiesOverview(services.library().partyCounts()),
    list,
  };

export const briefingCommand: SlashCommand = {
  definition: briefingDefinition,
  pageViews: PAGE_VIEWS,
  run(input, services) {
    const handler = handlers[input.subcommand];
    if (!handler)
      throw new UsageError(`Unknown subcommand. Try /briefing ${Object.keys(handlers).join(', ')}.`);
    return handler(input, services);
  },
  autocomplete(input, services) {
    const library = services.library();
    if (input.focused.name === 'id') return library.completeBriefings(input.focused.value);
    if (input.focused.name === 'name') return library.completeParties(input.focused.value);
    return [];
  },
  page: turnPage,
};
