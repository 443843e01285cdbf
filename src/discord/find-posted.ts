/**
 * Looks through a channel's history for the bot's own digest messages: those whose buttons carry a marker (a
 * part's nonce). Reads forward from a time, a page of 100 at a time, up to a bound: a digest is looked for after
 * a crash, and a channel busy enough to bury it that deep is reported rather than read for minutes.
 *
 * In a forum a digest is a post: the bot's posts made since that time (active ones, and those archived since)
 * are found by their starter message, which has the post's id and carries the first part's marker.
 */
import { type Client, DiscordAPIError, Routes, SnowflakeUtil } from 'discord.js';
import type {
  APIMessage,
  APIThreadChannel,
  RESTGetAPIChannelThreadsArchivedPublicResult,
  RESTGetAPIGuildThreadsResult,
} from 'discord-api-types/v10';
import { markedNonce } from '../digest/delivery/reconcile.js';
import type { PostedSearch } from '../digest/delivery/sink.js';

const PAGE_SIZE = 100;
/** 2,000 messages: far more than a digest channel sees in a day. */
export const MAX_PAGES = 20;

/** Every custom_id in a message's components, however deeply they nest (action rows, containers, sections). */
function customIds(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) customIds(child, into);
  } else if (node && typeof node === 'object') {
    const { custom_id: customId, components, accessory } = node as Record<string, unknown>;
    if (typeof customId === 'string') into.push(customId);
    if (components) customIds(components, into);
    if (accessory) customIds(accessory, into);
  }
  return into;
}

export async function findPostedMessages(
  client: Client,
  channelId: string,
  markers: readonly string[],
  since: Date,
): Promise<PostedSearch> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  const botId = client.user?.id;
  let after = SnowflakeUtil.generate({ timestamp: since.getTime() }).toString();
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ after, limit: String(PAGE_SIZE) });
    const messages = (await client.rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
    for (const message of messages) {
      if (botId && message.author.id !== botId) continue;
      for (const customId of customIds(message.components)) {
        const nonce = markedNonce(customId);
        if (nonce && wanted.has(nonce) && !found.has(nonce)) found.set(nonce, message.id);
      }
    }
    if (found.size === wanted.size || messages.length < PAGE_SIZE) return { found, complete: true };
    // Newest first in each page; the next page starts after the newest seen.
    after = messages.reduce((max, message) => (BigInt(message.id) > BigInt(max) ? message.id : max), after);
  }
  return { found, complete: false };
}

/** Archived posts are listed newest archived first, 100 a page; 500 is far more than a forum archives in a day. */
const ARCHIVED_PAGE_SIZE = 100;
export const MAX_ARCHIVED_PAGES = 5;

/**
 * The bot's posts in a forum made since `since` whose starter message carries one of the markers: marker -> the
 * post's id. Incomplete when more posts were archived since than the pages read.
 */
export async function findPostedThreads(
  client: Client,
  forum: { id: string; guildId: string },
  markers: readonly string[],
  since: Date,
): Promise<PostedSearch> {
  const wanted = new Set(markers);
  const botId = client.user?.id;
  const candidates = new Map<string, APIThreadChannel>();
  const consider = (thread: APIThreadChannel) => {
    if (thread.parent_id !== forum.id || (botId && thread.owner_id !== botId)) return;
    if (SnowflakeUtil.timestampFrom(thread.id) < since.getTime()) return;
    candidates.set(thread.id, thread);
  };

  const active = (await client.rest.get(
    Routes.guildActiveThreads(forum.guildId),
  )) as RESTGetAPIGuildThreadsResult;
  for (const thread of active.threads) consider(thread as APIThreadChannel);

  let complete = false;
  let before: string | undefined;
  for (let page = 0; page < MAX_ARCHIVED_PAGES && !complete; page++) {
    const query = new URLSearchParams({ limit: String(ARCHIVED_PAGE_SIZE), ...(before ? { before } : {}) });
    const archived = (await client.rest.get(Routes.channelThreads(forum.id, 'public'), {
      query,
    })) as RESTGetAPIChannelThreadsArchivedPublicResult;
    const threads = archived.threads as APIThreadChannel[];
    for (const thread of threads) consider(thread);
    const oldest = threads.at(-1)?.thread_metadata?.archive_timestamp;
    // A post archived before `since` was made before it too: nothing older can be one of ours.
    complete = !archived.has_more || !oldest || Date.parse(oldest) < since.getTime();
    before = oldest;
  }

  const found = new Map<string, string>();
  // Oldest first: were there ever two, the first one is the digest's post.
  const ordered = [...candidates.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const threadId of ordered) {
    if (found.size === wanted.size) break;
    let starter: APIMessage;
    try {
      starter = (await client.rest.get(Routes.channelMessage(threadId, threadId))) as APIMessage;
    } catch (error) {
      // The starter message (or the whole post) was deleted since it was listed: it carries nothing now.
      if (error instanceof DiscordAPIError && error.status === 404) continue;
      throw error;
    }
    if (botId && starter.author.id !== botId) continue;
    for (const customId of customIds(starter.components)) {
      const nonce = markedNonce(customId);
      if (nonce && wanted.has(nonce) && !found.has(nonce)) found.set(nonce, threadId);
    }
  }
  return { found, complete };
}
