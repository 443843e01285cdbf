/** /briefing latest [section]: the newest briefing, in full or one section of it. */
import { renderNoBriefings } from '../../render/notice.js';
import { defineSubcommand } from '../subcommand.js';
import { briefingAnswer } from './paged.js';
import { sectionOption } from './section.js';

export const latest = defineSubcommand({
  name: 'latest',
  description: 'The newest briefing',
  options: { section: sectionOption },
  run(input, services) {
    const briefing = services.library().latest();
    if (!briefing) return renderNoBriefings();
    return briefingAnswer(briefing, input.user.id, services, input.options.section);
  },
});
