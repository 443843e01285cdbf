/** /briefing latest, today, date and show: one briefing or one day's, in full. */
import type { SectionKey } from '../../briefing/model.js';
import { isIsoDate } from '../../library/dates.js';
import { renderBriefing, renderBriefings } from '../../render/briefing.js';
import {
  renderNoBriefingOn,
  renderNoBriefings,
  renderNoBriefingToday,
  renderUnknownId,
} from '../../render/notice.js';
import type { Reply } from '../../render/payload.js';
import { type CommandInput, type Services, UsageError } from '../types.js';

export const sectionOption = (input: CommandInput) => input.options.section as SectionKey | undefined;

export function latest(input: CommandInput, services: Services): Reply {
  const briefing = services.library().latest();
  return briefing ? renderBriefing(briefing, { section: sectionOption(input) }) : renderNoBriefings();
}

export function today(_input: CommandInput, services: Services): Reply {
  const library = services.library();
  const briefings = library.today(services.defaultTimezone, services.now());
  return briefings.length ? renderBriefings(briefings) : renderNoBriefingToday(library.latest());
}

export function onDate(input: CommandInput, services: Services): Reply {
  const date = String(input.options.date ?? '').trim();
  if (!isIsoDate(date)) {
    throw new UsageError(
      `"${date}" is not a date. Type it as YYYY-MM-DD, e.g. /briefing date date:2025-12-15`,
    );
  }
  const library = services.library();
  const briefings = library.onDate(date);
  return briefings.length ? renderBriefings(briefings) : renderNoBriefingOn(date, library.latest());
}

export function show(input: CommandInput, services: Services): Reply {
  const id = String(input.options.id ?? '').trim();
  const library = services.library();
  const briefing = library.get(id);
  if (!briefing) return renderUnknownId(id, library.closestIds(id));
  return renderBriefing(briefing, { section: sectionOption(input) });
}
