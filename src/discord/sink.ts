/** Digest delivery to Discord channels: one REST call per message, with a nonce so a retry never posts twice. */
import { type Client, DiscordAPIError, HTTPError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { type MessagePayload, NO_MENTIONS } from '../render/payload.js';
import { DeliveryError, type DigestSink } from '../schedule/delivery.js';

const ACCESS_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  if (error instanceof DiscordAPIError) {
    if (ACCESS_CODES.has(Number(error.code))) {
      return new DeliveryError('missing-access', `missing access in channel ${channelId}: ${error.message}`);
    }
    if (error.code === RESTJSONErrorCodes.UnknownChannel) {
      return new DeliveryError('unknown-channel', `channel ${channelId} no longer exists`);
    }
    if (error.status === 403) return new DeliveryError('missing-access', error.message);
    if (error.status === 404) return new DeliveryError('unknown-channel', error.message);
  }
  const message = error instanceof HTTPError || error instanceof Error ? error.message : String(error);
  return new DeliveryError('transient', message);
}

export class DiscordSink implements DigestSink {
  constructor(
    private readonly client: Client,
    private readonly describe: (channelId: string) => string = (id) => id,
  ) {}

  async send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    try {
      // Straight to REST: no channel cache needed, and @discordjs/rest paces it against the rate limits.
      const sent = (await this.client.rest.post(Routes.channelMessages(channelId), {
        body: { ...message, allowed_mentions: NO_MENTIONS, nonce, enforce_nonce: true },
      })) as APIMessage;
      return { messageId: sent.id };
    } catch (error) {
      throw toDeliveryError(error, this.describe(channelId));
    }
  }

  async publish(channelId: string, messageId: string): Promise<void> {
    try {
      await this.client.rest.post(Routes.channelMessageCrosspost(channelId, messageId));
    } catch (error) {
      throw toDeliveryError(error, this.describe(channelId));
    }
  }
}
