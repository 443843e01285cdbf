/** Digest delivery to Discord channels: one REST call per message, with a nonce so a retry never posts twice. */
import { type Client, DiscordAPIError, HTTPError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import type { ChannelOption } from '../commands/types.js';
import { DeliveryError, type DigestSink, type PostedSearch } from '../digest/delivery/sink.js';
import { type MessagePayload, NO_MENTIONS } from '../message/payload.js';
import { describeChannel } from './channels.js';
import { findPostedMessages } from './find-posted.js';

const ACCESS_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/** What reading the history (to check after a crash) needs. */
const TO_READ_HISTORY = ['View Channel', 'Read Message History'];
const TO_SEND = ['View Channel', 'Send Messages', 'Embed Links'];

/**
 * Discord's refusal as a server manager can act on it: which permissions, in which channel. The permissions are
 * those the gateway says the bot lacks among what the call needs, else (an unseen channel) all it needs.
 */
function toDeliveryError(
  error: unknown,
  channel: ChannelOption | undefined,
  channelId: string,
  needs: 'send' | 'read-history' = 'send',
): DeliveryError {
  const channelName = channel?.name ?? null;
  if (error instanceof DiscordAPIError) {
    if (ACCESS_CODES.has(Number(error.code)) || error.status === 403) {
      const wanted = needs === 'send' ? TO_SEND : TO_READ_HISTORY;
      const lacking = [...(channel?.missingPermissions ?? []), ...(channel?.missingRecommended ?? [])];
      const missing = lacking.filter((name) => wanted.includes(name));
      const permissions = missing.length ? missing : needs === 'send' ? ['access'] : TO_READ_HISTORY;
      return new DeliveryError(
        'missing-access',
        `missing ${permissions.join(', ')} in channel ${channelId}`,
        {
          cause: error,
          loss: { code: 'missing-permission', permissions, channelName },
        },
      );
    }
    if (error.code === RESTJSONErrorCodes.UnknownChannel || error.status === 404) {
      return new DeliveryError('unknown-channel', `channel ${channelId} no longer exists`, {
        cause: error,
        loss: { code: 'channel-gone', channelName },
      });
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
        // No mentions unless the digest renderer allowed exactly one opted-in role.
        body: {
          ...message,
          allowed_mentions: message.allowed_mentions ?? NO_MENTIONS,
          nonce,
          enforce_nonce: true,
        },
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
      throw toDeliveryError(error, this.channel(channelId), channelId, 'read-history');
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
