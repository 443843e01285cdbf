/** /digest status [channel]: the last deliveries, with their outcome and reason. */
import { renderStatus } from '../../render/digest-admin.js';
import { defineSubcommand } from '../subcommand.js';
import { channelOrHere, requireSubscription } from './channel.js';

export const status = defineSubcommand({
  name: 'status',
  description: 'Recent deliveries and why anything was skipped',
  options: { channel: channelOrHere },
  async run(input, services) {
    const { digests } = services;
    const guildId = input.guildId ?? '';
    const { channel } = input.options;
    const only = channel ? await requireSubscription(channel, input, services) : undefined;
    const subs = only ? [only] : await digests.subscriptions.list(guildId);
    const records = await digests.status(guildId, only?.channelId);
    return renderStatus(records, subs, (sub) => digests.nextFireAt(sub));
  },
});
