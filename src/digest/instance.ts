/**
 * How an instance holds the digests and alerts it sends. A sole instance (the SQLite file) owns every pending row
 * at start; instances sharing one database (Postgres) hold rows for `leaseMs` at a time, renew the hold while
 * alive, and resume the rows whose hold lapsed (an instance that died mid-send), with the nonces they carry.
 */
import type { Claim } from './store.js';

export interface InstanceClaims {
  /** This instance's name in the ledger: unique among the instances running at once. */
  owner: string;
  leaseMs: number;
  shared: boolean;
}

export const SOLE_INSTANCE: InstanceClaims = { owner: `sole:${process.pid}`, leaseMs: 30_000, shared: false };

/** A hold from `now` until one lease later. */
export function holdFrom(instance: InstanceClaims, now: Date): Claim {
  return { owner: instance.owner, until: new Date(now.getTime() + instance.leaseMs) };
}

/** How often a shared instance renews its holds and looks for lapsed ones: a few times per lease. */
export function heartbeatEveryMs(instance: InstanceClaims): number {
  return Math.max(250, Math.floor(instance.leaseMs / 3));
}
