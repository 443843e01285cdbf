/**
 * Follows the briefing folder: adds, edits, deletes and renames show up without a restart. Changes
 * are gathered for a short moment (an editor's save is often several events), then handed on as the
 * set of files touched, for only those to be read again.
 */
import type { Stats } from 'node:fs';
import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { isBriefingFile, isLinkToFolder, MAX_FOLDER_DEPTH } from './folder-files.js';

export interface BriefingWatcher {
  /** Settles once the folder has been read and changes are being followed. */
  ready: Promise<void>;
  /** What is being followed: each folder (as given) with the names of the entries watched in it. */
  watched(): Record<string, string[]>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the files touched (paths relative to the folder) after every change; a folder
 * added, removed or renamed comes as an empty set (the whole folder is listed again). The next call waits
 * until the promise `onChange` returns settles. Never throws; an `onChange` that fails is ignored.
 */
export function watchBriefingFolder(
  dir: string,
  onChange: (changed: ReadonlySet<string>) => Promise<void> | void,
  options: { debounceMs?: number } = {},
): BriefingWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const changed = new Set<string>();
  let pending = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const isHidden = (path: string) =>
    relative(dir, path)
      .split(sep)
      .some((part) => part.startsWith('.') && part !== '..' && part !== '.');

  // What the loader skips, the watcher skips: dot-entries, files that are not briefings, links to folders
  // (followed, one of them to /usr grew the watcher past 4 GB), folders deeper than the loader reads.
  // Links are checked only when chokidar says it holds a link or a folder (it stats links through), so a
  // plain file costs no extra system call. The folder itself may be a link: it is what we were asked to watch.
  const isLinkedFolder = (path: string, stats: Stats | undefined) =>
    (stats?.isSymbolicLink() === true || stats?.isDirectory() === true) &&
    relative(dir, path) !== '' &&
    isLinkToFolder(path);
  const watcher = watch(dir, {
    ignoreInitial: true,
    depth: MAX_FOLDER_DEPTH,
    ignored: (path, stats) =>
      isHidden(path) || (stats?.isFile() === true && !isBriefingFile(path)) || isLinkedFolder(path, stats),
  });
  watcher.on('error', () => undefined);
  const watching = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  let running: Promise<void> | null = null;
  let folderChanged = false;

  const refresh = () => {
    if (closed || running || !pending) return;
    pending = false;
    // A folder added, removed or renamed: the whole folder is listed again (an empty set says so).
    const batch = folderChanged ? new Set<string>() : new Set(changed);
    changed.clear();
    folderChanged = false;
    running = Promise.resolve()
      .then(() => (closed ? undefined : onChange(batch)))
      // The listener's failure is its own; the watcher keeps following the folder.
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (pending) schedule();
      });
  };

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, debounceMs);
  };

  watcher.on('all', (event, path) => {
    const isFileEvent = event === 'add' || event === 'change' || event === 'unlink';
    if (isFileEvent && !isBriefingFile(path)) return;
    if (isFileEvent) changed.add(relative(dir, path));
    else folderChanged = true;
    pending = true;
    schedule();
  });

  return {
    ready: watching,
    watched: () => watcher.getWatched(),
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
