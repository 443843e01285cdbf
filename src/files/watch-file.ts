/**
 * Follows one file (it may not exist yet): `onChange` runs once the file's events have settled for a moment.
 * A save is several events (truncate, then write), and the watcher may drop the second when both share one
 * mtime, so the file is read after the last event, never on the first.
 */
import { watch } from 'chokidar';

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
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher = watch(path, { ignoreInitial: true });
  watcher.on('error', () => undefined);
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, settleMs);
  });
  return {
    ready: new Promise<void>((resolve) => watcher.once('ready', () => resolve())),
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
