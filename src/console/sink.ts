/** Local mode's digest destination: the terminal. Digests print there at their time. */
import type { Writable } from 'node:stream';
import type { MessagePayload } from '../render/payload.js';
import { payloadToText } from '../render/text.js';
import type { DigestSink } from '../schedule/delivery.js';

export class ConsoleSink implements DigestSink {
  private readonly sent = new Map<string, string>();
  private counter = 0;

  constructor(private readonly output: Writable) {}

  async send(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }> {
    // Same promise as Discord's enforce_nonce: a resend with a known nonce posts nothing new.
    const known = this.sent.get(nonce);
    if (known) return { messageId: known };
    const messageId = `local-${++this.counter}`;
    this.sent.set(nonce, messageId);
    this.output.write(`\n── digest for #${channelId} ──\n${payloadToText(message)}\n`);
    return { messageId };
  }
}
