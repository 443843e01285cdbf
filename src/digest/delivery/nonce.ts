/** Nonces for digest messages: unique, and within Discord's 25-character limit. */
import { randomBytes } from 'node:crypto';

export const MAX_NONCE_LENGTH = 25;

/** One nonce per message of a digest: a shared random stem (16 chars) and the part's index. */
export function digestNonces(): (part: number) => string {
  const stem = randomBytes(12).toString('base64url');
  return (part) => `${stem}.${part}`;
}
