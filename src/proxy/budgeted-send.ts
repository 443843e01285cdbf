/** REST's way of sending, made to wait for the global budget first (src/proxy/global-budget.ts). */
import type { RESTOptions } from '@discordjs/rest';
import { ClientGoneError } from './client-gone.js';
import type { GlobalBudget } from './global-budget.js';

type MakeRequest = RESTOptions['makeRequest'];

/** Interaction callbacks and webhook-token routes (follow-ups, edits of an answer) are outside the global limit. */
const OUTSIDE_GLOBAL_LIMIT = /\/v\d+\/(interactions|webhooks)\//;

export function withinGlobalBudget(budget: GlobalBudget, send: MakeRequest): MakeRequest {
  return async (url, init) => {
    if (OUTSIDE_GLOBAL_LIMIT.test(new URL(url).pathname)) return send(url, init);
    const settle = await budget.take();
    try {
      const response = await send(url, init);
      settle(
        response.status === 429 && response.headers.get('x-ratelimit-global') !== null
          ? 'global429'
          : 'answered',
      );
      return response;
    } catch (error) {
      settle(error instanceof ClientGoneError ? 'unsent' : 'failed');
      throw error;
    }
  };
}
