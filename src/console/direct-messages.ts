/** Local mode's direct messages: the terminal has one reader, so party alerts print there. */
import type { Writable } from 'node:stream';
import type { DirectMessages } from '../follow/direct-messages.js';
import type { MessagePayload } from '../message/payload.js';
import { payloadToText } from '../render/text.js';

export class ConsoleDirectMessages implements DirectMessages {
  private readonly sent = new Map<string, string>();
  private counter = 0;

  constructor(private readonly output: Writable) {}

  async send(_userId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    // Same promise as Discord's enforce_nonce: a resend with a known nonce prints nothing new.
    const known = this.sent.get(nonce);
    if (known) return { messageId: known };
    const messageId = `local-dm-${++this.counter}`;
    this.sent.set(nonce, messageId);
    this.output.write(`\n── direct message for you ──\n${payloadToText(message)}\n`);
    return { messageId };
  }
}
