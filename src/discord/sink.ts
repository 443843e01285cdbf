/** Digest delivery to Discord channels: one REST call per message, with a nonce so a retry never posts twice. */
import { type Client, DiscordAPIError, HTTPError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import type { ChannelOption } from '../commands/types.js';
import { type MessagePayload, NO_MENTIONS } from '../render/payload.js';
import { DeliveryError, type DigestSink, type PostedSearch } from '../schedule/delivery.js';
import { describeChannel } from './channels.js';
import { findPostedMessages } from './find-posted.js';

const ACCESS_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/** Discord's refusal in words a server manager can act on: which permission, in which channel. */
function toDeliveryError(
  error: unknown,
  channel: ChannelOption | undefined,
  channelId: string,
  needed?: string,
): DeliveryError {
  const where = channel ? `#${channel.name}` : `channel ${channelId}`;
  if (error instanceof DiscordAPIError) {
    if (ACCESS_CODES.has(Number(error.code)) || error.status === 403) {
      const missing =
        needed ?? (channel?.missingPermissions.length ? channel.missingPermissions.join(', ') : 'access');
      return new DeliveryError('missing-access', `missing ${missing} in ${where}`, { cause: error });
    }
    if (error.code === RESTJSONErrorCodes.UnknownChannel || error.status === 404) {
      return new DeliveryError('unknown-channel', `${where} no longer exists`, { cause: error });
    }
  }
  const message = error instanceof HTTPError || error instanceof Error ? error.message : String(error);
  return new DeliveryError('transient', message, { cause: error });
}

export class DiscordSink implements DigestSink {
  constructor(private readonly client: Client) {}

  /** The channel as the gateway described it, when the bot can still see it. */
  private channel(channelId: string): ChannelOption | undefined {
    const channel = this.client.channels.cache.get(channelId);
    return channel && 'guild' in channel && !channel.isThread() ? describeChannel(channel) : undefined;
  }

  async send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    try {
      // Straight to REST: no channel cache needed, and @discordjs/rest paces it against the rate limits.
      const sent = (await this.client.rest.post(Routes.channelMessages(channelId), {
        body: { ...message, allowed_mentions: NO_MENTIONS, nonce, enforce_nonce: true },
      })) as APIMessage;
      return { messageId: sent.id };
    } catch (error) {
      throw toDeliveryError(error, this.channel(channelId), channelId);
    }
  }

  async findPosted(channelId: string, markers: readonly string[], since: Date): Promise<PostedSearch> {
    try {
      return await findPostedMessages(this.client, channelId, markers, since);
    } catch (error) {
      throw toDeliveryError(
        error,
        this.channel(channelId),
        channelId,
        'View Channel or Read Message History',
      );
    }
  }

  async publish(channelId: string, messageId: string): Promise<void> {
    try {
      await this.client.rest.post(Routes.channelMessageCrosspost(channelId, messageId));
    } catch (error) {
      throw toDeliveryError(error, this.channel(channelId), channelId);
    }
  }
}
