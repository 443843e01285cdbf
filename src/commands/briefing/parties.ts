/** /briefing parties: the parties the briefings mention most. */
import { renderPartiesOverview } from '../../render/parties.js';
import { defineSubcommand } from '../subcommand.js';

export const parties = defineSubcommand({
  name: 'parties',
  description: 'The parties the briefings mention most',
  run: (_input, services) => renderPartiesOverview(services.library().partyCounts()),
});
