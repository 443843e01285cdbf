/**
 * Why the bot could not open its Postgres database, said so an operator knows what to check: the host, port
 * and database by name, never the password.
 */
import { type PostgresTarget, withoutSecrets } from './target.js';

interface PgLikeError {
  code?: unknown;
  message?: unknown;
  /** Node's AggregateError when several addresses of one host were tried. */
  errors?: unknown;
}

/** The error's code: a Postgres SQLSTATE or a Node system code (ECONNREFUSED), from the first inner error too. */
export function errorCode(error: unknown): string {
  const value = error as PgLikeError | null;
  if (typeof value?.code === 'string') return value.code;
  const inner = Array.isArray(value?.errors) ? (value.errors[0] as PgLikeError | undefined) : undefined;
  return typeof inner?.code === 'string' ? inner.code : '';
}

function detail(error: unknown): string {
  const value = error as PgLikeError | null;
  const message = typeof value?.message === 'string' && value.message ? value.message : String(error);
  return message || errorCode(error) || 'unknown error';
}

/** An Error for a failure while opening the database at `target`, with what to do about it. */
export function openError(error: unknown, target: PostgresTarget): Error {
  const { host, port, database, user, location } = target;
  const server = `${host}:${port}`;
  // pg's own connection timeout carries no code, only its words.
  const code = errorCode(error) || (/timeout/i.test(detail(error)) ? 'ETIMEDOUT' : '');
  const why = withoutSecrets(detail(error), target);
  let message: string;
  switch (code) {
    case 'ECONNREFUSED':
      message =
        `Cannot connect to the Postgres server at ${server} for database "${database}" (connection refused). ` +
        'Check that Postgres is running there and accepts TCP connections on that port (listen_addresses and ' +
        'port in postgresql.conf, a firewall), and that DATABASE_URL names the right host and port.';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      message = `Cannot find the Postgres host ${host} (${code}): check the host name in DATABASE_URL.`;
      break;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      message =
        `The Postgres server at ${server} (database "${database}") did not answer (${code}): check that the ` +
        'host is reachable from here and that DATABASE_URL names the right host and port.';
      break;
    case '28P01':
    case '28000':
      message =
        `The Postgres server at ${server} refused user "${user}" on database "${database}" (${why}). Check the ` +
        "user and password in DATABASE_URL, and the server's pg_hba.conf.";
      break;
    case '3D000':
      message =
        `The database "${database}" does not exist on the Postgres server at ${server}. Create it ` +
        `(CREATE DATABASE "${database}" OWNER "${user}") or set DATABASE_URL to an existing database.`;
      break;
    case '42501':
      message =
        `User "${user}" may not create the bot's tables in ${location} (${why}). Grant it CREATE on the ` +
        'database and its public schema, or run the bot once as the database owner.';
      break;
    default:
      message = `Cannot open the Postgres database ${location}: ${why}`;
  }
  // No `cause`: the message says what went wrong, and nothing the driver attached can carry a secret along.
  return new Error(message);
}
