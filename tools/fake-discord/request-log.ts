/** Every REST request the fake saw, how it was answered, and ways to wait for one. */
import type { UploadedPart } from './multipart.js';

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** Decoded path below /api/v10, e.g. `/webhooks/1190.../aW50.../messages/@original`. */
  path: string;
  /** The matched route with named parameters, e.g. `/channels/{channel_id}/messages`; null if unknown. */
  route: string | null;
  query: Record<string, string>;
  /** Parsed JSON (or multipart payload_json); undefined when there was none. */
  body: unknown;
  /** The file parts of a multipart body, in order; absent for other bodies. */
  uploads?: UploadedPart[];
  headers: Record<string, string>;
  receivedAt: number;
  /** Set once the fake has decided the answer (even while a paused route holds it back). */
  status?: number;
  response?: unknown;
  /** The answer came from failNext rather than the route. */
  injected?: boolean;
  /** The answer is being held by pauseRoute. */
  held?: boolean;
}

/**
 * Which requests a rule applies to: a function; a RegExp tested on `METHOD /path`; or a string
 * `METHOD /path` in which an asterisk stands for one path segment.
 */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function toPredicate(matcher: RequestMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (request) => matcher.test(`${request.method} ${request.path}`);
  const pattern = new RegExp(`^${escapeRegExp(matcher).replaceAll('*', '[^/]+')}$`);
  return (request) => pattern.test(`${request.method} ${request.path}`);
}

interface Waiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  private readonly waiters = new Set<Waiter>();
  private seq = 0;

  add(request: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const recorded = { seq: ++this.seq, ...request };
    this.requests.push(recorded);
    return recorded;
  }

  /** Marks a request answered and wakes whoever waits for it. */
  answered(request: RecordedRequest, status: number, response: unknown): void {
    request.status = status;
    request.response = response;
    for (const waiter of this.waiters) {
      if (waiter.predicate(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  /** The first answered request that matches, already logged or still to come. */
  waitFor(matcher: RequestMatcher, timeoutMs = 5_000): Promise<RecordedRequest> {
    const predicate = toPredicate(matcher);
    const done = this.requests.find((request) => request.status !== undefined && predicate(request));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests
          .map((r) => `${r.method} ${r.path} -> ${r.status ?? 'pending'}`)
          .join('\n  ');
        reject(
          new Error(`no matching request within ${timeoutMs} ms; requests so far:\n  ${seen || '(none)'}`),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
