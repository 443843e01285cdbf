/** /briefing latest, today, date and show: one briefing or one day's, in full, a message at a time. */
import { isIsoDate, localDate } from '../../library/dates.js';
import type { Reply } from '../../message/payload.js';
import {
  renderNoBriefingOn,
  renderNoBriefings,
  renderNoBriefingToday,
  renderUnknownId,
} from '../../render/notice.js';
import { type CommandInput, type Services, UsageError } from '../types.js';
import { briefingAnswer, dayAnswer } from './paged.js';

export function latest(input: CommandInput, services: Services): Reply {
  const briefing = services.library().latest();
  return briefing ? briefingAnswer(briefing, input, services) : renderNoBriefings();
}

export function today(input: CommandInput, services: Services): Reply {
  const library = services.library();
  const date = localDate(services.defaultTimezone, services.now());
  return library.onDate(date).length
    ? dayAnswer(date, input, services)
    : renderNoBriefingToday(library.latest());
}

export function onDate(input: CommandInput, services: Services): Reply {
  const date = String(input.options.date ?? '').trim();
  if (!isIsoDate(date)) {
    throw new UsageError(
      `"${date}" is not a date. Type it as YYYY-MM-DD, e.g. /briefing date date:2025-12-15`,
    );
  }
  const library = services.library();
  return library.onDate(date).length
    ? dayAnswer(date, input, services)
    : renderNoBriefingOn(date, library.latest());
}

export function show(input: CommandInput, services: Services): Reply {
  const id = String(input.options.id ?? '').trim();
  const library = services.library();
  // An id as typed, or the key an autocomplete choice carries for an id longer than Discord lets it.
  const briefing = library.find(id);
  if (!briefing) return renderUnknownId(id, library.closestIds(id));
  return briefingAnswer(briefing, input, services);
}
