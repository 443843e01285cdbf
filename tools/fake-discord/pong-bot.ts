/**
 * The smallest real bot: discord.js with the Guilds intent, answering every chat input command with "pong".
 * It is the floor of the latency benchmark and the fake's own smoke test.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

export interface PongBot {
  client: Client;
  /** Replies that failed (the fake refused them, or the network did). */
  errors: unknown[];
  stop(): Promise<void>;
}

export async function startPongBot(apiUrl: string, token: string): Promise<PongBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction
      .reply({ content: 'pong', allowedMentions: { parse: [] } })
      .catch((error: unknown) => errors.push(error));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return { client, errors, stop: () => client.destroy() };
}
