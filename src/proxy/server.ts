/**
 * The REST proxy: an HTTP server that hands every request to @discordjs/proxy, which queues it on one
 * @discordjs/rest instance in front of Discord. Every bot instance pointed at it shares that instance's
 * buckets and its global budget, so together they stay within the bot's global limit.
 *
 * The proxy holds no token: it forwards the Authorization header each request comes with. That header is
 * never logged, nor are interaction or webhook tokens in paths.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { DefaultUserAgentAppendix, REST } from '@discordjs/rest';
import type { Logger } from '../log.js';
import { withinGlobalBudget } from './budgeted-send.js';
import { unlessClientGone } from './client-gone.js';
import { asTheClient } from './client-user-agent.js';
import { GlobalBudget } from './global-budget.js';
import { forwarding } from './incoming.js';
import { replayableBodies } from './replayable-body.js';
import { loggableRoute } from './route-name.js';

/**
 * Appended to the user agent of every request the proxy sends (each its client's own, src/proxy/client-user-agent.ts),
 * so Discord's side (or a fake) can tell what came through it.
 */
export const PROXY_USER_AGENT_MARK = 'briefing-bot-rest-proxy';

export interface RestProxyOptions {
  /** Discord's API base without the version, e.g. https://discord.com/api. */
  upstreamUrl: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Requests a second to the upstream, all instances together. */
  globalPerSecond: number;
  log: Logger;
}

export interface ProxyStats {
  /** Requests the proxy was given. */
  received: number;
  /** Requests it sent upstream (a retried request counts once per attempt). */
  forwarded: number;
  /** Upstream answers that were 429s. */
  upstream429s: number;
  /** Requests that waited for the global budget before being sent (the limit was the bottleneck). */
  heldForGlobalLimit: number;
  /** Requests not sent because their client stopped waiting before their turn came (its timeout). */
  droppedForGoneClient: number;
}

export interface RunningRestProxy {
  /** What to give each bot as DISCORD_API_URL, e.g. http://127.0.0.1:8080/api. */
  readonly apiUrl: string;
  readonly port: number;
  readonly stats: ProxyStats;
  close(): Promise<void>;
}

export async function startRestProxy(options: RestProxyOptions): Promise<RunningRestProxy> {
  const { log } = options;
  const budget = new GlobalBudget({ perSecond: options.globalPerSecond });
  const rest = new REST({
    api: options.upstreamUrl,
    userAgentAppendix: `${PROXY_USER_AGENT_MARK} ${DefaultUserAgentAppendix}`,
    // The budget keeps the global limit (REST's own counter starts its seconds too early); REST still waits out
    // a global 429 should one come.
    globalRequestsPerSecond: Number.MAX_SAFE_INTEGER,
    makeRequest: withinGlobalBudget(
      budget,
      unlessClientGone(asTheClient(replayableBodies(), PROXY_USER_AGENT_MARK), (url, method) => {
        stats.droppedForGoneClient += 1;
        log.warn(
          { method, route: loggableRoute(new URL(url).pathname) },
          'not sent: its client stopped waiting (timed out) before its turn came',
        );
      }),
    ),
  });
  const stats: ProxyStats = {
    received: 0,
    forwarded: 0,
    upstream429s: 0,
    droppedForGoneClient: 0,
    get heldForGlobalLimit() {
      return budget.waited;
    },
  };
  rest.on('response', (request, response) => {
    stats.forwarded += 1;
    if (response.status !== 429) return;
    stats.upstream429s += 1;
    log.warn(
      {
        method: request.method.toUpperCase(),
        route: loggableRoute(request.path),
        scope: response.headers.get('x-ratelimit-scope') ?? 'user',
        retryAfter: response.headers.get('retry-after'),
      },
      'Discord answered 429: waiting before retrying',
    );
  });
  const forward = proxyRequests(rest);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    stats.received += 1;
    const started = performance.now();
    const line = { method: request.method, route: loggableRoute(request.url ?? '/') };
    // @discordjs/proxy ends the response itself when the upstream could not be reached (not even a 5xx): without
    // a status of its own it would go out as an empty 200, and the bot would take it for success.
    response.statusCode = 502;
    try {
      await forwarding(request, response, () => forward(request, response));
      log.debug(
        { ...line, status: response.statusCode, ms: Math.round(performance.now() - started) },
        'proxied',
      );
    } catch (error) {
      log.error({ ...line, err: error }, 'not forwarded: Discord could not be reached; answered 502');
      if (!response.writableEnded) response.end();
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  await listen(server, options.host, options.port);
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    apiUrl: `http://${host}:${port}/api`,
    port,
    stats,
    close: () => {
      budget.stop();
      return close(server, rest);
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function close(server: Server, rest: REST): Promise<void> {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  server.closeAllConnections();
  await closed;
}
