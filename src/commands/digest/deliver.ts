/** /digest preview and send-now: the digest a channel would get, shown to the manager or posted now. */

import { MAX_FOLLOW_UPS, type Reply } from '../../message/payload.js';
import { channelLabel, discordTime } from '../../render/digest-admin.js';
import { describeReason } from '../../render/digest-reasons.js';
import { plural } from '../../render/format.js';
import type { CommandInput, Services } from '../types.js';
import { requireSubscription } from './channel.js';

export async function preview(input: CommandInput, services: Services): Promise<Reply> {
  const sub = await requireSubscription(input, services);
  const [first, ...rest] = await services.digests.preview(sub.channelId);
  if (!first) {
    return {
      content: `Nothing new for ${channelLabel(sub)} since its last digest: today's would be skipped (turn on post_when_empty to post a short note instead).`,
      ephemeral: true,
    };
  }
  // The digest is shown as far as one answer may go; the rest is counted, not posted to the manager.
  const shown = rest.slice(0, MAX_FOLLOW_UPS);
  const total = rest.length + 1;
  const part = shown.length < rest.length ? ` (its first ${shown.length + 1} of ${total} messages)` : '';
  const note = `Preview for ${channelLabel(sub)}${part}, only you can see it:`;
  const content = first.content ? `${note}\n${first.content}` : note;
  return { ...first, content, ephemeral: true, followUps: shown };
}

export async function sendNow(input: CommandInput, services: Services): Promise<Reply> {
  const sub = await requireSubscription(input, services);
  const outcome = await services.digests.sendNow(sub.channelId);
  const where = channelLabel(sub);
  const content =
    outcome.status === 'sent'
      ? `Posted ${plural(outcome.briefingIds.length, 'new briefing')} in ${where} (${plural(outcome.messageIds.length, 'message')}).`
      : outcome.status === 'pending'
        ? `Discord did not take the digest for ${where} yet; it is tried again ${outcome.retryAt ? discordTime(new Date(outcome.retryAt), 'R') : 'shortly'}. See \`/digest status\`.`
        : `Nothing posted in ${where}: ${outcome.status}${outcome.reason ? `, ${describeReason(outcome.reason)}` : ''}.`;
  return { content, ephemeral: true };
}
