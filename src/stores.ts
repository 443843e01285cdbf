/**
 * Where the bot keeps its state: the SQLite file by default (one instance), or Postgres with DATABASE_URL, which
 * several instances share. Either way the rest of the bot sees the same two stores and how this instance holds
 * the digests and alerts it sends.
 */
import { hostname } from 'node:os';
import type { Config } from './config.js';
import type { InstanceClaims } from './digest/instance.js';
import type { DigestStore } from './digest/store.js';
import type { FollowStore } from './follow/store.js';
import type { Logger } from './log.js';
import { openPostgresStores } from './store/postgres/open-postgres.js';
import { SqliteDigestStore } from './store/sqlite/digest-store.js';
import { SqliteFollowStore } from './store/sqlite/follow-store.js';

export interface OpenStores {
  digests: DigestStore;
  follows: FollowStore;
  instance: InstanceClaims;
  close(): Promise<void>;
}

/** This instance's name in the ledger: INSTANCE_NAME, else the host and process id. */
export function instanceName(config: Pick<Config, 'instanceName'>): string {
  return config.instanceName ?? `${hostname()}:${process.pid}`;
}

export async function openStores(config: Config, log: Logger): Promise<OpenStores> {
  const owner = instanceName(config);
  if (config.databaseUrl) {
    const postgres = await openPostgresStores(config.databaseUrl, log);
    log.info({ database: postgres.digests.location, instance: owner }, 'schedule kept in Postgres, shared');
    return {
      ...postgres,
      instance: { owner, leaseMs: config.digestLeaseMs, shared: true },
    };
  }
  const digests = SqliteDigestStore.open(config.databasePath);
  // Info, not a warning: every first start makes one; an operator who expected a database reads it here.
  if (digests.created)
    log.info(
      { path: digests.location },
      `No schedule database at ${digests.location}: started a new, empty one (no subscriptions). If digests were set up before, stop the bot and restore that file.`,
    );
  // Follows live in the same file, on a connection of their own.
  const follows = SqliteFollowStore.open(config.databasePath);
  return {
    digests,
    follows,
    instance: { owner, leaseMs: config.digestLeaseMs, shared: false },
    close: async () => {
      await follows.close();
      await digests.close();
    },
  };
}
