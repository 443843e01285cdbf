/** The channel a /digest subcommand is about, and whether the bot can post digests there. */
import type { Subscription } from '../../digest/model.js';
import { type ChannelOption, type CommandInput, type Services, UsageError } from '../types.js';

/** The channel option, else the channel the command was typed in. */
export function targetChannel(input: CommandInput): ChannelOption | { id: string; name: string } {
  const chosen = input.channels.channel;
  if (chosen) return chosen;
  if (!input.channelId) throw new UsageError('Name a channel, e.g. `channel:#briefings`.');
  return { id: input.channelId, name: input.channelId };
}

/** Only text and announcement channels take digests, and only where the bot can view, send and embed. */
export function assertPostable(channel: ChannelOption): void {
  if (channel.kind === 'other') {
    throw new UsageError(
      `#${channel.name} is not a text or announcement channel. Pick one where people read messages, e.g. #briefings.`,
    );
  }
  if (channel.missingPermissions.length) {
    const missing = channel.missingPermissions.join(', ');
    throw new UsageError(
      `I can't post in #${channel.name}: missing **${missing}**. Give the bot View Channel, Send Messages and ` +
        'Embed Links there (Edit Channel > Permissions), then subscribe again.',
    );
  }
}

export async function requireSubscription(input: CommandInput, services: Services): Promise<Subscription> {
  const channel = targetChannel(input);
  const sub = await services.digests.subscriptions.get(channel.id);
  if (!sub || sub.guildId !== input.guildId) {
    throw new UsageError(`There is no digest in #${channel.name}. Set one up with \`/digest subscribe\`.`);
  }
  return sub;
}
