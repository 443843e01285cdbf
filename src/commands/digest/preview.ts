/** /digest preview [channel]: what the digest would post now, shown to the manager alone. */
import { MAX_FOLLOW_UPS } from '../../message/payload.js';
import { channelLabel } from '../../render/digest-admin.js';
import { defineSubcommand } from '../subcommand.js';
import { channelOrHere, privately, requireSubscription, targetChannel } from './channel.js';

export const preview = defineSubcommand({
  name: 'preview',
  description: 'What the next digest would post, shown only to you',
  options: { channel: channelOrHere },
  async run(input, services) {
    const sub = await requireSubscription(targetChannel(input.options.channel, input), input, services);
    const [first, ...rest] = await services.digests.preview(sub.channelId);
    if (!first) {
      return privately(
        `Nothing new for ${channelLabel(sub)} since its last digest: today's would be skipped (turn on post_when_empty to post a short note instead).`,
      );
    }
    // The digest is shown as far as one answer may go; the rest is counted, not posted to the manager.
    const shown = rest.slice(0, MAX_FOLLOW_UPS);
    const total = rest.length + 1;
    const part = shown.length < rest.length ? ` (its first ${shown.length + 1} of ${total} messages)` : '';
    const note = `Preview for ${channelLabel(sub)}${part}, only you can see it:`;
    const content = first.content ? `${note}\n${first.content}` : note;
    return { ...first, content, ephemeral: true, followUps: shown };
  },
});
