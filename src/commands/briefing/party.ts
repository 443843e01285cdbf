/** /briefing party name:<autocomplete> [section]: every statement about a party, cited, newest first, paged. */
import { stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { firstPage } from './paged.js';
import { MAX_QUERY_LENGTH } from './question-keys.js';
import { sectionOption } from './section.js';

export const party = defineSubcommand({
  name: 'party',
  description: 'What the briefings say about a country, leader or organisation',
  options: {
    name: stringOption({
      description: 'e.g. Russia, Zelenskyy, NATO',
      required: true,
      autocomplete: (typed, services) => services.library().completeParties(typed),
      maxLength: MAX_QUERY_LENGTH,
    }),
    section: sectionOption,
  },
  run(input, services) {
    const { section } = input.options;
    const query = input.options.name.trim();
    return firstPage({ view: 'party', owner: input.user.id, page: 1, query, section }, services);
  },
  /** The report the pages are cut from, read whole: {query, party, members, briefings, suggestions}. */
  json(input, services) {
    return services.library().party(input.options.name.trim());
  },
});
