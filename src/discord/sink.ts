/**
 * Digest delivery to Discord channels: one REST call per message, with a nonce so a retry never posts twice. In a
 * forum or media channel a digest opens a new post, tagged with the forum's own tags that match it. Sending needs
 * no gateway cache: a channel of a guild another shard holds is reached over REST like any other, and what the bot
 * lacks there, when Discord refuses, is read over REST too. Nothing is read before a send: whether the channel is a
 * forum comes with its subscription (asked here, once a process, only for a subscription older than that), and a
 * post reads its forum only for the tags it names.
 */
import {
  ChannelType,
  type Client,
  DiscordAPIError,
  HTTPError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
} from 'discord.js';
import type {
  APIChannel,
  APIGuildForumTag,
  APIMessage,
  APIThreadChannel,
  RESTPostAPIGuildForumThreadsJSONBody,
} from 'discord-api-types/v10';
import type { ChannelOption } from '../commands/types.js';
import {
  DeliveryError,
  type DigestPost,
  type DigestSink,
  type ForumPosts,
  type PostedSearch,
} from '../digest/delivery/sink.js';
import { type MessagePayload, NO_MENTIONS } from '../message/payload.js';
import { describeChannelOverRest } from './channel-over-rest.js';
import { describeChannel } from './channels.js';
import { findPostedMessages, findPostedThreads } from './find-posted.js';

const ACCESS_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/** Discord applies at most five tags to a post. */
export const MAX_APPLIED_TAGS = 5;
/** A post's name is 1 to 100 characters. */
const MAX_POST_TITLE = 100;
/**
 * How long a forum read over REST is used again: a forum-ness check (for a subscription that does not say) and the
 * post it leads to, or a look for posts and the post after it, read the forum once. Its tags are read fresh after.
 */
const FORUM_READ_REUSE_MS = 60_000;

/**
 * What each call needs, by the names Discord's UI shows, and what to name when the gateway cannot say which of
 * them the bot lacks (a channel it does not see).
 */
const NEEDS = {
  send: { wanted: ['View Channel', 'Send Messages', 'Embed Links'], unseen: ['access'] },
  post: { wanted: ['View Channel', 'Create Posts', 'Embed Links'], unseen: ['access'] },
  'send-in-post': { wanted: ['View Channel', 'Send Messages in Posts', 'Embed Links'], unseen: ['access'] },
  /** Reading the history, or the forum's posts (to check after a crash). */
  'read-history': {
    wanted: ['View Channel', 'Read Message History'],
    unseen: ['View Channel', 'Read Message History'],
  },
} as const;

type Need = keyof typeof NEEDS;

const isAccessRefusal = (error: unknown): boolean =>
  error instanceof DiscordAPIError && (ACCESS_CODES.has(Number(error.code)) || error.status === 403);

/**
 * Discord's refusal as a server manager can act on it: which permissions, in which channel. The permissions are
 * those the gateway says the bot lacks among what the call needs, else (an unseen channel) all it needs.
 */
