/** `npm start`: the bot on Discord with DISCORD_TOKEN, in the terminal without. Exits 0 on SIGINT/SIGTERM. */
import 'dotenv/config';
import { startApp } from './app.js';
import { ConfigError, environmentSecrets, readConfig } from './config.js';
import { createScrubber, lineWriter } from './secrets.js';

/** Past this, shutdown gives up waiting and exits anyway. */
const SHUTDOWN_DEADLINE_MS = 5_000;

// Lines written before the logger exists, or instead of it, are scrubbed like the log lines: a REST error
// that echoes the token, or a token pasted into the wrong variable, must not reach stderr either.
const writeError = lineWriter(process.stderr, createScrubber(environmentSecrets(process.env)));

// Node's own report of a crash would print the error unscrubbed.
process.on('uncaughtException', (error) => {
  writeError(`Crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

async function main(): Promise<void> {
  // A stop asked for while starting (a deploy that replaces the bot at once) is kept and carried out once started,
  // within the same deadline, rather than killing the process half-way through its start.
  let stopAsked: string | undefined;
  const askedWhileStarting = (signal: NodeJS.Signals) => {
    stopAsked ??= signal;
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on('SIGINT', askedWhileStarting);
  process.on('SIGTERM', askedWhileStarting);
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp({ config: readConfig(process.env) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeError(error instanceof ConfigError ? message : `Could not start: ${message}`);
    process.exit(1);
  }
  process.off('SIGINT', askedWhileStarting);
  process.off('SIGTERM', askedWhileStarting);
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, 'shutting down');
    setTimeout(() => {
      app.log.warn('shutdown took too long; exiting');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('unhandledRejection', (error) => app.log.error({ err: error }, 'unhandled rejection'));
  if (stopAsked) return stop(`${stopAsked} while starting`);
  if (app.mode === 'local') {
    await app.done;
    await stop('end of input');
  }
}

await main();
