/**
 * A command's word on the errors of the core it calls (a refusal given as a code, a name past its limit): what
 * it throws instead, a UsageError the asker can act on. Errors it says nothing of go on as they are.
 */
import type { UsageError } from './types.js';

export type Explain = (error: unknown) => UsageError | undefined;

/** What the command says of an error: its explanation, else the error as it is. */
const explained = (explain: Explain | undefined, error: unknown) => explain?.(error) ?? error;

/** Runs `answer`, turning what it throws into what `explain` says of it. */
export function explainingNow<T>(explain: Explain | undefined, answer: () => T): T {
  try {
    return answer();
  } catch (error) {
    throw explained(explain, error);
  }
}

/** The same for an answer that may come later: a rejection is explained too. */
export function explaining<T>(explain: Explain | undefined, answer: () => T | Promise<T>): T | Promise<T> {
  const result = explainingNow(explain, answer);
  return result instanceof Promise
    ? result.catch((error: unknown) => {
        throw explained(explain, error);
      })
    : result;
}
