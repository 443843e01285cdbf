/** /digest unsubscribe channel: stops a channel's digest; its delivery history stays. */
import { channelLabel } from '../../render/digest-admin.js';
import { defineSubcommand } from '../subcommand.js';
import { channelNamed, privately, requireSubscription } from './channel.js';

export const unsubscribe = defineSubcommand({
  name: 'unsubscribe',
  description: 'Stop the digest in a channel',
  options: { channel: channelNamed() },
  async run(input, services) {
    const sub = await requireSubscription(input.options.channel, input, services);
    await services.digests.subscriptions.unsubscribe(sub.channelId);
    return privately(
      `Stopped the digest in ${channelLabel(sub)}. Its delivery history stays in \`/digest status\`.`,
    );
  },
});
