/**
 * Discord-style rate limits: fixed-window buckets per route and major parameter with X-RateLimit-* headers on
 * every answer, a global per-second budget for bot-authenticated requests, and 429s shaped like Discord's.
 * Without options nothing is enforced and the headers advertise roomy buckets, so clients never slow down.
 * Every 429 given can be kept in a RateLimitJournal, to tell a client that learns from its first 429 of a
 * window from one that keeps running into the limit.
 */
import { createHash } from 'node:crypto';

/** Discord's global limit for requests made with a bot token: 50 a second. */
export const DISCORD_GLOBAL_PER_SECOND = 50;

export interface RateLimitOptions {
  /** Bot-authenticated requests per second across all routes (interaction and webhook routes are exempt). */
  globalPerSecond?: number;
  /** Message creates per channel. */
  perChannel?: { limit: number; windowMs: number };
  /** Every other route bucket; default 50 per second. */
  perRoute?: { limit: number; windowMs: number };
  /** Records every 429 the limiter gives (read it from the test or benchmark that made it). */
  journal?: RateLimitJournal;
}

/**
 * Discord's limits as a bot meets them: the global 50 a second, five message creates per channel every five
 * seconds, 50 a second on other routes; `overrides` replaces any of them or adds a journal.
 * `startFakeDiscord({ rateLimit: discordRateLimits({ journal }) })`.
 */
export function discordRateLimits(overrides: RateLimitOptions = {}): RateLimitOptions {
  return {
    globalPerSecond: DISCORD_GLOBAL_PER_SECOND,
    perChannel: { limit: 5, windowMs: 5_000 },
    ...overrides,
  };
}

/** One 429 the limiter gave. */
export interface RateLimitHit {
  /** Order among the 429s of this journal, from 1. */
  seq: number;
  /** When it was given (ms since the epoch). */
  at: number;
  method: string;
  route: string;
  majorParameter: string;
  /** `global` for the global budget, else the route bucket's key (`hash:majorParameter`). */
  bucket: string;
  global: boolean;
  /**
   * The first 429 of its bucket's window (of the global window for a global one). A client cannot know a
   * limit before it meets it, so one such 429 may be its way of learning; a second in the same window means it
   * did not listen.
   */
  firstOfWindow: boolean;
}

/** The 429s a limiter gave, in order, per bucket and global. */
export class RateLimitJournal {
  private readonly recorded: RateLimitHit[] = [];

  /** @internal Called by the limiter. */
  add(hit: Omit<RateLimitHit, 'seq'>): void {
    this.recorded.push({ seq: this.recorded.length + 1, ...hit });
  }

  /** Every 429, in the order given. */
  get hits(): readonly RateLimitHit[] {
    return this.recorded;
  }

  /** The 429s from the global budget. */
  get global(): RateLimitHit[] {
    return this.recorded.filter((hit) => hit.global);
  }

  /** The 429s of each route bucket (global ones not included), keyed by bucket. */
  byBucket(): Map<string, RateLimitHit[]> {
    const buckets = new Map<string, RateLimitHit[]>();
    for (const hit of this.recorded) {
      if (hit.global) continue;
      const list = buckets.get(hit.bucket) ?? [];
      list.push(hit);
      buckets.set(hit.bucket, list);
    }
    return buckets;
  }

  /** The 429s that were not the first of their window: each is a request sent into a limit already shown. */
  pastFirst(): RateLimitHit[] {
    return this.recorded.filter((hit) => !hit.firstOfWindow);
  }
}

export interface RateLimitedRequest {
  method: string;
  /** The route with its parameters named, e.g. `/channels/{channel_id}/messages`. */
  route: string;
  /** The id that splits a route into separate buckets (channel, guild, webhook, interaction). */
  majorParameter: string;
  /** Whether the global budget applies (Discord exempts interaction callbacks and webhook tokens). */
  global: boolean;
}

export interface RateLimited {
  global: boolean;
  /** Seconds until the request may be retried. */
  retryAfter: number;
  body: { message: string; retry_after: number; global: boolean };
}

