/**
 * Party alerts to Discord: a direct message is opened with the reader (POST /users/@me/channels, remembered for
 * the process) and the message sent in it with its nonce, never mentioning anyone.
 */
import { type Client, DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIChannel, APIMessage } from 'discord-api-types/v10';
import { DirectMessageError, type DirectMessages } from '../follow/direct-messages.js';
import { type MessagePayload, NO_MENTIONS } from '../message/payload.js';

/** Discord will not deliver to this reader: direct messages closed to the bot, no server shared, or no such user. */
const CLOSED_CODES = new Set<number>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.UnknownUser,
]);

function toDirectMessageError(error: unknown, userId: string): DirectMessageError {
  if (error instanceof DiscordAPIError && CLOSED_CODES.has(Number(error.code))) {
    return new DirectMessageError(
      'closed',
      `cannot send direct messages to user ${userId}: ${error.message}`,
      {
        cause: error,
      },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DirectMessageError('transient', message, { cause: error });
}

export class DiscordDirectMessages implements DirectMessages {
  /** Reader -> their direct-message channel with the bot, as Discord opened it. */
  private readonly channels = new Map<string, string>();

  constructor(private readonly client: Client) {}

  async send(userId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    try {
      const channelId = await this.channelWith(userId);
      const { allowed_mentions: _never, ...body } = message;
      const sent = (await this.client.rest.post(Routes.channelMessages(channelId), {
        body: { ...body, allowed_mentions: NO_MENTIONS, nonce, enforce_nonce: true },
      })) as APIMessage;
      return { messageId: sent.id };
    } catch (error) {
      throw toDirectMessageError(error, userId);
    }
  }

  private async channelWith(userId: string): Promise<string> {
    const known = this.channels.get(userId);
    if (known) return known;
    const channel = (await this.client.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as APIChannel;
    this.channels.set(userId, channel.id);
    return channel.id;
  }
}
