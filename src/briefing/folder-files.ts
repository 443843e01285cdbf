/** Finding briefing files in a folder tree and reading them safely, whatever they hold. */
import { type Dirent, lstatSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readTextFile } from '../files/read-text-file.js';
import type { Problem } from './model.js';
import { formatOfFile } from './parse.js';

/**
 * How deep folders are read below the briefing folder: its own files are at depth 0, those of a subfolder
 * at 1, and so on up to this. The loader and the watcher both stop here.
 */
export const MAX_FOLDER_DEPTH = 20;

/** Briefing files by extension; dotfiles, README* and everything else (parties.yml, images) are not. */
export function isBriefingFile(path: string): boolean {
  const name = basename(path);
  if (name.startsWith('.') || /^readme/i.test(name)) return false;
  return formatOfFile(name) !== undefined;
}

export interface Listing {
  /** Paths relative to the folder, sorted. */
  files: string[];
  /** Those of them that are links to files elsewhere (an edit there changes nothing in the folder). */
  links: string[];
  problems: Problem[];
}

/** Briefing files under `dir`, recursively, skipping dot-folders and not following folder links. */
export async function listBriefingFiles(dir: string): Promise<Listing> {
  const files: string[] = [];
  const links: string[] = [];
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
        if (!entry.isFile()) links.push(path);
      }
    }
    if (depth < MAX_FOLDER_DEPTH) await Promise.all(folders.map((folder) => walk(folder, depth + 1)));
  };
  await walk('', 0);
  files.sort();
  links.sort();
  return { files, links, problems };
}

async function isLinkToFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * A symbolic link to a folder: never followed, by the loader (above) nor by the watcher, so
 * `ln -s /usr briefings/x` cannot send either through a whole file system.
 */
export function isLinkToFolder(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export type ReadOutcome = { text: string } | { problem: Problem };

/**
 * A file's text, or why it cannot be a briefing (not a regular file, too large, binary, not UTF-8,
 * unreadable): the shared reader's, which never blocks (see src/files/read-text-file.ts). Synchronous on
 * purpose: callers read in slices and yield in between.
 */
export function readBriefingText(path: string): ReadOutcome {
  const read = readTextFile(path, { what: 'a briefing' });
  return read.ok ? { text: read.text } : { problem: { file: path, message: read.message } };
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'it is not a folder';
  return error instanceof Error ? error.message : String(error);
}
