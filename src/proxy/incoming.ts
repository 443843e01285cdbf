/**
 * What the proxy knows of the request it is forwarding, wherever REST is in its work: REST queues, waits and
 * retries inside the async context of the proxied request, so each attempt it sends can find where it came from.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Incoming {
  /** Aborts when the client goes away before its answer. */
  left: AbortSignal;
  /** The client's own User-Agent header. */
  userAgent: string | undefined;
}

const context = new AsyncLocalStorage<Incoming>();

/** Runs the forwarding of one request with what is known of it. */
export function forwarding<T>(
  request: IncomingMessage,
  response: ServerResponse,
  forward: () => T | PromiseLike<T>,
): Promise<T> {
  const left = new AbortController();
  const onClose = () => {
    if (!response.writableFinished) left.abort();
  };
  response.once('close', onClose);
  const incoming = { left: left.signal, userAgent: request.headers['user-agent'] };
  return context.run(incoming, async () => forward()).finally(() => response.off('close', onClose));
}

/** The request being forwarded, from inside REST's sending; undefined outside forwarding(). */
export function currentIncoming(): Incoming | undefined {
  return context.getStore();
}
