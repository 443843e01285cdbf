/** /digest send-now channel: posts what is new in a subscribed channel now, through the same ledger. */
import { channelLabel, discordTime } from '../../render/digest-admin.js';
import { describeReason } from '../../render/digest-reasons.js';
import { plural } from '../../render/format.js';
import { defineSubcommand } from '../subcommand.js';
import { channelNamed, privately, requireSubscription } from './channel.js';

export const sendNow = defineSubcommand({
  name: 'send-now',
  description: 'Post what is new in a subscribed channel right now',
  options: { channel: channelNamed() },
  // A post: every instance of the shard receives the question, and only the one Discord lets answer it sends.
  acknowledgeFirst: true,
  async run(input, services) {
    const sub = await requireSubscription(input.options.channel, input, services);
    const outcome = await services.digests.sendNow(sub.channelId);
    const where = channelLabel(sub);
    if (outcome.status === 'sent')
      return privately(
        `Posted ${plural(outcome.briefingIds.length, 'new briefing')} in ${where} (${plural(outcome.messageIds.length, 'message')}).`,
      );
    if (outcome.status === 'pending')
      return privately(
        `Discord did not take the digest for ${where} yet; it is tried again ${outcome.retryAt ? discordTime(new Date(outcome.retryAt), 'R') : 'shortly'}. See \`/digest status\`.`,
      );
    const reason = outcome.reason ? `, ${describeReason(outcome.reason)}` : '';
    return privately(`Nothing posted in ${where}: ${outcome.status}${reason}.`);
  },
});
