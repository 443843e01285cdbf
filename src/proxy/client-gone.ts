/**
 * A request whose client has gone is not sent. A bot's REST gives up on a request after its timeout (15 s) and
 * sends it again; the proxy, holding it back for a bucket or the global limit, would otherwise send it anyway
 * once its turn came: a second message for a digest, and a queue that grows by every copy. The proxy cannot take
 * back what it already sent, but it drops what it still holds.
 */
import type { RESTOptions } from '@discordjs/rest';
import { currentIncoming } from './incoming.js';

type MakeRequest = RESTOptions['makeRequest'];

/** Thrown instead of sending. Named AbortError, as @discordjs/proxy answers one with 504 (to no one). */
export class ClientGoneError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('not sent: the client stopped waiting for the answer');
  }
}

/** REST's sending, except for a request whose client is gone; `onDropped` hears of each request dropped, once. */
export function unlessClientGone(
  send: MakeRequest,
  onDropped: (url: string, method: string | undefined) => void,
): MakeRequest {
  // REST retries what fails this way a few times: each retry is dropped again, but told of once.
  const told = new WeakSet<AbortSignal>();
  return async (url, init) => {
    const left = currentIncoming()?.left;
    if (left?.aborted) {
      if (!told.has(left)) onDropped(url, init.method);
      told.add(left);
      throw new ClientGoneError();
    }
    return send(url, init);
  };
}
