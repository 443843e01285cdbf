/**
 * A local stand-in for cdn.discordapp.com: the bytes of the files users attach to commands, served under
 * `/cdn/ephemeral-attachments/{channel_id}/{attachment_id}/{filename}`, and of the files the bot uploads with its
 * messages, under `/cdn/attachments/...` (`ephemeral-attachments` for an ephemeral message); the media proxy
 * answers the same under `/media/...`. Links carry signed query parameters as Discord's do. A link without its signature gets 404, as Discord's does.
 * An attachment can be made to hang: its request is taken and never answered until the fake closes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { snowflake } from './snowflake.js';

/** A file a user attaches to an attachment option (type 11). */
export interface AttachmentInput {
  filename: string;
  content: string | Uint8Array;
  /** Sent as `content_type` and served as `Content-Type`; omitted from the attachment when not given. */
  contentType?: string;
  /** The size the attachment claims; default the byte length of `content`. */
  size?: number;
  /** The CDN takes the request and never answers it (until the fake closes). */
  hang?: boolean;
}

/** An attachment as `data.resolved.attachments[id]` carries it. */
export interface ResolvedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  ephemeral: true;
}

export interface CdnRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** Decoded path, e.g. `/cdn/ephemeral-attachments/1190.../1234.../brief.md`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The attachment the path names, when it names one the fake knows. */
  attachmentId: string | null;
  receivedAt: number;
  /** 200, 404 or 405; undefined while a hanging attachment holds the request. */
  status?: number;
  /** A hanging attachment took the request. */
  held: boolean;
  /** The client gave up before an answer (its timeout fired). */
  aborted: boolean;
}

/** Where a stored file is served: the link Discord would hand out, and its media-proxy twin. */
export interface StoredLinks {
  id: string;
  url: string;
  proxy_url: string;
}

/** A file the bot uploaded with a message, to be kept and served. */
export interface MessageFileInput {
  filename: string;
  bytes: Buffer;
  contentType: string | undefined;
  /** Files of ephemeral messages live under ephemeral-attachments, as on Discord. */
  ephemeral: boolean;
}

interface Stored {
  id: string;
  folder: string;
  filename: string;
  channelId: string;
  bytes: Buffer;
  contentType: string | undefined;
  hang: boolean;
  signature: string;
}

export const CDN_PREFIXES = ['/cdn/', '/media/'] as const;
const EPHEMERAL_FOLDER = 'ephemeral-attachments';
const MESSAGE_FOLDER = 'attachments';
const FOLDERS = new Set([EPHEMERAL_FOLDER, MESSAGE_FOLDER]);
/** How long Discord's signed links stay valid. */
const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function isAttachmentInput(value: unknown): value is AttachmentInput {
  return typeof value === 'object' && value !== null && 'filename' in value && 'content' in value;
}

export class Cdn {
  readonly requests: CdnRequest[] = [];
  private readonly byId = new Map<string, Stored>();
  private readonly pending = new Set<ServerResponse>();
  private readonly watchers = new Set<() => void>();
  private readonly key = randomBytes(16);
  private seq = 0;
  private closed = false;

  /** `origin` gives `http://127.0.0.1:<port>` once the server listens. */
  constructor(private readonly origin: () => string) {}

  /** Stores the bytes and returns the attachment as an interaction's resolved data carries it. */
  add(channelId: string, input: AttachmentInput): ResolvedAttachment {
    if (typeof input.filename !== 'string' || input.filename.length === 0) {
      throw new Error('an attachment needs a filename');
    }
    const bytes = typeof input.content === 'string' ? Buffer.from(input.content) : Buffer.from(input.content);
    const links = this.store(
      EPHEMERAL_FOLDER,
      channelId,
      input.filename,
      bytes,
      input.contentType,
      input.hang,
    );
    return {
      ...links,
      filename: input.filename,
      size: input.size ?? bytes.length,
      ...(input.contentType ? { content_type: input.contentType } : {}),
      ephemeral: true,
    };
  }

