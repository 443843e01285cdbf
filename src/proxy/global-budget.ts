/**
 * Discord's global limit (so many requests a second for the whole bot), kept so that the proxy does not meet it.
 *
 * Discord counts a request in the second it arrives, and the proxy cannot see when that is: only that it was
 * after the request was sent and before its answer came back. REST's own limiter counts from the send, so a
 * request that arrives late (a cold connection, a busy event loop) falls into Discord's next second on top of
 * that second's own, and gets a 429. Here a request counts from its send until one second after its answer
 * (or its failure): a new one is sent only while fewer than `perSecond` requests are counted. Then no window of
 * one second, wherever Discord puts it, can hold more arrivals than that: the last one sent among them saw all
 * the others still counted. The price, against a distant Discord, is one round trip more per second when the
 * budget is the bottleneck.
 */

export interface GlobalBudgetOptions {
  perSecond: number;
  /** Default 1000. */
  windowMs?: number;
  now?: () => number;
}

/**
 * How a request taken from the budget ended: answered by Discord (`global429`: the answer said the budget is
 * spent), failed without an answer (it may have arrived), or never sent at all (its place is given back).
 */
export type Outcome = 'answered' | 'global429' | 'failed' | 'unsent';
export type Settle = (outcome: Outcome) => void;

export class GlobalBudget {
  private readonly perSecond: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private inFlight = 0;
  /** When each request answered within the last window was answered, oldest first. */
  private readonly answeredAt: number[] = [];
  /** After a global 429: nothing is sent before this. */
  private blockedUntil = 0;
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(options: GlobalBudgetOptions) {
    this.perSecond = options.perSecond;
    this.windowMs = options.windowMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Requests that had to wait for room, so far: how often the global limit was the bottleneck. */
  waited = 0;

  /** Requests waiting for room now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves once the request may be sent; call what it gives when the request was answered or failed. */
  take(): Promise<Settle> {
    if (this.waiting.length === 0 && this.hasRoom()) return Promise.resolve(this.admit());
    this.waited += 1;
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.admit()));
      this.wakeLater();
    });
  }

  /** Stops the timer (requests still waiting stay waiting). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private hasRoom(): boolean {
    const now = this.now();
    if (now < this.blockedUntil) return false;
    while (this.answeredAt.length > 0 && this.answeredAt[0]! <= now - this.windowMs) this.answeredAt.shift();
    return this.inFlight + this.answeredAt.length < this.perSecond;
  }

  private admit(): Settle {
    this.inFlight += 1;
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      this.inFlight -= 1;
      if (outcome !== 'unsent') {
        const now = this.now();
        this.answeredAt.push(now);
        // Discord says the budget is spent: wait a whole window, whatever was counted.
        if (outcome === 'global429') this.blockedUntil = now + this.windowMs;
      }
      this.wake();
    };
  }

  private wake(): void {
    while (this.waiting.length > 0 && this.hasRoom()) this.waiting.shift()?.();
    this.wakeLater();
  }

  /**
   * While requests wait, wakes them when room may come back: the block after a 429 ends, or the oldest counted
   * answer leaves the window. (A request still in flight frees nothing when answered: its second starts then.)
   */
  private wakeLater(): void {
    if (this.timer || this.waiting.length === 0) return;
    const now = this.now();
    const oldest = this.answeredAt[0];
    const moments = [
      ...(this.blockedUntil > now ? [this.blockedUntil] : []),
      ...(oldest === undefined ? [] : [oldest + this.windowMs]),
    ];
    if (moments.length === 0) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.wake();
      },
      Math.max(0, Math.min(...moments) - now) + 1,
    );
  }
}
