/** /briefing show id:<autocomplete> [section]: one briefing in full; an unknown id gets the closest ones. */
import { briefingToJson } from '../../briefing/to-json.js';
import { renderUnknownId } from '../../render/notice.js';
import { stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import type { Services } from '../types.js';
import { briefingAnswer } from './paged.js';
import { sectionOption } from './section.js';

/** An id as typed, or the key an autocomplete choice carries for an id longer than Discord lets it. */
const briefingNamed = (id: string, services: Services) => services.library().find(id.trim());

/** A briefing chosen by id, with the titles and ids of the library offered as the reader types. */
export const briefingIdOption = stringOption({
  description: 'Start typing a title or id',
  required: true,
  autocomplete: (typed, services) => services.library().completeBriefings(typed),
  maxLength: 100,
});

export const show = defineSubcommand({
  name: 'show',
  description: 'One briefing, in full',
  options: {
    id: briefingIdOption,
    section: sectionOption,
  },
  run(input, services) {
    const briefing = briefingNamed(input.options.id, services);
    if (!briefing) {
      const id = input.options.id.trim();
      return renderUnknownId(id, services.library().closestIds(id));
    }
    return briefingAnswer(briefing, input.user.id, services, input.options.section);
  },
  json(input, services) {
    const briefing = briefingNamed(input.options.id, services);
    return briefing && briefingToJson(briefing);
  },
});
