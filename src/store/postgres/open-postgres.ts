/**
 * Opens the Postgres stores for DATABASE_URL: one pool, checked, the schema brought up to date (once, however
 * many instances start together), and the digest and follow stores on it. The pool ends when both are closed.
 */
import type { DigestStore } from '../../digest/store.js';
import type { FollowStore } from '../../follow/store.js';
import type { Logger } from '../../log.js';
import { PostgresDigestStore } from './digest-store.js';
import { PostgresFollowStore } from './follow-store.js';
import { readIdentity } from './identity.js';
import { migrate, SchemaRefusal } from './migrate.js';
import { openError } from './open-errors.js';
import { openPool } from './open-pool.js';

export interface PostgresStores {
  digests: DigestStore;
  follows: FollowStore;
  /** Closes both stores and ends the pool. */
  close(): Promise<void>;
}

/** Throws an Error naming the host and database (never the password) and what to check when it cannot open. */
export async function openPostgresStores(
  url: string,
  log?: Pick<Logger, 'info' | 'warn'>,
): Promise<PostgresStores> {
  const { pool, target } = await openPool(url, log);
  let created: boolean;
  let identity: Awaited<ReturnType<typeof readIdentity>>;
  try {
    ({ created } = await migrate(pool, target));
    identity = await readIdentity(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof SchemaRefusal ? error : openError(error, target);
  }
  if (created)
    log?.info(
      { database: target.location },
      `made the bot's tables in ${target.location}: a new, empty schedule (no subscriptions)`,
    );

  let open = 2;
  const release = async () => {
    open -= 1;
    if (open === 0) await pool.end();
  };
  const digests = new PostgresDigestStore({ pool, location: target.location, created, identity, release });
  const follows = new PostgresFollowStore({ pool, location: target.location, release });
  return {
    digests,
    follows,
    close: async () => {
      await follows.close();
      await digests.close();
    },
  };
}
