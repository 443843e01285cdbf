/**
 * What the digest refuses or cannot do, as codes with their facts; render/digest-problems.ts says it in words for
 * whoever asked. The message is for logs.
 */
import type { StoreLoss } from './store.js';

export type DigestProblem =
  | { code: 'invalid-time'; input: string }
  | { code: 'invalid-timezone'; input: string; suggestions: string[] }
  | { code: 'too-long'; field: 'party' | 'tag' | 'channel name'; max: number }
  | { code: 'malformed-id'; field: 'channel' | 'server' | 'role' }
  | { code: 'not-subscribed'; channelId: string }
  /** The database went away while the bot ran: digests are stopped until it is restored. */
  | { code: 'store-lost'; loss: StoreLoss };

export class DigestError extends Error {
  constructor(readonly problem: DigestProblem) {
    super(`digest: ${problem.code}`);
    this.name = 'DigestError';
  }
}
