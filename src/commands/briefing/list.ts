/** /briefing list [page]: every briefing, newest first, ten a page. */
import { integerOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { firstPage } from './paged.js';

export const list = defineSubcommand({
  name: 'list',
  description: 'All briefings, newest first',
  options: { page: integerOption({ description: 'Page number', minValue: 1 }) },
  run(input, services) {
    const page = input.options.page ?? 1;
    return firstPage({ view: 'list', owner: input.user.id, page, query: '' }, services);
  },
});
