/**
 * @discordjs/proxy hands the incoming request itself to REST as the body. REST reads it when it sends, and
 * sends the same body again when it retries (after a 429, a 5xx or a dropped connection): a stream read once is
 * empty the second time, so the retry would reach Discord without its message. This reads each streamed body
 * once, keeps the bytes for as long as the request lives, and sends those bytes on every attempt.
 */
import { DefaultRestOptions, type RESTOptions } from '@discordjs/rest';

type MakeRequest = RESTOptions['makeRequest'];
type RequestBody = Parameters<MakeRequest>[1]['body'];

function isStream(body: RequestBody): body is RequestBody & AsyncIterable<Uint8Array> {
  return (
    typeof body === 'object' && body !== null && Symbol.asyncIterator in body && !(body instanceof FormData)
  );
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** REST's own way of sending, with streamed bodies made replayable. */
export function replayableBodies(send: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  // Keyed by the stream: every attempt of one request carries the same body object.
  const read = new WeakMap<object, Promise<Buffer>>();
  return async (url, init) => {
    const { body } = init;
    if (!isStream(body)) return send(url, init);
    let bytes = read.get(body);
    if (!bytes) {
      bytes = readAll(body);
      read.set(body, bytes);
    }
    return send(url, { ...init, body: await bytes });
  };
}
