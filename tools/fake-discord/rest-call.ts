/** Plain fetch against the fake, for tests that send exactly the bytes they mean (no client library in between). */
import type { FakeDiscord } from './index.js';

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function restCall(
  fake: FakeDiscord,
  method: string,
  path: string,
  body?: unknown,
  options: { auth?: boolean } = {},
): Promise<CallResult> {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: {
      ...(options.auth === false ? {} : { Authorization: `Bot ${fake.token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
