/**
 * Failure injection: answer the next matching request(s) with an error instead of running the route, or hold
 * matching responses back after the route ran (the side effect happened, the bot has not heard of it yet).
 */
import { type RecordedRequest, type RequestMatcher, toPredicate } from './request-log.js';

interface FailureRule {
  matches: (request: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  remaining: number;
}

/** Discord's generic bodies for the statuses a test is likely to inject. */
function defaultBody(status: number): unknown {
  if (status === 429) return { message: 'You are being rate limited.', retry_after: 0.05, global: false };
  if (status >= 500) return { message: `${status}: Internal Server Error`, code: 0 };
  return { message: `${status}: Injected failure`, code: 0 };
}

/** Responses held back by pauseRoute; released together. */
export class RouteHold {
  /** Requests whose responses are being (or were) held, in order. */
  readonly held: RecordedRequest[] = [];
  private readonly releases: (() => void)[] = [];
  private readonly waiters = new Set<() => void>();
  private released = false;

  constructor(
    readonly matches: (request: RecordedRequest) => boolean,
    private remaining: number,
  ) {}

  /** Whether this hold takes the request; if so, the promise settles on release(). */
  take(request: RecordedRequest): Promise<void> | undefined {
    if (this.released || this.remaining <= 0 || !this.matches(request)) return undefined;
    this.remaining -= 1;
    this.held.push(request);
    for (const waiter of [...this.waiters]) waiter();
    return new Promise((resolve) => this.releases.push(resolve));
  }

  /** Resolves with the `count`-th held request once it is being held. */
  waitForHeld(count = 1, timeoutMs = 5_000): Promise<RecordedRequest> {
    const ready = () => this.held[count - 1];
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter = () => {
        const request = ready();
        if (!request) return;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no request held within ${timeoutMs} ms (held ${this.held.length})`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Lets every held response go and stops holding new ones. */
  release(): void {
    this.released = true;
    for (const release of this.releases.splice(0)) release();
  }
}

export class Faults {
  private readonly failures: FailureRule[] = [];
  private readonly holds: RouteHold[] = [];

  failNext(matcher: RequestMatcher, status: number, body?: unknown, times = 1): void {
    this.failures.push({
      matches: toPredicate(matcher),
      status,
      body: body ?? defaultBody(status),
      remaining: times,
    });
  }

  /** Ends every injected failure still waiting for its turn: the outage is over. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /** The injected answer for this request, if a rule wants it (and uses up one of its turns). */
  takeFailure(request: RecordedRequest): { status: number; body: unknown } | undefined {
    const rule = this.failures.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return { status: rule.status, body: rule.body };
  }

  pause(matcher: RequestMatcher, times = Number.POSITIVE_INFINITY): RouteHold {
    const hold = new RouteHold(toPredicate(matcher), times);
    this.holds.push(hold);
    return hold;
  }

  hold(request: RecordedRequest): Promise<void> | undefined {
    for (const hold of this.holds) {
      const held = hold.take(request);
      if (held) return held;
    }
    return undefined;
  }

  releaseAll(): void {
    for (const hold of this.holds) hold.release();
  }
}
