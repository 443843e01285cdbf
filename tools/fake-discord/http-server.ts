/**
 * The REST pipeline for one request: read and decode it, log it, then in Discord's order check the route, the
 * token and the rate limits, apply injected failures, run the route, hold the answer if paused, and reply with
 * rate-limit headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from './faults.js';
import { type ParsedBody, parseBody, uploadedBytes } from './multipart.js';
import type { RateLimiter } from './rate-limit.js';
import type { RecordedRequest, RequestLog } from './request-log.js';
import { countsGlobally, majorParameter, matchRoute } from './rest-routes.js';
import type { RouteContext } from './route-kit.js';
import type { ViolationLog } from './violations.js';

export interface FakeStats {
  /** REST requests received. */
  requests: number;
  /** Requests answered 429 by the rate limiter. */
  rateLimited: number;
  /** Requests answered by failNext. */
  injectedFailures: number;
}

export interface RestPipeline {
  token: string;
  log: RequestLog;
  limiter: RateLimiter;
  faults: Faults;
  context: RouteContext;
  violations: ViolationLog;
  stats: FakeStats;
  /** The most a request's files may weigh together; more gets 413 (40005). */
  uploadLimitBytes: number;
}

const API_PREFIX = '/api/v10';

function decodePath(raw: string): string {
  return raw
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.writableEnded) return;
  const json = body === undefined || status === 204 ? undefined : JSON.stringify(body);
  response.writeHead(status, { ...headers, ...(json ? { 'Content-Type': 'application/json' } : {}) });
  response.end(json);
}

export async function handleRest(
  pipeline: RestPipeline,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  const fullPath = decodePath(url.pathname);
  const headers = flatHeaders(request);
  const path = fullPath.startsWith(`${API_PREFIX}/`) ? fullPath.slice(API_PREFIX.length) : fullPath;
  const match = fullPath.startsWith(`${API_PREFIX}/`) ? matchRoute(method, path) : undefined;

  let parsed: ParsedBody = { body: undefined, uploads: [] };
  let unreadable = false;
  try {
    parsed = await parseBody(Buffer.concat(chunks), headers['content-type']);
  } catch {
    unreadable = true;
  }
  const { body, uploads } = parsed;
  const record = pipeline.log.add({
    method,
    path,
    route: match?.definition.route ?? null,
    query: Object.fromEntries(url.searchParams),
    body,
    ...(uploads.length > 0 ? { uploads } : {}),
    headers,
    receivedAt: Date.now(),
  });
  pipeline.stats.requests += 1;
  const answer = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
    pipeline.log.answered(record, status, payload);
    reply(response, status, payload, extra);
  };

  if (!match) {
    pipeline.violations.add({
      kind: 'unknown-route',
      route: `${method} ${fullPath}`,
      message: 'no such route in the fake',
      requestSeq: record.seq,
    });
    return answer(404, { message: '404: Not Found', code: 0 });
  }
  const { definition, params } = match;
  if (unreadable) return answer(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  if (definition.auth && headers.authorization !== `Bot ${pipeline.token}`) {
    return answer(401, { message: '401: Unauthorized', code: 0 });
  }
  const decision = pipeline.limiter.take({
    method,
    route: definition.route,
    majorParameter: majorParameter(params),
    global: definition.auth && countsGlobally(definition.route),
  });
  if (decision.limited) {
    pipeline.stats.rateLimited += 1;
    return answer(429, decision.limited.body, decision.headers);
  }
  const failure = pipeline.faults.takeFailure(record);
  if (failure) {
    record.injected = true;
    pipeline.stats.injectedFailures += 1;
    const retry: Record<string, string> =
      failure.status === 429 ? { 'Retry-After': '1', 'X-RateLimit-Scope': 'user' } : {};
    return answer(failure.status, failure.body, { ...decision.headers, ...retry });
  }
  const weight = uploadedBytes(uploads);
  if (weight > pipeline.uploadLimitBytes) {
    pipeline.violations.add({
      kind: 'attachment',
      route: `${method} ${definition.route}`,
      message: `files weigh ${weight} bytes together (limit ${pipeline.uploadLimitBytes})`,
      requestSeq: record.seq,
    });
    return answer(413, { message: 'Request entity too large', code: 40005 }, decision.headers);
  }
  const result = definition.handle(pipeline.context, params, record);
  pipeline.log.answered(record, result.status, result.body);
  await holdIfPaused(pipeline, record);
  reply(response, result.status, result.body, decision.headers);
}

async function holdIfPaused(pipeline: RestPipeline, record: RecordedRequest): Promise<void> {
  const held = pipeline.faults.hold(record);
  if (!held) return;
  record.held = true;
  await held;
  record.held = false;
}
