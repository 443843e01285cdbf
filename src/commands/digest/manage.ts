/** /digest unsubscribe, pause, resume, list and status: the subscriptions and their ledger. */
import { channelLabel, renderStatus, renderSubscriptions } from '../../render/digest-admin.js';
import type { Reply } from '../../render/payload.js';
import type { CommandInput, Services } from '../types.js';
import { requireDigests, requireSubscription } from './channel.js';

const answer = (content: string): Reply => ({ content, ephemeral: true });

export function unsubscribe(input: CommandInput, services: Services): Reply {
  const sub = requireSubscription(input, services);
  requireDigests(services).unsubscribe(sub.channelId);
  return answer(
    `Stopped the digest in ${channelLabel(sub)}. Its delivery history stays in \`/digest status\`.`,
  );
}

export function pause(input: CommandInput, services: Services): Reply {
  const sub = requireSubscription(input, services);
  if (sub.paused) return answer(`${channelLabel(sub)} is already paused: ${sub.pauseReason}.`);
  requireDigests(services).pause(sub.channelId, `paused by ${input.user.name}`);
  return answer(`Paused the digest in ${channelLabel(sub)}. \`/digest resume\` takes it up again.`);
}

export function resume(input: CommandInput, services: Services): Reply {
  const sub = requireSubscription(input, services);
  const digests = requireDigests(services);
  const resumed = digests.resume(sub.channelId);
  return answer(
    `Resumed the digest in ${channelLabel(resumed)} from its next time, ${resumed.time} (${resumed.timezone}).`,
  );
}

export function list(input: CommandInput, services: Services): Reply {
  const digests = requireDigests(services);
  return renderSubscriptions(digests.list(input.guildId ?? ''), (sub) => digests.nextFireAt(sub));
}

export function status(input: CommandInput, services: Services): Reply {
  const digests = requireDigests(services);
  const guildId = input.guildId ?? '';
  const only = input.channels.channel ? requireSubscription(input, services) : undefined;
  const subs = only ? [only] : digests.list(guildId);
  return renderStatus(digests.status(guildId, only?.channelId), subs, (sub) => digests.nextFireAt(sub));
}
