/**
 * Looks through a channel's history for the bot's own digest messages: those whose buttons carry a marker (a
 * part's nonce). Reads forward from a time, a page of 100 at a time, up to a bound: a digest is looked for after
 * a crash, and a channel busy enough to bury it that deep is reported rather than read for minutes.
 */
import { type Client, Routes, SnowflakeUtil } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
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
