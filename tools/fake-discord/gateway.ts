/**
 * The gateway WebSocket: HELLO, IDENTIFY (token and intents checked), READY then GUILD_CREATE per guild,
 * heartbeat ACKs, sequence numbers, RESUME with replay of missed events, and dispatches on demand.
 * Close codes follow Discord's: 4001 unknown opcode, 4002 decode error, 4003 not authenticated,
 * 4004 authentication failed, 4005 already authenticated, 4010 invalid shard, 4014 disallowed intents.
 *
 * Sharding is Discord's: a session identifies `shard: [id, count]` and gets READY, GUILD_CREATEs and events of the
 * guilds on that shard only (events of no guild, DMs included, go to shard 0). Two sessions on the same shard
 * (a second instance) both get its events.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { eventGuildId, parseShard, type ShardPair, shardHolds } from './shards.js';
import type { Violation } from './violations.js';

export interface SessionStart {
  ready: Record<string, unknown>;
  guildCreates: Record<string, unknown>[];
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application may ask for (members, presences, message content). */
  allowedPrivilegedIntents: number;
  /** READY's data and the GUILD_CREATEs that follow, for a new session on this shard. */
  startSession(sessionId: string, shard: ShardPair): SessionStart;
  violation(violation: Omit<Violation, 'requestSeq'>): void;
}

interface SentEvent {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  shard: ShardPair;
  seq: number;
  /** Recent dispatches, so a RESUME can replay what the client missed. */
  events: SentEvent[];
  connection: Connection | undefined;
}

interface Connection {
  ws: WebSocket;
  session: Session | undefined;
  /** zlib-stream transport compression: one deflate context for the whole connection. */
  deflate: zlib.Deflate | undefined;
  sending: Promise<void>;
}

export interface GatewayConnectionInfo {
  query: Record<string, string>;
}

/** A session as tests see it: which shard it identified, and whether a connection holds it now. */
export interface GatewaySession {
  id: string;
  shard: ShardPair;
  connected: boolean;
}

const describeSession = (session: Session): GatewaySession => ({
  id: session.id,
  shard: session.shard,
  connected: session.connection !== undefined,
});

const PRIVILEGED =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const REPLAY_LIMIT = 1_000;

