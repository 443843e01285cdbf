/** Direct-message channels between the bot and the world's users: one per user, opened on first ask. */
import { type APIDMChannel, ChannelType } from 'discord-api-types/v10';
import { apiUser } from './api-objects.js';
import { snowflake } from './snowflake.js';
import { findUser, type UserSpec, type WorldSpec } from './world.js';

export interface DirectMessageChannel {
  id: string;
  userId: string;
}

export class DirectMessageChannels {
  private readonly byUser = new Map<string, DirectMessageChannel>();
  private readonly byId = new Map<string, DirectMessageChannel>();

  constructor(private readonly world: WorldSpec) {}

  /** The user's channel with the bot, opened if need be; undefined for a user the world does not have. */
  open(userId: string): DirectMessageChannel | undefined {
    const known = this.byUser.get(userId);
    if (known) return known;
    if (userId === this.world.bot.id || !findUser(this.world, userId)) return undefined;
    const channel = { id: snowflake(), userId };
    this.byUser.set(userId, channel);
    this.byId.set(channel.id, channel);
    return channel;
  }

  /** The channel with this id, when it is a direct-message channel. */
  get(channelId: string): DirectMessageChannel | undefined {
    return this.byId.get(channelId);
  }

  /** The user's channel, if the bot has opened one. */
  of(userId: string): DirectMessageChannel | undefined {
    return this.byUser.get(userId);
  }

  recipient(channel: DirectMessageChannel): UserSpec {
    return (
      findUser(this.world, channel.userId) ?? {
        id: channel.userId,
        username: `user-${channel.userId.slice(-4)}`,
      }
    );
  }

  /** As Discord returns it (type 1, one recipient). */
  apiChannel(channel: DirectMessageChannel, lastMessageId: string | null): APIDMChannel {
    return {
      id: channel.id,
      type: ChannelType.DM,
      flags: 0,
      last_message_id: lastMessageId,
      recipients: [apiUser(this.recipient(channel))],
    } as unknown as APIDMChannel;
  }
}
