/**
 * Follows the briefing folder: adds, edits, deletes and renames show up without a restart. Changes
 * are gathered for a short moment (an editor's save is often several events), then only the files
 * touched are read again. A file broken by an edit keeps its last good version served.
 */
import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { isBriefingFile } from './folder-files.js';
import { BriefingFolderState, type LoadResult } from './folder-state.js';

export interface BriefingWatcher {
  /** Settles once the folder has been read and changes are being followed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the full current set after every change (not for the initial state: load the
 * folder with `loadBriefingFolder` first). Never throws; an `onChange` that throws is ignored.
 */
export function watchBriefingFolder(
  dir: string,
  onChange: (result: LoadResult) => void,
  options: { debounceMs?: number } = {},
): BriefingWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const state = new BriefingFolderState(dir);
  const changed = new Set<string>();
  let pending = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const isHidden = (path: string) =>
    relative(dir, path)
      .split(sep)
      .some((part) => part.startsWith('.') && part !== '..' && part !== '.');

  const watcher = watch(dir, {
    ignoreInitial: true,
    ignored: (path, stats) => isHidden(path) || (stats?.isFile() === true && !isBriefingFile(path)),
  });
  watcher.on('error', () => undefined);
  const watching = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  // The first read: a job like any other, except that it reports nothing.
  let running: Promise<void> | null = state
    .refresh('all')
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => {
      running = null;
      if (pending) schedule();
    });

  const refresh = () => {
    if (closed || running || !pending) return;
    pending = false;
    const batch = new Set(changed);
    changed.clear();
    running = state
      .refresh(batch)
      .then((result) => {
        if (closed) return;
        try {
          onChange(result);
        } catch {
          // The listener's failure is its own; the watcher keeps following the folder.
        }
      })
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
    pending = true;
    schedule();
  });

  return {
    ready: Promise.all([watching, running]).then(() => undefined),
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
