/**
 * The smallest real bot: discord.js with the Guilds intent, answering every chat input command with "pong".
 * It is the floor of the latency benchmark and the fake's own smoke test; with `shards` it runs only those.
 */
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';

export interface PongBot {
  client: Client;
  /** The ids of the interactions this bot was sent, in order. */
  seen: string[];
  /** Replies that failed (the fake refused them, or the network did). */
  errors: unknown[];
  stop(): Promise<void>;
}

/** Which shards the bot runs: discord.js's own options (all of one shard when none given). */
export type PongShards = Pick<ClientOptions, 'shards' | 'shardCount'>;

export async function startPongBot(apiUrl: string, token: string, shards: PongShards = {}): Promise<PongBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl }, ...shards });
  const errors: unknown[] = [];
  const seen: string[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    seen.push(interaction.id);
    if (!interaction.isChatInputCommand()) return;
    interaction
      .reply({ content: 'pong', allowedMentions: { parse: [] } })
      .catch((error: unknown) => errors.push(error));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return { client, seen, errors, stop: () => client.destroy() };
}
