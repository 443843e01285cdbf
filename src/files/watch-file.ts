/**
 * Follows one file (it may not exist yet): `onChange` runs once the file's events have settled for a moment.
 * A save is several events (truncate, then write), and the watcher may drop the second when both share one
 * mtime, so the file is read after the last event, never on the first.
 *
 * The folder holding it is what is watched (one inotify watch, not recursive), and events are kept by the file's
 * name: a file deleted and written again, or replaced by a rename, is followed as surely as one edited in place.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatcher {
  /** Settles once changes are being followed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchFile(
  path: string,
  onChange: () => void,
  options: { settleMs?: number } = {},
): FileWatcher {
  const settleMs = options.settleMs ?? 150;
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      // Some systems do not say which entry changed: then any change may be this file's.
      if (changed !== null && changed.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!closed) onChange();
      }, settleMs);
    });
    // The folder removed, or watching refused: the file is simply no longer followed.
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  return {
    // fs.watch is watching once it returns.
    ready: Promise.resolve(),
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
