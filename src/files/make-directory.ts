/**
 * `mkdir -p` that always ends. Node's own `mkdir(path, { recursive: true })` (sync and async alike) loops
 * forever at 100% CPU when a folder exists but refuses new entries with ENOENT, as /proc and /sys do:
 * mkdir /proc/nope gives ENOENT, so it steps back to /proc, finds it exists, steps forward to /proc/nope
 * again, and so on without end. Here each missing folder is created once, top down, and the first
 * failure is the answer.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The two calls used, replaceable in tests to play a file system that misbehaves. */
export interface DirectoryCalls {
  mkdir(path: string): void;
  isDirectory(path: string): boolean;
}

const nodeCalls: DirectoryCalls = {
  mkdir: (path) => mkdirSync(path),
  isDirectory: (path) => statSync(path).isDirectory(),
};

/** Creates `path` and the folders above it that are missing; throws the first error, as mkdir would. */
export function makeDirectory(path: string, calls: DirectoryCalls = nodeCalls): void {
  // Walk up to the nearest thing that exists: at most one step per component of the path.
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const found = what(calls, current);
    if (found === 'folder') break;
    if (found === 'other') throw notAFolder(current);
    const parent = dirname(current);
    if (parent === current) break;
    missing.push(current);
    current = parent;
  }
  // Then down, creating each missing folder once.
  for (const folder of missing.reverse()) {
    try {
      calls.mkdir(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if ((error as { code?: unknown }).code === 'EEXIST' && isDirectory(calls, folder)) continue;
      throw error;
    }
  }
}

/** What is at `path`; errors other than "nothing there" (permission denied...) are thrown. */
function what(calls: DirectoryCalls, path: string): 'folder' | 'other' | 'missing' {
  try {
    return calls.isDirectory(path) ? 'folder' : 'other';
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function isDirectory(calls: DirectoryCalls, path: string): boolean {
  try {
    return calls.isDirectory(path);
  } catch {
    return false;
  }
}

function notAFolder(path: string): Error {
  return Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), {
    code: 'ENOTDIR',
    path,
  });
}
