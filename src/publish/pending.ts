/**
 * What an editor is in the middle of (a brief being previewed, a briefing about to go to the trash), kept
 * under a short random token that buttons and forms carry: a custom_id holds 100 characters, a brief
 * thousands. Held in memory for as long as Discord lets the preview be used (an interaction token lasts 15
 * minutes), a few per editor: after a restart the buttons say they expired and the editor starts again.
 */
import { randomBytes } from 'node:crypto';

export const PENDING_TTL_MS = 15 * 60_000;
/** An editor's older previews give way to newer ones past this many. */
const PER_OWNER = 5;
/** All editors together: a bound on memory whatever anyone sends. */
const TOTAL = 500;

interface Entry<Value> {
  ownerId: string;
  value: Value;
  expiresAt: number;
}

export type PendingLookup<Value> =
  | { ok: true; value: Value }
  | { ok: false; reason: 'expired' | 'not-yours' };

export class PendingStore<Value> {
  private readonly entries = new Map<string, Entry<Value>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps `value` for `ownerId`; returns its token (10 characters of [a-z0-9]). */
  put(ownerId: string, value: Value): string {
    this.prune();
    const owned = [...this.entries].filter(([, entry]) => entry.ownerId === ownerId);
    for (const [token] of owned.slice(0, Math.max(0, owned.length - PER_OWNER + 1)))
      this.entries.delete(token);
    if (this.entries.size >= TOTAL) this.entries.delete(this.entries.keys().next().value!);
    const token = randomBytes(8).readBigUInt64BE().toString(36).padStart(10, '0').slice(-10);
    this.entries.set(token, { ownerId, value, expiresAt: this.now() + PENDING_TTL_MS });
    return token;
  }

  /** The value, for its owner only. */
  get(token: string, userId: string): PendingLookup<Value> {
    const entry = this.entries.get(token);
    if (!entry || entry.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    if (entry.ownerId !== userId) return { ok: false, reason: 'not-yours' };
    return { ok: true, value: entry.value };
  }

  /** Replaces the value under a token its owner holds (an edited brief keeps its preview's token). */
  set(token: string, value: Value): void {
    const entry = this.entries.get(token);
    if (entry) this.entries.set(token, { ...entry, value, expiresAt: this.now() + PENDING_TTL_MS });
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}
