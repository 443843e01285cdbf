/** /editor unpublish id: takes a briefing down once the editor confirms; its file moves to `.trash`. */
import { renderUnknownId } from '../../render/notice.js';
import { renderTrashQuestion } from '../../render/publish.js';
import { briefingIdOption } from '../briefing/show.js';
import { defineSubcommand } from '../subcommand.js';
import { UsageError } from '../types.js';
import { publishingOf } from './publishing.js';

export const unpublish = defineSubcommand({
  name: 'unpublish',
  description: 'Take a briefing down: its file moves to .trash, after you confirm',
  options: { id: briefingIdOption },
  run(input, services) {
    const publishing = publishingOf(services);
    const id = input.options.id.trim();
    const briefing = services.library().find(id);
    if (!briefing) return renderUnknownId(id, services.library().closestIds(id));
    const file = publishing.publisher.within(briefing.file);
    if (!file)
      throw new UsageError(
        `The file of ${briefing.id} is not inside the briefing folder, which is all the bot writes to. Ask the bot's operator to remove it.`,
      );
    const token = publishing.tasks.put(input.user.id, {
      kind: 'trash',
      id: briefing.id,
      title: briefing.title,
      file,
    });
    return renderTrashQuestion(token, briefing, file);
  },
});
