/** /briefing search query:<text>: ranked full-text search, paged. */
import { stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { firstPage } from './paged.js';
import { MAX_QUERY_LENGTH } from './question-keys.js';

export const search = defineSubcommand({
  name: 'search',
  description: 'Search every briefing',
  options: {
    query: stringOption({
      description: 'Words to look for (e.g. security guarantees)',
      required: true,
      minLength: 2,
      maxLength: MAX_QUERY_LENGTH,
    }),
  },
  run(input, services) {
    const query = input.options.query.trim();
    return firstPage({ view: 'search', owner: input.user.id, page: 1, query }, services);
  },
  /** The hits the pages show, best first, each with its relevance. */
  json(input, services) {
    return services
      .library()
      .search(input.options.query.trim())
      .map(({ briefing, score }) => ({ id: briefing.id, title: briefing.title, date: briefing.date, score }));
  },
});
