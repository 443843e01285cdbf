/** Things the bot did that Discord would refuse or that break the product's rules, kept for tests to assert on. */

export type ViolationKind =
  /** The body does not fit Discord's OpenAPI request schema. */
  | 'schema'
  /** A documented message, component or autocomplete limit is exceeded, or a new message is empty. */
  | 'limit'
  /**
   * A message-creating body lacks `allowed_mentions: {parse: []}`, or would ping someone: anyone at all in a direct
   * message or an interaction answer, anyone but one opted-in role it mentions in a channel message.
   */
  | 'mentions'
  /** A request the fake (and so the bot's expected surface) does not know. */
  | 'unknown-route'
  /** An interaction answered late, twice, or not at all before a follow-up. */
  | 'interaction'
  /**
   * A file sent with a message breaks an upload rule (count, size, naming, alt text), or a Components V2 message
   * references a file it lacks or carries one it never shows.
   */
  | 'attachment'
  /** Something on the gateway: bad token, unexpected opcode, unsupported encoding. */
  | 'gateway';

export interface Violation {
  kind: ViolationKind;
  /** `METHOD /route/{param}` for REST (or the raw path when unknown), `gateway` for the WebSocket. */
  route: string;
  message: string;
  /** The offending request in fake.requests, when there is one. */
  requestSeq?: number;
}

export class ViolationLog {
  readonly list: Violation[] = [];

  add(violation: Violation): void {
    this.list.push(violation);
  }

  /** One line per violation, for error messages. */
  describe(): string {
    return this.list.map((v) => `[${v.kind}] ${v.route}: ${v.message}`).join('\n');
  }
}
