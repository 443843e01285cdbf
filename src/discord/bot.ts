/** The bot on Discord: log in, register commands, route interactions, hand back a stop() that drains first. */
import { type Client, Events } from 'discord.js';
import type { CommandDispatcher } from '../commands/dispatch.js';
import type { Logger } from '../log.js';
import { InteractionRouter } from './interactions.js';
import { stopWithManager } from './managed-shard.js';
import { shardProblem, shardsOf } from './shards.js';
import { syncCommands } from './sync.js';

export interface DiscordBotOptions {
  client: Client;
  token: string;
  /** Read from the gateway's READY when absent. */
  clientId?: string;
  guildId?: string;
  dispatcher: CommandDispatcher;
  log: Logger;
}

export interface DiscordBot {
  client: Client<true>;
  applicationId: string;
  /** Stops taking interactions, waits for those in flight, then disconnects. */
  stop(): Promise<void>;
}

export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { log, dispatcher } = options;
  const { client } = options;
  const problem = shardProblem(client.options);
  if (problem) {
    await client.destroy();
    throw new Error(problem);
  }
  stopWithManager(client, log);
  const router = new InteractionRouter(dispatcher, log);
  client.on(Events.InteractionCreate, router.handle);
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  log.info({ api: client.rest.options.api, ...shardsOf(client.options) }, 'logging in');
  await client.login(options.token);
  const readyClient = await ready;
  const applicationId = options.clientId ?? readyClient.application.id;
  log.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      applicationId,
      ...shardsOf(readyClient.options),
    },
    'ready',
  );

  try {
    await syncCommands(
      readyClient.rest,
      { applicationId, guildId: options.guildId },
      dispatcher.definitions(),
      log,
    );
  } catch (error) {
    await client.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    // The usual cause: an invite without the applications.commands scope, or a server the bot is not in.
    throw new Error(
      `could not register the slash commands (${reason}). Invite the bot with the scopes "bot applications.commands"` +
        `${options.guildId ? ` to server ${options.guildId}, or unset DISCORD_GUILD_ID` : ''}.`,
    );
  }

  return {
    client: readyClient,
    applicationId,
    async stop() {
      await router.drain();
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
