/** Local mode's digest destination: the terminal. Digests print there at their time. */
import type { Writable } from 'node:stream';
import { ComponentType } from 'discord-api-types/v10';
import type { DigestSink, PostedSearch } from '../digest/delivery/sink.js';
import type { MessagePayload } from '../message/payload.js';
import { payloadToText } from '../render/text.js';

type Node = Record<string, unknown>;

/**
 * A message's components without their buttons, however deeply they sit (rows, sections' accessories): every word
 * stays, and nothing that cannot be clicked in a terminal is printed.
 */
function withoutButtons(components: readonly unknown[] | undefined): Node[] {
  const kept: Node[] = [];
  for (const raw of components ?? []) {
    const component = raw as Node;
    if (component.type === ComponentType.Button) continue;
    const copy: Node = { ...component };
    if (Array.isArray(component.components)) copy.components = withoutButtons(component.components);
    if ((component.accessory as Node | undefined)?.type === ComponentType.Button) delete copy.accessory;
    if (component.type === ComponentType.ActionRow && (copy.components as Node[]).length === 0) continue;
    kept.push(copy);
  }
  return kept;
}

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
    const components = withoutButtons(message.components) as unknown as MessagePayload['components'];
    const text = payloadToText({ ...message, components });
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
