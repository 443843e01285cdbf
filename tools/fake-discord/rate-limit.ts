/**
 * Discord-style rate limits: fixed-window buckets per route and major parameter with X-RateLimit-* headers on
 * every answer, a global per-second budget for bot-authenticated requests, and 429s shaped like Discord's.
 * Without options nothing is enforced and the headers advertise roomy buckets, so clients never slow down.
 */
import { createHash } from 'node:crypto';

export interface RateLimitOptions {
  /** Bot-authenticated requests per second across all routes (interaction and webhook routes are exempt). */
  globalPerSecond?: number;
  /** Message creates per channel. */
  perChannel?: { limit: number; windowMs: number };
  /** Every other route bucket; default 50 per second. */
  perRoute?: { limit: number; windowMs: number };
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
}

const ROOMY = { limit: 10_000, windowMs: 1_000 };

export class RateLimiter {
  private readonly buckets = new Map<string, Window>();
  private globalWindow: Window = { count: 0, resetAt: 0 };
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
      bucket = { count: 0, resetAt: now + rule.windowMs };
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

  private globalExhausted(now: number): boolean {
    const perSecond = this.options?.globalPerSecond;
    if (!this.enforce || perSecond === undefined) return false;
    if (now >= this.globalWindow.resetAt) this.globalWindow = { count: 0, resetAt: now + 1_000 };
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
