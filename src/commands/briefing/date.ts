/** /briefing date date:YYYY-MM-DD: the briefings of one day. */
import { isIsoDate } from '../../library/dates.js';
import { renderNoBriefingOn } from '../../render/notice.js';
import { stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { UsageError } from '../types.js';
import { dayAnswer } from './paged.js';

export const date = defineSubcommand({
  name: 'date',
  description: 'Briefings of one day',
  options: {
    date: stringOption({
      description: 'The day, as YYYY-MM-DD (e.g. 2025-12-15)',
      required: true,
      minLength: 10,
      maxLength: 10,
    }),
  },
  run(input, services) {
    const day = input.options.date.trim();
    if (!isIsoDate(day))
      throw new UsageError(
        `"${day}" is not a date. Type it as YYYY-MM-DD, e.g. /briefing date date:2025-12-15`,
      );
    const library = services.library();
    if (!library.onDate(day).length) return renderNoBriefingOn(day, library.latest());
    return dayAnswer(day, input.user.id, services);
  },
});
