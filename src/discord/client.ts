/**
 * The discord.js client: Guilds intent only, caches cut to what slash commands and permission checks need, and the
 * shards this process runs.
 */
import { Client, type ClientOptions, GatewayIntentBits, Options } from 'discord.js';

export interface ClientSettings {
  /** REST base such as http://127.0.0.1:3000/api (a proxy, or a local Discord for tests). */
  apiUrl?: string;
  /** The shards this process runs (SHARD_IDS); absent: all of shardCount, or those a ShardingManager gives it. */
  shards?: readonly number[];
  /** Every shard the bot runs as, across all its processes (SHARD_COUNT); absent: discord.js's own (1, or its manager's). */
  shardCount?: number;
  /**
   * This instance's name (INSTANCE_NAME), carried in every REST request's user agent: behind a shared REST proxy,
   * or in Discord's answers to a support question, each request says which instance made it.
   */
  instance?: string;
}

/** `DiscordBot (…) briefing-bot/<instance> Node.js/<version>`: the user agent discord.js builds, with our name in it. */
function userAgentAppendix(instance: string | undefined): string {
  return `${instance ? `briefing-bot/${instance} ` : ''}Node.js/${process.version}`;
}

/**
 * Only what was set: discord.js reads SHARDS and SHARD_COUNT from the environment a ShardingManager gives its
 * children, and only for options left out.
 */
export function shardOptions(settings: ClientSettings): Pick<ClientOptions, 'shards' | 'shardCount'> {
  return {
    ...(settings.shards ? { shards: [...settings.shards] } : {}),
    ...(settings.shardCount !== undefined ? { shardCount: settings.shardCount } : {}),
  };
}

export function createDiscordClient(settings: ClientSettings = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: {
      ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
      userAgentAppendix: userAgentAppendix(settings.instance),
    },
    ...shardOptions(settings),
    // Nothing the bot posts may ping anyone, whichever code path sends it.
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      ThreadMemberManager: 0,
      // Only the bot's own user and member are kept: permission checks need them, nothing else does.
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
    }),
  });
  return client;
}