function toDeliveryError(
  error: unknown,
  channel: ChannelOption | undefined,
  channelId: string,
  need: Need,
): DeliveryError {
  const channelName = channel?.name ?? null;
  if (error instanceof DiscordAPIError) {
    if (isAccessRefusal(error)) {
      const { wanted, unseen } = NEEDS[need];
      const lacking = [...(channel?.missingPermissions ?? []), ...(channel?.missingRecommended ?? [])];
      const missing = lacking.filter((name) => (wanted as readonly string[]).includes(name));
      const permissions = missing.length ? missing : [...unseen];
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

/** A forum as a post needs it: its server, and the tags the bot may apply there. */
interface Forum {
  id: string;
  guildId: string;
  tags: readonly Pick<APIGuildForumTag, 'id' | 'name' | 'moderated'>[];
  /** Moderated tags need Manage Threads (Manage Posts). */
  mayModerate: boolean;
}

const isForumType = (type: ChannelType) => type === ChannelType.GuildForum || type === ChannelType.GuildMedia;

/** The ids of the forum's tags named by `names` (case-insensitively), most wanted first, at most five. */
export function chooseTags(forum: Pick<Forum, 'tags' | 'mayModerate'>, names: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const tag of forum.tags) {
    const key = tag.name.trim().toLowerCase();
    if ((!tag.moderated || forum.mayModerate) && !byName.has(key)) byName.set(key, tag.id);
  }
  const chosen: string[] = [];
  for (const name of names) {
    const id = byName.get(name.trim().toLowerCase());
    if (id && !chosen.includes(id)) chosen.push(id);
    if (chosen.length === MAX_APPLIED_TAGS) break;
  }
  return chosen;
}

/** A post's name within Discord's limit, cut between characters rather than inside one. */
function postName(title: string): string {
  const characters = Array.from(title.trim());
  return characters.length <= MAX_POST_TITLE
    ? characters.join('')
    : characters.slice(0, MAX_POST_TITLE).join('');
}

export class DiscordSink implements DigestSink {
  readonly forums: ForumPosts;
  /**
   * Whether channels the gateway's cache does not hold are forums, as learned over REST in this process: a
   * channel never becomes or stops being one, so each is asked at most once.
   */
  private readonly forumness = new Map<string, boolean>();
  /** Forums read over REST, and when: used again for FORUM_READ_REUSE_MS. */
  private readonly forumReads = new Map<string, { forum: Forum; at: number }>();

  constructor(private readonly client: Client) {
    this.forums = {
      isForum: async (channelId) =>
        this.forumness.get(channelId) ?? (await this.forum(channelId)) !== undefined,
      createPost: (forumId, post, message) => this.createPost(forumId, post, message),
      findPosts: (forumId, markers, since) => this.findPosts(forumId, markers, since),
    };
  }

  /**
   * The channel as the gateway described it, when the bot can still see it; for a post (a thread), its forum,
   * whose permissions it follows.
   */
  private channel(channelId: string): ChannelOption | undefined {
    const channel = this.client.channels.cache.get(channelId);
    if (!channel || !('guild' in channel)) return undefined;
    if (!channel.isThread()) return describeChannel(channel);
    return channel.parent ? describeChannel(channel.parent) : undefined;
  }

  private inPost(channelId: string): boolean {
    const channel = this.client.channels.cache.get(channelId);
    return Boolean(channel?.isThread() && channel.parent && isForumType(channel.parent.type));
  }

  /**
   * Discord's refusal, naming what the bot lacks in the channel: from the gateway's cache, or, for a channel of a
   * guild another shard holds (or one not cached), read over REST. A send in a post needs what posts need.
   */
  private async failure(error: unknown, channelId: string, need: Need): Promise<DeliveryError> {
    const cached = this.channel(channelId);
    const botId = this.client.user?.id;
    if (cached || !botId || !isAccessRefusal(error)) {
      const inPost = need === 'send' && this.inPost(channelId);
      return toDeliveryError(error, cached, channelId, inPost ? 'send-in-post' : need);
    }
    const remote = await describeChannelOverRest(this.client.rest, channelId, botId);
    const inPost = need === 'send' && (remote?.inPost ?? false);
    return toDeliveryError(error, remote?.option, channelId, inPost ? 'send-in-post' : need);
  }

  /**
   * The channel as a forum (its server and tags), or undefined when it is not one. From the gateway's cache; a
   * channel the cache does not hold is asked of Discord (or answered from a read of the last minute), and what it
   * is remembered.
   */
  private async forum(channelId: string): Promise<Forum | undefined> {
    const cached = this.client.channels.cache.get(channelId);
    if (cached) {
      if (
        !('guild' in cached) ||
        (cached.type !== ChannelType.GuildForum && cached.type !== ChannelType.GuildMedia)
      )
        return undefined;
      const me = cached.guild.members.me;
      return {
        id: cached.id,
        guildId: cached.guildId,
        tags: cached.availableTags,
        mayModerate: Boolean(me && cached.permissionsFor(me).has(PermissionFlagsBits.ManageThreads)),
      };
    }
    const read = this.forumReads.get(channelId);
    if (read && Date.now() - read.at < FORUM_READ_REUSE_MS) return read.forum;
    let channel: APIChannel;
    try {
      channel = (await this.client.rest.get(Routes.channel(channelId))) as APIChannel;
    } catch (error) {
      throw toDeliveryError(error, undefined, channelId, 'send');
    }
    if (!isForumType(channel.type) || !('available_tags' in channel) || !channel.guild_id) {
      this.forumness.set(channelId, false);
      return undefined;
    }
    const forum = {
      id: channel.id,
      guildId: channel.guild_id,
      tags: channel.available_tags,
      mayModerate: false,
    };
    this.forumness.set(channelId, true);
    this.forumReads.set(channelId, { forum, at: Date.now() });
    return forum;
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
      throw await this.failure(error, channelId, 'send');
    }
  }

  async findPosted(channelId: string, markers: readonly string[], since: Date): Promise<PostedSearch> {
    try {
      return await findPostedMessages(this.client, channelId, markers, since);
    } catch (error) {
      throw await this.failure(error, channelId, 'read-history');
    }
  }

  async publish(channelId: string, messageId: string): Promise<void> {
    try {
      await this.client.rest.post(Routes.channelMessageCrosspost(channelId, messageId));
    } catch (error) {
      throw await this.failure(error, channelId, 'send');
    }
  }

  private async createPost(
    forumId: string,
    post: DigestPost,
    message: MessagePayload,
  ): Promise<{ threadId: string }> {
    const body: RESTPostAPIGuildForumThreadsJSONBody = {
      name: postName(post.title),
      applied_tags: await this.tagsFor(forumId, post.tagNames),
      // The digest's first message as it is, with no mentions unless the renderer allowed its one role.
      message: { ...message, allowed_mentions: message.allowed_mentions ?? NO_MENTIONS },
    };
    try {
      const thread = (await this.client.rest.post(Routes.threads(forumId), { body })) as APIThreadChannel;
      return { threadId: thread.id };
    } catch (error) {
      throw await this.failure(error, forumId, 'post');
    }
  }

  /**
   * The ids of the forum's tags the post should carry. The forum's tags are read only when the post names some: a
   * post that wants none (a quiet day's) is opened with no request before it.
   */
  private async tagsFor(forumId: string, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const forum = await this.forum(forumId);
    if (!forum) throw new DeliveryError('transient', `channel ${forumId} is not a forum or media channel`);
    return chooseTags(forum, names);
  }

  private async findPosts(forumId: string, markers: readonly string[], since: Date): Promise<PostedSearch> {
    const forum = await this.forum(forumId);
    if (!forum) return { found: new Map(), complete: true };
    try {
      return await findPostedThreads(this.client, forum, markers, since);
    } catch (error) {
      throw await this.failure(error, forumId, 'read-history');
    }
  }
}
