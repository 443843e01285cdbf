/** Finding briefing files in a folder tree and reading them safely, whatever they hold. */
import { closeSync, type Dirent, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Problem } from './model.js';
import { formatOfFile } from './parse.js';

/** Larger than any briefing worth sending to Discord; refusing it keeps a stray dump from eating memory. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Briefing files by extension; dotfiles, README* and everything else (parties.yml, images) are not. */
export function isBriefingFile(path: string): boolean {
  const name = basename(path);
  if (name.startsWith('.') || /^readme/i.test(name)) return false;
  return formatOfFile(name) !== undefined;
}

export interface Listing {
  /** Paths relative to the folder, sorted. */
  files: string[];
  problems: Problem[];
}

/** Briefing files under `dir`, recursively, skipping dot-folders and not following folder links. */
export async function listBriefingFiles(dir: string): Promise<Listing> {
  const files: string[] = [];
  const problems: Problem[] = [];
  const walk = async (relative: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(dir, relative), { withFileTypes: true });
    } catch (error) {
      // A subfolder removed while we walk is not a problem; one we may not read is.
      const gone = (error as { code?: unknown }).code === 'ENOENT';
      if (relative === '')
        problems.push({ file: dir, message: `cannot read the briefing folder: ${reason(error)}` });
      else if (!gone)
        problems.push({ file: join(dir, relative), message: `cannot read the folder: ${reason(error)}` });
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative ? join(relative, entry.name) : entry.name;
      if (entry.isDirectory()) folders.push(path);
      else if (isBriefingFile(entry.name) && (entry.isFile() || (await isLinkToFile(join(dir, path))))) {
        files.push(path);
      }
    }
    if (depth < 20) await Promise.all(folders.map((folder) => walk(folder, depth + 1)));
  };
  await walk('', 0);
  files.sort();
  return { files, problems };
}

async function isLinkToFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type ReadOutcome = { text: string } | { problem: Problem };

/**
 * A file's text, or why it cannot be a briefing (too large, binary, not UTF-8, unreadable).
 * Synchronous on purpose: for thousands of small files, one blocking read each is several times faster
 * than promise reads bouncing through the thread pool; callers read in slices and yield in between.
 */
export function readBriefingText(path: string): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      const kb = Math.round(size / 1024);
      return { problem: { file: path, message: `the file is ${kb} KB: a briefing must be under 1 MB` } };
    }
    const bytes = Buffer.allocUnsafe(size);
    const length = readSync(fd, bytes, 0, size, 0);
    const content = bytes.subarray(0, length);
    if (content.includes(0)) return { problem: { file: path, message: 'this is a binary file, not text' } };
    try {
      return { text: utf8.decode(content) };
    } catch {
      return { problem: { file: path, message: 'the file is not UTF-8 text: save it as UTF-8' } };
    }
  } catch (error) {
    return { problem: { file: path, message: `cannot read the file: ${reason(error)}` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'it is not a folder';
  return error instanceof Error ? error.message : String(error);
}
