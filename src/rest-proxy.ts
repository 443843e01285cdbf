/**
 * `npm run rest-proxy`: one REST proxy in front of Discord for every instance of the bot (shards, second
 * processes), so that together they keep to the bot's global rate limit. Point each instance's DISCORD_API_URL at
 * the address it prints. It needs no token: each request carries its own. Exits 0 on SIGINT/SIGTERM.
 */
import 'dotenv/config';
import { createLogger } from './log.js';
import { ProxyConfigError, readProxyConfig } from './proxy/config.js';
import { startRestProxy } from './proxy/server.js';
import { createScrubber, lineWriter } from './secrets.js';

const writeError = lineWriter(process.stderr, createScrubber());

let config: ReturnType<typeof readProxyConfig>;
try {
  config = readProxyConfig(process.env);
} catch (error) {
  writeError(error instanceof ProxyConfigError ? error.message : `Could not start: ${String(error)}`);
  process.exit(1);
}

const log = createLogger({ level: config.logLevel });
let proxy: Awaited<ReturnType<typeof startRestProxy>>;
try {
  proxy = await startRestProxy({ ...config, log });
} catch (error) {
  writeError(
    `Could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
log.info(
  { apiUrl: proxy.apiUrl, upstream: config.upstreamUrl, globalPerSecond: config.globalPerSecond },
  'REST proxy listening: set DISCORD_API_URL to apiUrl in every instance',
);

const stop = async (reason: string) => {
  log.info({ reason, ...proxy.stats }, 'REST proxy shutting down');
  await proxy.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
