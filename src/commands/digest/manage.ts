/** /digest unsubscribe, pause, resume, list and status: the subscriptions and their ledger. */

import type { Reply } from '../../message/payload.js';
import { channelLabel, renderStatus, renderSubscriptions } from '../../render/digest-admin.js';
import { describePause } from '../../render/digest-reasons.js';
import type { CommandInput, Services } from '../types.js';
import { requireSubscription } from './channel.js';

const answer = (content: string): Reply => ({ content, ephemeral: true });

export async function unsubscribe(input: CommandInput, services: Services): Promise<Reply> {
  const sub = await requireSubscription(input, services);
  await services.digests.subscriptions.unsubscribe(sub.channelId);
  return answer(
    `Stopped the digest in ${channelLabel(sub)}. Its delivery history stays in \`/digest status\`.`,
  );
}

export async function pause(input: CommandInput, services: Services): Promise<Reply> {
  const sub = await requireSubscription(input, services);
  if (sub.paused) return answer(`${channelLabel(sub)} is already paused: ${describePause(sub.pauseReason)}.`);
  await services.digests.subscriptions.pause(sub.channelId, { code: 'by-manager', by: input.user.name });
  return answer(`Paused the digest in ${channelLabel(sub)}. \`/digest resume\` takes it up again.`);
}

export async function resume(input: CommandInput, services: Services): Promise<Reply> {
  const sub = await requireSubscription(input, services);
  const resumed = await services.digests.subscriptions.resume(sub.channelId);
  return answer(
    `Resumed the digest in ${channelLabel(resumed)} from its next time, ${resumed.time} (${resumed.timezone}).`,
  );
}

export async function list(input: CommandInput, services: Services): Promise<Reply> {
  const { digests } = services;
  const subs = await digests.subscriptions.list(input.guildId ?? '');
  return renderSubscriptions(subs, (sub) => digests.nextFireAt(sub));
}

export async function status(input: CommandInput, services: Services): Promise<Reply> {
  const { digests } = services;
  const guildId = input.guildId ?? '';
  const only = input.channels.channel ? await requireSubscription(input, services) : undefined;
  const subs = only ? [only] : await digests.subscriptions.list(guildId);
  const records = await digests.status(guildId, only?.channelId);
  return renderStatus(records, subs, (sub) => digests.nextFireAt(sub));
}
