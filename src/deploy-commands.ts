/** `npm run deploy-commands`: registers the slash commands by hand (start-up does the same). Idempotent. */
import 'dotenv/config';
import { REST } from 'discord.js';
import type { APIApplication } from 'discord-api-types/v10';
import { commandDefinitions } from './commands/index.js';
import { ConfigError, readConfig } from './config.js';
import { syncCommands } from './discord/sync.js';
import { createLogger } from './log.js';

try {
  const config = readConfig(process.env);
  if (!config.discordToken) {
    console.error(
      'DISCORD_TOKEN: required to register commands; set it in .env (Developer Portal > Bot > Reset Token)',
    );
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const applicationId =
    config.discordClientId ?? ((await rest.get('/applications/@me')) as APIApplication).id;
  const result = await syncCommands(
    rest,
    { applicationId, guildId: config.discordGuildId },
    commandDefinitions(),
    log,
  );
  console.log(
    `${result.changed ? 'Registered' : 'Already up to date:'} ${result.count} command(s) ${result.scope === 'guild' ? `in server ${config.discordGuildId}` : 'globally (may take up to an hour to appear)'}`,
  );
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else
    console.error(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
