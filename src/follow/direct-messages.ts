/** The port alerts leave through: a direct message to one reader (Discord in src/discord, the terminal in src/console). */
import type { MessagePayload } from '../message/payload.js';

export interface DirectMessages {
  /**
   * Sends one message to the reader; must pass the nonce with enforce_nonce, so a retried send is idempotent, and
   * never mention anyone.
   */
  send(userId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }>;
}

/**
 * `closed`: Discord will not deliver to this reader (their direct messages are closed to the bot, or they are
 * gone): their alerts are paused, not retried. `transient`: tried again while Discord remembers the nonce.
 */
export type DirectMessageErrorKind = 'closed' | 'transient';

/** Thrown by DirectMessages; the message is for logs. */
export class DirectMessageError extends Error {
  constructor(
    readonly kind: DirectMessageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DirectMessageError';
  }
}
