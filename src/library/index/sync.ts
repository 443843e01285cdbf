/**
 * Brings the index up to date with the folder: the folder is listed and stat'ed, and only files that are new,
 * changed (size or modification time) or named as changed are read again; files gone are forgotten.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isBriefingFile, listBriefingFiles } from '../../briefing/folder-files.js';
import type { Problem } from '../../briefing/model.js';
import type { PartyFileEntry, PartyRegistry } from '../../party/registry.js';
import type { AnalysedFile } from './analyse.js';
import { analyseFiles } from './parse-pool.js';
import type { IndexDatabase } from './schema.js';
import { type IndexWriter, toIndexPath } from './writer.js';

export interface SyncProgress {
  /** Files read so far in this pass. */
  done: number;
  /** Files this pass reads. */
  total: number;
}

export interface SyncOptions {
  /** Parse worker threads for a large pass (see parse-pool.ts); 0 reads in this thread. */
  workers?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  /** Files read again, and files forgotten. */
  read: number;
  removed: number;
  /** Problems with the folder itself, when it was listed. */
  folderProblems?: Problem[];
}

interface Stamp {
  size: number;
  mtime: number;
}

/** What a pass will do: the files to read (relative paths) and the paths to forget. */
export interface SyncPlan {
  toRead: string[];
  gone: string[];
  /** Problems with the folder itself (not with a file: those are in the index); absent when it was not listed. */
  folderProblems?: Problem[];
}

/**
 * Works out what changed: with `changed` given (and not empty), only those paths; otherwise the whole folder,
 * listed and stat'ed against the stamps in the index.
 */
export async function planSync(
  db: IndexDatabase,
  dir: string,
  changed?: ReadonlySet<string>,
): Promise<SyncPlan> {
  if (changed?.size) {
    const toRead: string[] = [];
    const gone: string[] = [];
    for (const relative of changed) (isBriefingFileAt(dir, relative) ? toRead : gone).push(relative);
    return { toRead, gone };
  }
  const listing = await listBriefingFiles(dir);
  const stored = new Map<string, Stamp>();
  for (const row of db
    .prepare<[], Stamp & { path: string }>('SELECT path, size, mtime FROM files INDEXED BY files_stamps')
    .iterate())
    stored.set(row.path, { size: row.size, mtime: row.mtime });
  const toRead: string[] = [];
  const present = new Set<string>();
  for (let index = 0; index < listing.files.length; index++) {
    // A stat is a few microseconds; a long listing lets the bot answer now and then.
    if (index > 0 && index % 5000 === 0) await nextTurn();
    const relative = listing.files[index]!;
    const path = toIndexPath(relative);
    present.add(path);
    const known = stored.get(path);
    if (!known || changedSince(join(dir, relative), known)) toRead.push(relative);
  }
  const gone = [...stored.keys()].filter((path) => !present.has(path));
  return { toRead, gone, folderProblems: listing.problems };
}

/** The parties the files are read with: parties.yml's entries (for parse workers) and the registry they make. */
export interface Parties {
  entries: PartyFileEntry[];
  registry: PartyRegistry;
}

/** Reads what the plan says and writes it into the index, a batch at a time. */
export async function applySync(
  writer: IndexWriter,
  dir: string,
  parties: Parties,
  plan: SyncPlan,
  options: SyncOptions = {},
): Promise<SyncResult> {
  await readInto(writer, dir, parties, plan.toRead, plan.gone, options);
  return {
    read: plan.toRead.length,
    removed: plan.gone.length,
    ...(plan.folderProblems ? { folderProblems: plan.folderProblems } : {}),
  };
}

async function readInto(
  writer: IndexWriter,
  dir: string,
  parties: Parties,
  toRead: readonly string[],
  gone: readonly string[],
  options: SyncOptions,
): Promise<void> {
  const progress = { done: 0, total: toRead.length };
  options.onProgress?.({ ...progress });
  // Full-text indexes build much faster in large transactions: a big pass writes a thousand files at a time.
  const large = toRead.length >= WRITE_BATCH;
  if (large) writer.buildMode(true);
  try {
    let pending: AnalysedFile[] = [];
    const write = () => {
      writer.apply(pending, []);
      progress.done += pending.length;
      pending = [];
      options.onProgress?.({ ...progress });
    };
    for await (const batch of analyseFiles(
      { dir, relatives: toRead, partyEntries: parties.entries, registry: parties.registry },
      options.workers === undefined ? {} : { workers: options.workers },
    )) {
      pending.push(...batch);
      if (!large || pending.length >= WRITE_BATCH) write();
    }
    if (pending.length) write();
  } finally {
    if (large) writer.buildMode(false);
  }
  if (gone.length) writer.apply([], gone);
}

/** Files written per transaction in a large pass. */
const WRITE_BATCH = 1000;

/** A briefing file the loader would list: present, a file (or a link to one), its name a briefing's, no dot-folder. */
function isBriefingFileAt(dir: string, relative: string): boolean {
  if (!isBriefingFile(relative) || relative.split(/[\\/]/).some((part) => part.startsWith('.'))) return false;
  try {
    return statSync(join(dir, relative)).isFile();
  } catch {
    return false;
  }
}

function changedSince(file: string, known: Stamp): boolean {
  try {
    const stats = statSync(file);
    return stats.size !== known.size || stats.mtimeMs !== known.mtime;
  } catch {
    return true;
  }
}
