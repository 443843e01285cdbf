/** The REST proxy's own settings, read from the environment and validated, with a message that says what to put. */
import { z } from 'zod';
import { looksLikeSecret, withoutUserinfo } from '../secrets.js';

/** Where the proxy sends what it is given when PROXY_UPSTREAM_URL is not set: Discord itself. */
export const DISCORD_API = 'https://discord.com/api';

const schema = z.object({
  PROXY_HOST: z
    .string()
    .min(1, 'expected a host name or address to listen on, such as 127.0.0.1')
    .default('127.0.0.1'),
  PROXY_PORT: z.coerce
    .number({ error: 'expected a port number such as 8080' })
    .int('expected a whole port number')
    .min(0, 'expected a port from 0 to 65535')
    .max(65535, 'expected a port from 0 to 65535')
    .default(8080),
  PROXY_UPSTREAM_URL: z
    .url({ protocol: /^https?$/, error: `expected an http(s) URL of Discord's API, such as ${DISCORD_API}` })
    .default(DISCORD_API),
  PROXY_GLOBAL_PER_SECOND: z.coerce
    .number({ error: 'expected a number of requests a second, such as 50' })
    .int('expected a whole number of requests a second')
    .min(1, 'expected at least 1 request a second')
    .default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ProxyConfig {
  host: string;
  port: number;
  /** Discord's API base (without the version), or a stand-in for it. */
  upstreamUrl: string;
  /** Requests a second to the upstream across every instance behind the proxy (Discord's global limit). */
  globalPerSecond: number;
  logLevel: string;
}

export class ProxyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ProxyConfigError';
  }
}

const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The value an error quotes back, unless it looks like a secret; never a URL's user:password. */
function echo(value: string | undefined): string {
  if (value === undefined) return '';
  if (looksLikeSecret(value)) return ' (the value is not shown: it looks like a token or another secret)';
  return ` (got "${withoutUserinfo(value)}")`;
}

/** Reads the proxy's settings; throws ProxyConfigError with one line per problem. */
export function readProxyConfig(env: NodeJS.ProcessEnv): ProxyConfig {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, optional(env[key])]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ProxyConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}: ${issue.message}${echo(raw[name])}; set it in .env or the environment, or leave it out for the default`;
      }),
    );
  }
  const values = parsed.data;
  return {
    host: values.PROXY_HOST,
    port: values.PROXY_PORT,
    upstreamUrl: values.PROXY_UPSTREAM_URL.replace(/\/+$/, ''),
    globalPerSecond: values.PROXY_GLOBAL_PER_SECOND,
    logLevel: values.LOG_LEVEL,
  };
}
