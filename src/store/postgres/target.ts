/**
 * What a DATABASE_URL points at, in the words an operator needs: host, port, database and user, and a location
 * to print. The password is kept only to take it out of messages; it is never part of what is shown.
 */

export interface PostgresTarget {
  /** postgres://host:port/database, without credentials: safe for logs and messages. */
  location: string;
  host: string;
  port: number;
  database: string;
  user: string;
  /** The password as written in the URL and as decoded, for scrubbing only (empty when there is none). */
  secrets: string[];
}

const DEFAULT_PORT = 5432;

export function postgresTarget(url: string): PostgresTarget {
  if (!URL.canParse(url)) {
    throw new Error(
      'DATABASE_URL is not a URL: expected one such as postgres://bot:secret@db.example:5432/bot',
    );
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// (it starts with ${parsed.protocol}//)`);
  }
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || 'postgres';
  const host = parsed.hostname || 'localhost';
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORT;
  // As libpq does: no database in the URL means the one named after the user.
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  const secrets = parsed.password ? [parsed.password, decodeURIComponent(parsed.password)] : [];
  return {
    location: `postgres://${host}:${port}/${encodeURIComponent(database)}`,
    host,
    port,
    database,
    user,
    secrets,
  };
}

/** The text with any form of the target's password replaced, for errors that might quote the URL. */
export function withoutSecrets(text: string, target: Pick<PostgresTarget, 'secrets'>): string {
  let scrubbed = text;
  for (const secret of target.secrets) if (secret) scrubbed = scrubbed.split(secret).join('***');
  return scrubbed;
}
