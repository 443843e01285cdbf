/**
 * The one way the bot and the editor tools read a text file they were pointed at: briefing files,
 * parties.yml, `briefings parse|import|check`. Whatever sits at the path (a FIFO, /dev/zero, a socket,
 * a folder, a 46 MB dump, a file swapped for a FIFO between listing and reading) costs one refusal,
 * never a blocked thread or an exhausted heap.
 *
 * How: open with O_NONBLOCK (opening a FIFO with no writer returns at once instead of waiting for one),
 * fstat the descriptor actually opened (no race with a swap after a stat of the path), refuse anything
 * that is not a regular file, read at most the limit + 1 byte (sizes reported by /proc and friends are
 * not trusted), close in every case. Synchronous on purpose: a regular file never blocks on a read, and
 * thousands of small reads are several times faster without the thread pool; it also means a stuck file
 * can never occupy one of libuv's four file-system threads.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The largest file read, for every reader alike. A briefing is a page of text (the shipped ones are 2 to
 * 4 KB; a Discord message holds 6 000 characters of embeds), parties.yml a list of names: 1 MiB is a
 * few hundred times what either needs, and small enough that reading, decoding and parsing it stays a
 * matter of milliseconds on the event loop. It is the limit the bot already applied to briefings.
 */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Why a file was not read. `missing`: nothing at the path (callers may treat that as "no file"). */
export type TextFileFailure = 'missing' | 'not-regular' | 'too-large' | 'binary' | 'not-utf8' | 'unreadable';

export type TextFileRead =
  | { ok: true; text: string }
  | { ok: false; failure: TextFileFailure; message: string };

export interface ReadTextOptions {
  /** What the file should be, for the size message: "a briefing must be under 1 MB". */
  what?: string;
  /** Defaults to MAX_TEXT_FILE_BYTES; smaller in tests. */
  maxBytes?: number;
}

// Not defined on Windows, where opening a FIFO path does not block anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The first read's buffer when the size is unknown (procfs says 0). */
const FIRST_CHUNK = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's UTF-8 text, or why it was refused. Never throws, never blocks on a FIFO or a device. */
export function readTextFile(path: string, options: ReadTextOptions = {}): TextFileRead {
  const limit = options.maxBytes ?? MAX_TEXT_FILE_BYTES;
  const what = options.what ?? 'a text file';
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refused('not-regular', 'not a regular file');
    if (stats.size > limit) return tooLarge(`the file is ${kilobytes(stats.size)}`, what, limit);
    const bytes = readAtMost(fd, limit + 1, stats.size);
    if (bytes.length > limit) return tooLarge(`the file is over ${limitText(limit)}`, what, limit);
    return decode(bytes);
  } catch (error) {
    return unreadable(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A stream's text (stdin for `briefings import -`), under the same limit and the same checks: reading
 * stops, and the stream is released, as soon as the limit is passed.
 */
export async function readTextStream(
  stream: AsyncIterable<unknown>,
  options: ReadTextOptions = {},
): Promise<TextFileRead> {
  const limit = options.maxBytes ?? MAX_TEXT_FILE_BYTES;
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      length += bytes.length;
      // Leaving the loop destroys the stream: nothing more is read.
      if (length > limit)
        return tooLarge(`the input is over ${limitText(limit)}`, options.what ?? 'text', limit);
    }
  } catch (error) {
    return unreadable(error);
  }
  return decode(Buffer.concat(chunks, length));
}

/** Up to `capacity` bytes, growing the buffer only as the file turns out to be larger than it said. */
function readAtMost(fd: number, capacity: number, sizeHint: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(capacity, sizeHint > 0 ? sizeHint + 1 : FIRST_CHUNK));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= capacity) break;
      const larger = Buffer.allocUnsafe(Math.min(capacity, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

function decode(bytes: Buffer): TextFileRead {
  if (bytes.includes(0)) return refused('binary', 'this is a binary file, not text');
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return refused('not-utf8', 'the file is not UTF-8 text: save it as UTF-8');
  }
}

function refused(failure: TextFileFailure, message: string): TextFileRead {
  return { ok: false, failure, message };
}

function tooLarge(subject: string, what: string, limit: number): TextFileRead {
  return refused('too-large', `${subject}: ${what} must be under ${limitText(limit)}`);
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** "1 MB" for the real limit; tests use smaller ones. */
function limitText(limit: number): string {
  const mib = 1024 * 1024;
  return limit % mib === 0 ? `${limit / mib} MB` : `${limit} bytes`;
}

function unreadable(error: unknown): TextFileRead {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return refused('missing', 'cannot read the file: it does not exist');
  // A socket or a device without a driver behind it cannot even be opened: not a file either way.
  if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP')
    return refused('not-regular', 'not a regular file');
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR'
        ? 'a part of its path is not a folder'
        : code === 'ELOOP'
          ? 'too many symbolic links'
          : error instanceof Error
            ? error.message
            : String(error);
  return refused('unreadable', `cannot read the file: ${reason}`);
}
