/** /briefing today: the briefings of today in the bot's time zone, or where to find the latest. */
import { localDate } from '../../library/dates.js';
import { renderNoBriefingToday } from '../../render/notice.js';
import { defineSubcommand } from '../subcommand.js';
import { dayAnswer } from './paged.js';

export const today = defineSubcommand({
  name: 'today',
  description: "Today's briefings",
  run(input, services) {
    const library = services.library();
    const date = localDate(services.defaultTimezone, services.now());
    if (!library.onDate(date).length) return renderNoBriefingToday(library.latest());
    return dayAnswer(date, input.user.id, services);
  },
});
