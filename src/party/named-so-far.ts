/**
 * The parties named so far in one briefing, by ordinal. A common surname (`Johnson`) counts only once its
 * person was named in full earlier in the briefing; the matcher asks and fills this as it reads.
 */
export class NamedSoFar {
  private readonly named: Uint8Array;
  private readonly touched: number[] = [];

  constructor(partyCount: number) {
    this.named = new Uint8Array(partyCount);
  }

  has(ordinal: number): boolean {
    return this.named[ordinal] === 1;
  }

  add(ordinal: number): void {
    if (this.named[ordinal] === 1) return;
    this.named[ordinal] = 1;
    this.touched.push(ordinal);
  }

  /** Forgets every party: the next briefing starts afresh. */
  clear(): void {
    for (let i = 0; i < this.touched.length; i++) this.named[this.touched[i]!] = 0;
    this.touched.length = 0;
  }
}
