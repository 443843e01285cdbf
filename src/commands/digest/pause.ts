/** /digest pause channel: no digest goes out there until it is resumed. */
import { channelLabel } from '../../render/digest-admin.js';
import { describePause } from '../../render/digest-reasons.js';
import { defineSubcommand } from '../subcommand.js';
import { channelNamed, privately, requireSubscription } from './channel.js';

export const pause = defineSubcommand({
  name: 'pause',
  description: 'Pause a digest',
  options: { channel: channelNamed() },
  async run(input, services) {
    const sub = await requireSubscription(input.options.channel, input, services);
    if (sub.paused)
      return privately(`${channelLabel(sub)} is already paused: ${describePause(sub.pauseReason)}.`);
    await services.digests.subscriptions.pause(sub.channelId, { code: 'by-manager', by: input.user.name });
    return privately(`Paused the digest in ${channelLabel(sub)}. \`/digest resume\` takes it up again.`);
  },
});
