/** `npm run deploy-commands`: registers the slash commands by hand (start-up does the same). Idempotent. */
import 'dotenv/config';
import { REST } from 'discord.js';
import type { APIApplication } from 'discord-api-types/v10';
import { commandDefinitions } from './commands/index.js';
import { ConfigError, configSecrets, environmentSecrets, readConfig } from './config.js';
import { syncCommands } from './discord/sync.js';
import { createLogger } from './log.js';
import { createScrubber, lineWriter } from './secrets.js';

// Every line goes through the scrubber the logs use: an error body may echo the token.
const scrub = createScrubber(environmentSecrets(process.env));
const writeOut = lineWriter(process.stdout, scrub);
const writeError = lineWriter(process.stderr, scrub);

try {
  const config = readConfig(process.env);
  if (!config.discordToken) {
    writeError(
      'DISCORD_TOKEN: required to register commands; set it in .env (Developer Portal > Bot > Reset Token)',
    );
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: configSecrets(config) });
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
  writeOut(
    `${result.changed ? 'Registered' : 'Already up to date:'} ${result.count} command(s) ${result.scope === 'guild' ? `in server ${config.discordGuildId}` : 'globally (may take up to an hour to appear)'}`,
  );
} catch (error) {
  if (error instanceof ConfigError) writeError(error.message);
  else writeError(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
