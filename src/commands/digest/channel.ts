/** The channel a /digest subcommand is about, and whether the bot can post digests there. */
import { ChannelType } from 'discord-api-types/v10';
import type { Subscription } from '../../digest/model.js';
import type { Reply } from '../../message/payload.js';
import { channelOption } from '../options.js';
import type { SubcommandInput } from '../subcommand.js';
import { type ChannelOption, type Services, UsageError } from '../types.js';

/**
 * Digests go to text and announcement channels, and to forum and media channels as a post a day: Discord offers no
 * other kind in the option.
 */
const POSTABLE = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.GuildMedia,
];

export const channelNamed = (description = 'The channel') =>
  channelOption({ description, required: true, channelTypes: POSTABLE });

/** A channel that may be left out: the channel the command was typed in. */
export const channelOrHere = channelOption({
  description: 'The channel',
  required: false,
  channelTypes: POSTABLE,
});

/** What every /digest subcommand answers: for the manager alone. */
export const privately = (content: string): Reply => ({ content, ephemeral: true });

type Where = Pick<SubcommandInput, 'guildId' | 'channelId'>;

/** The channel chosen, else the channel the command was typed in. */
export function targetChannel(chosen: ChannelOption | undefined, where: Where): { id: string; name: string } {
  if (chosen) return chosen;
  if (!where.channelId) throw new UsageError('Name a channel, e.g. `channel:#briefings`.');
  return { id: where.channelId, name: where.channelId };
}

/** What the bot needs to post digests in a channel of this kind, by the names Discord's UI shows there. */
function needed(kind: ChannelOption['kind']): string {
  return kind === 'forum' || kind === 'media'
    ? 'View Channel, Create Posts, Send Messages in Posts and Embed Links'
    : 'View Channel, Send Messages and Embed Links';
}

/**
 * Only text, announcement, forum and media channels take digests, and only where the bot can view, post and
 * embed.
 */
export function assertPostable(channel: ChannelOption): void {
  if (channel.kind === 'other') {
    throw new UsageError(
      `#${channel.name} is not a text, announcement, forum or media channel. Pick one where people read messages, e.g. #briefings.`,
    );
  }
  if (channel.missingPermissions.length) {
    const missing = channel.missingPermissions.join(', ');
    throw new UsageError(
      `I can't post in #${channel.name}: missing **${missing}**. Give the bot ${needed(channel.kind)} there ` +
        '(Edit Channel > Permissions), then subscribe again.',
    );
  }
}

/** The channel's subscription in this server; none is the manager's to fix. */
export async function requireSubscription(
  channel: { id: string; name: string },
  where: Where,
  services: Services,
): Promise<Subscription> {
  const sub = await services.digests.subscriptions.get(channel.id);
  if (!sub || sub.guildId !== where.guildId) {
    throw new UsageError(`There is no digest in #${channel.name}. Set one up with \`/digest subscribe\`.`);
  }
  return sub;
}
