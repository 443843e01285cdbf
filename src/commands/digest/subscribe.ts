/** /digest subscribe: one subscription per channel; subscribing again changes it. */

import type { Reply } from '../../message/payload.js';
import { channelLabel, describeSubscription } from '../../render/digest-admin.js';
import { type CommandInput, type Services, UsageError } from '../types.js';
import { assertPostable } from './channel.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export async function subscribe(input: CommandInput, services: Services): Promise<Reply> {
  const { digests } = services;
  const channel = input.channels.channel;
  if (!channel)
    throw new UsageError(
      'Name the channel to post in, e.g. `/digest subscribe channel:#briefings time:08:00`.',
    );
  assertPostable(channel);
  const publish = input.options.publish === true;
  if (publish && channel.kind !== 'announcement') {
    throw new UsageError(
      `#${channel.name} is not an announcement channel, so there is nothing to publish to. Leave publish off.`,
    );
  }
  const party = text(input.options.party);
  if (party && !services.library().registry.resolve(party)) {
    const close = services
      .library()
      .registry.suggest(party, 3)
      .map((p) => p.name);
    throw new UsageError(
      `"${party}" is not a party I know.${close.length ? ` Did you mean: ${close.join(', ')}?` : ''} Pick one from the list as you type.`,
    );
  }
  const existed = Boolean(await digests.subscriptions.get(channel.id));
  const sub = await digests.subscriptions.subscribe({
    guildId: input.guildId ?? '',
    channelId: channel.id,
    channelName: channel.name,
    time: String(input.options.time ?? ''),
    timezone: text(input.options.timezone) ?? services.defaultTimezone,
    party: party ? services.library().registry.resolve(party)?.name : null,
    tag: text(input.options.tag) ?? null,
    postWhenEmpty: input.options.post_when_empty === true,
    publish,
    createdBy: input.user.id,
  });
  const lines = [
    `${existed ? 'Updated' : 'Subscribed'} ${channelLabel(sub)}.`,
    ...describeSubscription(sub, digests.nextFireAt(sub)),
    'See what it would post now with `/digest preview`.',
  ];
  const recommended = 'missingRecommended' in channel ? (channel.missingRecommended ?? []) : [];
  if (recommended.length)
    lines.push(
      `Also give the bot **${recommended.join(', ')}** in #${channel.name}: without it, a digest cut off by a ` +
        'restart cannot be checked for in the channel, and is reported as not confirmed instead of being sent again.',
    );
  return { content: lines.join('\n'), ephemeral: true };
}
