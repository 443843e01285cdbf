/**
 * The two stores, made the same way for the suites that run against both (describe.each over STORE_KINDS): a
 * fresh, empty place (a SQLite file, a Postgres database), and on it any number of opened stores, as separate
 * instances of the bot would open them. Every store opened in a test is closed when the test ends.
 */
import { onTestFinished } from 'vitest';
import type { DigestStore } from '../../src/digest/store.js';
import type { FollowStore } from '../../src/follow/store.js';
import { openPostgresStores } from '../../src/store/postgres/open-postgres.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';
import { SqliteFollowStore } from '../../src/store/sqlite/follow-store.js';
import { tempDbPath } from '../digest/helpers.js';
import { freshDatabase } from '../support/postgres.js';

export interface OpenedStores {
  digests: DigestStore;
  follows: FollowStore;
  close(): Promise<void>;
}

/** One database: open() there again is another instance (another connection, another pool) on the same data. */
export interface StorePlace {
  open(): Promise<OpenedStores>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  place(): Promise<StorePlace>;
}

function closedAtTheEnd(stores: OpenedStores): OpenedStores {
  onTestFinished(() => stores.close());
  return stores;
}

const sqlite: StoreKind = {
  name: 'sqlite',
  async place() {
    const path = tempDbPath();
    return {
      async open() {
        const digests = SqliteDigestStore.open(path);
        const follows = SqliteFollowStore.open(path);
        return closedAtTheEnd({
          digests,
          follows,
          close: async () => {
            await follows.close();
            await digests.close();
          },
        });
      },
    };
  },
};

const postgres: StoreKind = {
  name: 'postgres',
  async place() {
    const url = await freshDatabase();
    return { open: async () => closedAtTheEnd(await openPostgresStores(url)) };
  },
};

export const STORE_KINDS: readonly StoreKind[] = [sqlite, postgres];

/** A fresh place and one store pair opened on it: what most tests need. */
export async function openFresh(kind: StoreKind): Promise<OpenedStores> {
  return (await kind.place()).open();
}