export class FakeGateway {
  /** The `d` of every IDENTIFY received, in order. */
  readonly identifies: Record<string, unknown>[] = [];
  /** The query string (v, encoding, compress) of every connection. */
  readonly connections: GatewayConnectionInfo[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly live = new Set<Connection>();
  private readonly readyWaiters = new Set<() => void>();
  /** Every session started (READY sent), in order, resumable or not. */
  private readonly started: Session[] = [];

  constructor(private readonly options: GatewayOptions) {}

  /** Takes WebSocket upgrades for /gateway (with or without a trailing slash). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!/^\/gateway\/?$/.test(url.pathname)) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url.searchParams));
  }

  private accept(ws: WebSocket, query: URLSearchParams): void {
    this.connections.push({ query: Object.fromEntries(query) });
    const connection: Connection = {
      ws,
      session: undefined,
      deflate: query.get('compress') === 'zlib-stream' ? zlib.createDeflate() : undefined,
      sending: Promise.resolve(),
    };
    this.live.add(connection);
    ws.on('close', () => {
      this.live.delete(connection);
      connection.deflate?.close();
      if (connection.session?.connection === connection) connection.session.connection = undefined;
    });
    ws.on('message', (data, isBinary) => this.receive(connection, data.toString(), isBinary));
    const encoding = query.get('encoding') ?? 'json';
    if (encoding !== 'json' || (query.get('v') ?? '10') !== '10') {
      this.options.violation({
        kind: 'gateway',
        route: 'gateway',
        message: `unsupported v=${query.get('v')} encoding=${encoding}`,
      });
      ws.close(encoding !== 'json' ? 4002 : 4012, 'Unsupported by the fake');
      return;
    }
    this.send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private refuse(connection: Connection, code: number, reason: string): void {
    this.options.violation({ kind: 'gateway', route: 'gateway', message: `${code} ${reason}` });
    connection.ws.close(code, reason);
  }

  private receive(connection: Connection, text: string, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      this.refuse(connection, 4002, `Error while decoding payload${isBinary ? ' (binary frame)' : ''}`);
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) this.refuse(connection, 4003, 'Not authenticated');
        return;
      default:
        this.refuse(connection, 4001, `Unknown opcode ${String(payload.op)}`);
    }
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    this.identifies.push(d);
    if (connection.session) {
      this.refuse(connection, 4005, 'Already authenticated');
      return;
    }
    if (d.token !== this.options.token) {
      this.refuse(connection, 4004, 'Authentication failed');
      return;
    }
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    if (intents & PRIVILEGED & ~this.options.allowedPrivilegedIntents) {
      this.refuse(connection, 4014, 'Disallowed intent(s)');
      return;
    }
    if (d.compress === true) {
      this.options.violation({
        kind: 'gateway',
        route: 'gateway',
        message: 'identify compress is not supported by the fake',
      });
    }
    const shard = parseShard(d.shard);
    if (!shard) {
      this.refuse(connection, 4010, 'Invalid shard');
      return;
    }
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, events: [], connection };
    this.sessions.set(session.id, session);
    connection.session = session;
    const start = this.options.startSession(session.id, shard);
    this.dispatchTo(session, 'READY', start.ready);
    for (const guild of start.guildCreates) this.dispatchTo(session, 'GUILD_CREATE', guild);
    this.started.push(session);
    for (const waiter of [...this.readyWaiters]) waiter();
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    if (d.token !== this.options.token) {
      this.refuse(connection, 4004, 'Authentication failed');
      return;
    }
    const session = this.sessions.get(String(d.session_id));
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    const oldest = session?.events[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || seq > session.seq || seq + 1 < oldest) {
      // Not resumable: tell the client to identify afresh, as Discord does.
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    session.connection = connection;
    connection.session = session;
    for (const event of session.events) {
      if (event.s > seq) this.send(connection, { op: GatewayOpcodes.Dispatch, ...event });
    }
    this.dispatchTo(session, 'RESUMED', {});
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > REPLAY_LIMIT) session.events.shift();
    if (session.connection) this.send(session.connection, { op: GatewayOpcodes.Dispatch, ...event });
  }

  /**
   * Sends a dispatch to every connected session on the shard holding the event's guild (shard 0 for an event of
   * no guild); returns the sessions that got it.
   */
  deliver(t: string, d: unknown): GatewaySession[] {
    const guildId = eventGuildId(t, d);
    const delivered: GatewaySession[] = [];
    for (const session of this.sessions.values()) {
      if (!session.connection || !shardHolds(session.shard, guildId)) continue;
      this.dispatchTo(session, t, d);
      delivered.push(describeSession(session));
    }
    return delivered;
  }

  /** Like deliver(); returns how many sessions got it. */
  dispatch(t: string, d: unknown): number {
    return this.deliver(t, d).length;
  }

  /** Every session started so far (READY sent), oldest first, with its shard and whether it is connected now. */
  get sessionList(): GatewaySession[] {
    return this.started.map(describeSession);
  }

  /**
   * Resolves once `count` sessions have been started (READY sent) since the fake began; with `where`, only the
   * sessions it accepts count (`(shard) => shard[0] === 1`).
   */
  waitForSessions(
    count = 1,
    timeoutMs = 10_000,
    where: (shard: ShardPair) => boolean = () => true,
  ): Promise<void> {
    const enough = () => this.started.filter((session) => where(session.shard)).length >= count;
    if (enough()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!enough()) return;
        this.readyWaiters.delete(waiter);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.readyWaiters.delete(waiter);
        const have = this.started.filter((session) => where(session.shard)).length;
        reject(new Error(`${have} of ${count} gateway session(s) within ${timeoutMs} ms`));
      }, timeoutMs);
      this.readyWaiters.add(waiter);
    });
  }

  /** Drops every connection with this close code; sessions stay resumable unless `forgetSessions`. */
  disconnect(code = 4000, forgetSessions = false): void {
    for (const connection of this.live) connection.ws.close(code, 'Disconnected by the fake');
    if (forgetSessions) this.sessions.clear();
  }

  close(): void {
    for (const connection of this.live) connection.ws.terminate();
    this.live.clear();
    this.server.close();
  }

  private send(connection: Connection, payload: unknown): void {
    const text = JSON.stringify(payload);
    const { deflate, ws } = connection;
    if (!deflate) {
      ws.send(text);
      return;
    }
    // One flush per payload, in order, each ending with the 00 00 ff ff marker clients split on.
    connection.sending = connection.sending.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const collect = (chunk: Buffer) => chunks.push(chunk);
          deflate.on('data', collect);
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            deflate.off('data', collect);
            ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }
}