  /** Keeps a file the bot uploaded with a message and returns where it is served. */
  addMessageFile(channelId: string, file: MessageFileInput): StoredLinks {
    const folder = file.ephemeral ? EPHEMERAL_FOLDER : MESSAGE_FOLDER;
    return this.store(folder, channelId, file.filename, file.bytes, file.contentType, false);
  }

  private store(
    folder: string,
    channelId: string,
    filename: string,
    bytes: Buffer,
    contentType: string | undefined,
    hang = false,
  ): StoredLinks {
    const id = snowflake();
    const issued = Math.floor(Date.now() / 1000);
    const ex = Math.floor((Date.now() + LINK_LIFETIME_MS) / 1000).toString(16);
    const is = issued.toString(16);
    const path = `${folder}/${channelId}/${id}/${encodeURIComponent(filename)}`;
    const signature = createHmac('sha256', this.key).update(`${path}?ex=${ex}&is=${is}`).digest('hex');
    const query = `?ex=${ex}&is=${is}&hm=${signature}&`;
    this.byId.set(id, { id, folder, filename, channelId, bytes, contentType, hang, signature });
    return {
      id,
      url: `${this.origin()}/cdn/${path}${query}`,
      proxy_url: `${this.origin()}/media/${path}${query}`,
    };
  }

  /** The bytes stored for an attachment id. */
  bytes(id: string): Buffer | undefined {
    return this.byId.get(id)?.bytes;
  }

  owns(url: string | undefined): boolean {
    return CDN_PREFIXES.some((prefix) => (url ?? '').startsWith(prefix));
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const segments = url.pathname.split('/').map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
    // ['', 'cdn', 'ephemeral-attachments', channel, id, filename]
    const [, , folder, channelId, id, filename] = segments;
    const stored = folder && FOLDERS.has(folder) && id ? this.byId.get(id) : undefined;
    const found =
      stored &&
      stored.folder === folder &&
      stored.channelId === channelId &&
      stored.filename === filename &&
      segments.length === 6
        ? stored
        : undefined;
    const record: CdnRequest = {
      seq: ++this.seq,
      method,
      path: segments.join('/'),
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      ),
      attachmentId: found ? found.id : null,
      receivedAt: Date.now(),
      held: false,
      aborted: false,
    };
    this.requests.push(record);
    response.on('close', () => {
      this.pending.delete(response);
      if (!response.writableFinished && !this.closed) record.aborted = true;
      this.notify();
    });
    request.resume();

    if (method !== 'GET' && method !== 'HEAD') {
      this.answer(record, response, 405, 'Method Not Allowed');
    } else if (!found || url.searchParams.get('hm') !== found.signature) {
      // Discord's answer to an unknown or unsigned attachment link.
      this.answer(record, response, 404, 'This content is no longer available.');
    } else if (found.hang) {
      record.held = true;
      this.pending.add(response);
      this.notify();
    } else {
      record.status = 200;
      response.writeHead(200, {
        'Content-Type': found.contentType ?? 'application/octet-stream',
        'Content-Length': String(found.bytes.length),
        'Cache-Control': 'public, max-age=31536000',
      });
      response.end(method === 'HEAD' ? undefined : found.bytes);
      this.notify();
    }
  }

  /** The first CDN request matching, already received or still to come (a held one counts once it is held). */
  waitFor(predicate: (request: CdnRequest) => boolean, timeoutMs: number): Promise<CdnRequest> {
    const settled = (request: CdnRequest) => request.status !== undefined || request.held;
    const find = () => this.requests.find((request) => settled(request) && predicate(request));
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const watcher = () => {
        const request = find();
        if (!request) return;
        this.watchers.delete(watcher);
        clearTimeout(timer);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        const seen = this.requests.map((r) => `${r.method} ${r.path} -> ${r.status ?? 'held'}`).join('\n  ');
        reject(new Error(`no matching CDN request within ${timeoutMs} ms; so far:\n  ${seen || '(none)'}`));
      }, timeoutMs);
      this.watchers.add(watcher);
    });
  }

  /** Drops every held request. */
  close(): void {
    this.closed = true;
    for (const response of this.pending) response.destroy();
    this.pending.clear();
  }

  private answer(record: CdnRequest, response: ServerResponse, status: number, body: string): void {
    record.status = status;
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(body);
    this.notify();
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}