export interface RateDecision {
  headers: Record<string, string>;
  limited?: RateLimited;
}

interface Window {
  count: number;
  resetAt: number;
  /** 429s given in this window. */
  refused: number;
}

const ROOMY = { limit: 10_000, windowMs: 1_000 };

export class RateLimiter {
  private readonly buckets = new Map<string, Window>();
  private globalWindow: Window = { count: 0, resetAt: 0, refused: 0 };
  private readonly enforce: boolean;

  constructor(private readonly options: RateLimitOptions | undefined) {
    this.enforce = options !== undefined;
  }

  private ruleFor(request: RateLimitedRequest): { limit: number; windowMs: number } {
    if (!this.enforce) return ROOMY;
    const isMessageCreate = request.method === 'POST' && request.route === '/channels/{channel_id}/messages';
    if (isMessageCreate && this.options?.perChannel) return this.options.perChannel;
    return this.options?.perRoute ?? { limit: 50, windowMs: 1_000 };
  }

  /** Counts the request and says whether it may pass, with the headers to send either way. */
  take(request: RateLimitedRequest, now: number = Date.now()): RateDecision {
    const rule = this.ruleFor(request);
    const hash = createHash('sha1').update(`${request.method} ${request.route}`).digest('hex').slice(0, 16);
    const key = `${hash}:${request.majorParameter}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + rule.windowMs, refused: 0 };
      this.buckets.set(key, bucket);
    }
    const bucketLimited = bucket.count >= rule.limit;
    const globalLimited = !bucketLimited && request.global && this.globalExhausted(now);
    if (!bucketLimited && !globalLimited) {
      bucket.count += 1;
      if (request.global) this.globalWindow.count += 1;
    }
    const resetAfter = Math.max(0, bucket.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(rule.limit),
      'X-RateLimit-Remaining': String(Math.max(0, rule.limit - bucket.count)),
      'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': resetAfter.toFixed(3),
      'X-RateLimit-Bucket': hash,
    };
    if (bucketLimited || globalLimited)
      this.record(request, key, globalLimited ? this.globalWindow : bucket, now);
    if (bucketLimited)
      return {
        headers: { ...headers, ...retryHeaders(resetAfter, 'user') },
        limited: limit(resetAfter, false),
      };
    if (globalLimited) {
      const retryAfter = Math.max(0, this.globalWindow.resetAt - now) / 1000;
      return {
        headers: { ...headers, ...retryHeaders(retryAfter, 'global'), 'X-RateLimit-Global': 'true' },
        limited: limit(retryAfter, true),
      };
    }
    return { headers };
  }

  private record(request: RateLimitedRequest, bucketKey: string, window: Window, now: number): void {
    const global = window === this.globalWindow;
    this.options?.journal?.add({
      at: now,
      method: request.method,
      route: request.route,
      majorParameter: request.majorParameter,
      bucket: global ? 'global' : bucketKey,
      global,
      firstOfWindow: window.refused === 0,
    });
    window.refused += 1;
  }

  private globalExhausted(now: number): boolean {
    const perSecond = this.options?.globalPerSecond;
    if (!this.enforce || perSecond === undefined) return false;
    if (now >= this.globalWindow.resetAt) this.globalWindow = { count: 0, resetAt: now + 1_000, refused: 0 };
    return this.globalWindow.count >= perSecond;
  }
}

function retryHeaders(seconds: number, scope: 'user' | 'global'): Record<string, string> {
  // Discord rounds Retry-After up to whole seconds; the body carries the exact figure.
  return { 'Retry-After': String(Math.max(1, Math.ceil(seconds))), 'X-RateLimit-Scope': scope };
}

function limit(retryAfter: number, global: boolean): RateLimited {
  const rounded = Math.round(retryAfter * 1000) / 1000;
  return {
    global,
    retryAfter: rounded,
    body: { message: 'You are being rate limited.', retry_after: rounded, global },
  };
}
