/** /digest resume channel: a paused digest goes out again from its next time. */
import { channelLabel } from '../../render/digest-admin.js';
import { defineSubcommand } from '../subcommand.js';
import { channelNamed, privately, requireSubscription } from './channel.js';

export const resume = defineSubcommand({
  name: 'resume',
  description: 'Resume a paused digest',
  options: { channel: channelNamed() },
  async run(input, services) {
    const sub = await requireSubscription(input.options.channel, input, services);
    const resumed = await services.digests.subscriptions.resume(sub.channelId);
    return privately(
      `Resumed the digest in ${channelLabel(resumed)} from its next time, ${resumed.time} (${resumed.timezone}).`,
    );
  },
});
