/** The only reader of process.env: every setting is validated here, once, with a message that says what to put. */
import { dirname, join, resolve } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { looksLikeSecret, withoutUserinfo } from './secrets.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17 to 20 digits)');
const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

const schema = z.object({
  DISCORD_TOKEN: z.string().min(50, 'expected a bot token (Developer Portal > Bot > Reset Token)').optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:3000/api' })
    .optional(),
  EDITOR_ROLE_IDS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^\d{17,20}$/, 'expected Discord role ids (17 to 20 digits), comma-separated'),
      ),
    )
    .optional(),
  BRIEFINGS_DIR: z.string().default('./briefings'),
  DATABASE_PATH: z.string().default('./data/briefing-bot.sqlite'),
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: 'expected a Postgres URL such as postgres://bot:secret@db.example:5432/briefing_bot',
    })
    .optional(),
  SHARD_COUNT: z.coerce
    .number({ error: 'expected the total number of shards, such as 2' })
    .int('expected a whole number of shards')
    .min(1, 'expected 1 or more shards')
    .optional(),
  SHARD_IDS: z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'expected the shard ids this process runs, comma-separated, such as 0,1')
    .transform((list) => list.split(',').map((id) => Number(id.trim())))
    .optional(),
  DIGEST_LEASE_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds such as 30' })
    .min(1, 'expected at least 1 second')
    .max(3600, 'expected at most 3600 seconds (an hour)')
    .default(30),
  INSTANCE_NAME: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'expected a short name of letters, digits, ".", ":", "_" or "-" (at most 64)')
    .optional(),
  INDEX_PATH: z.string().optional(),
  DEFAULT_TIMEZONE: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone such as Europe/Berlin or UTC')
    .default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DIGEST_GRACE_HOURS: z.coerce
    .number({ error: 'expected a number of hours such as 12' })
    .min(0, 'expected a number of hours, 0 or more')
    .max(168, 'expected at most 168 hours (a week)')
    // Timers wake a moment late and a minute is the schedule's unit: a window shorter than that is not one.
    .refine(
      (hours) => hours === 0 || hours * 60 >= 1,
      'expected 0 (no catch-up after downtime) or at least one minute (0.017 hours)',
    )
    .default(12),
});

export interface Config {
  /** Absent: local mode, commands are served in the terminal. */
  discordToken?: string;
  discordClientId?: string;
  discordGuildId?: string;
  discordApiUrl?: string;
  /** Roles whose members may publish from Discord, besides members with Manage Server. */
  editorRoleIds: string[];
  briefingsDir: string;
  databasePath: string;
  /** Postgres for subscriptions, the delivery ledger and follows, shared by several instances; absent: the SQLite file. */
  databaseUrl?: string;
  /** Every shard the bot runs as, across all its processes (discord.js's shardCount); absent: one, or discord.js's own. */
  shardCount?: number;
  /** The shards this process runs (discord.js's shards); absent: all of them, or those a ShardingManager gives it. */
  shardIds?: number[];
  /** How long an instance's hold on a digest it is sending lasts unless renewed; another resumes it after. */
  digestLeaseMs: number;
  /** This instance's name in the ledger's claims and in its REST user agent; absent: host and process id. */
  instanceName?: string;
  /** The archive index (a cache of the briefing folder); absent: beside the database (defaultIndexPath). */
  indexPath?: string;
  defaultTimezone: string;
  logLevel?: string;
  digestGraceMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** The index beside the database: `data/index.sqlite` for `data/briefing-bot.sqlite`; in memory with it. */
export function defaultIndexPath(databasePath: string): string {
  return databasePath === ':memory:' ? ':memory:' : join(dirname(databasePath), 'index.sqlite');
}

/** The archive index for the editor tools: where the bot keeps it (INDEX_PATH, else beside DATABASE_PATH). */
export function readIndexPath(env: NodeJS.ProcessEnv): string {
  return (
    optional(env.INDEX_PATH) ?? defaultIndexPath(optional(env.DATABASE_PATH) ?? './data/briefing-bot.sqlite')
  );
}

/** The briefing folder alone, for the editor tools, which need nothing else from the environment. */
export function readBriefingsDir(env: NodeJS.ProcessEnv): string {
  return optional(env.BRIEFINGS_DIR) ?? './briefings';
}

/**
 * The value a config error quotes back, so the operator sees what was read; never the token, never
 * anything that looks like one or like another secret (a token pasted into DISCORD_CLIENT_ID), never
 * a URL's user:password.
 */
function echo(name: string, value: string | undefined): string {
  if (name === 'DISCORD_TOKEN' || value === undefined) return '';
  if (looksLikeSecret(value)) return ' (the value is not shown: it looks like a token or another secret)';
  return ` (got "${withoutUserinfo(value)}")`;
}

/**
 * What no line the process writes may carry, from the raw environment, so that it is known even when the
 * configuration is invalid: the token, the API URL's password, and any secret-looking value put in a
 * variable that is printed (an id or a URL).
 */
export function environmentSecrets(env: NodeJS.ProcessEnv): string[] {
  const secrets = configSecrets({
    discordToken: optional(env.DISCORD_TOKEN),
    discordApiUrl: optional(env.DISCORD_API_URL),
    databaseUrl: optional(env.DATABASE_URL),
  });
  for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DATABASE_URL']) {
    const value = optional(env[name]);
    if (value !== undefined && looksLikeSecret(value)) secrets.push(value);
  }
  return secrets;
}

/** The token and the passwords of the API and database URLs: the values the logger scrubs by name. */
export function configSecrets(
  config: Pick<Config, 'discordToken' | 'discordApiUrl'> & Partial<Pick<Config, 'databaseUrl'>>,
): string[] {
  const secrets = config.discordToken ? [config.discordToken] : [];
  for (const url of [config.discordApiUrl, config.databaseUrl]) {
    if (!url || !URL.canParse(url)) continue;
    const { password } = new URL(url);
    if (password) secrets.push(password, decoded(password));
  }
  return [...new Set(secrets)];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads the settings from an environment (process.env after dotenv); throws ConfigError with one line per problem. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, optional(env[key])]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}: ${issue.message}${echo(name, raw[name])}; set it in .env or the environment, or leave it out for the default`;
      }),
    );
  }
  const values = parsed.data;
  const indexPath = optional(values.INDEX_PATH);
  if (indexPath && indexPath !== ':memory:' && resolve(indexPath) === resolve(values.DATABASE_PATH)) {
    throw new ConfigError([
      'INDEX_PATH: expected a file of its own, not DATABASE_PATH (the index is a cache, rebuilt at will); leave it out for index.sqlite beside the database',
    ]);
  }
  return {
    discordToken: values.DISCORD_TOKEN,
    discordClientId: values.DISCORD_CLIENT_ID,
    discordGuildId: values.DISCORD_GUILD_ID,
    discordApiUrl: values.DISCORD_API_URL,
    editorRoleIds: values.EDITOR_ROLE_IDS ?? [],
    briefingsDir: values.BRIEFINGS_DIR,
    databasePath: values.DATABASE_PATH,
    databaseUrl: values.DATABASE_URL,
    shardCount: values.SHARD_COUNT,
    shardIds: values.SHARD_IDS,
    digestLeaseMs: values.DIGEST_LEASE_SECONDS * 1000,
    instanceName: values.INSTANCE_NAME,
    indexPath: optional(values.INDEX_PATH),
    defaultTimezone: values.DEFAULT_TIMEZONE,
    logLevel: values.LOG_LEVEL,
    digestGraceMs: values.DIGEST_GRACE_HOURS * 3_600_000,
  };
}
