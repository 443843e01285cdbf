/** Local mode's digest destination: the terminal. Digests print there at their time. */
import type { Writable } from 'node:stream';
import type { DigestSink, PostedSearch } from '../digest/delivery/sink.js';
import type { MessagePayload } from '../message/payload.js';
import { payloadToText } from '../render/text.js';

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
    // Read buttons cannot be clicked in a terminal; the text already says how to read each briefing.
    const text = payloadToText({ ...message, components: [] });
    this.output.write(`\n── digest for #${channelId} ──\n${text}\n`);
    return { messageId };
  }

  /** The terminal has no history to read back: what this process printed is all it knows. */
  async findPosted(_channelId: string, markers: readonly string[]): Promise<PostedSearch> {
    const found = new Map<string, string>();
    for (const marker of markers) {
      const messageId = this.sent.get(marker);
      if (messageId) found.set(marker, messageId);
    }
    return { found, complete: true };
  }
}
