/**
 * Follows the briefing folder: adds, edits, deletes and renames show up without a restart. Changes
 * are gathered for a short moment (an editor's save is often several events), then handed on as the
 * set of files touched, for only those to be read again.
 *
 * The folder is followed with @parcel/watcher: one native watch per folder (inotify, FSEvents,
 * ReadDirectoryChangesW), never one per file, so a ten-year archive of 100,000 files costs megabytes,
 * not the hundreds a watcher of every file holds. A briefing that is a link to a file elsewhere is the
 * one exception: an edit there changes nothing in the folder, so those few files are watched themselves.
 */
import { lstatSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type AsyncSubscription, type Event, subscribe } from '@parcel/watcher';
import { type FSWatcher, watch } from 'chokidar';
import { isBriefingFile, listBriefingFiles, MAX_FOLDER_DEPTH } from './folder-files.js';

export interface BriefingWatcher {
  /** Settles once changes are being followed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** A briefing that is a link to a file elsewhere is watched itself (see above). */
type Kind = 'briefing' | 'linked-briefing' | 'folder' | 'other';

/**
 * What a path of an event is, as the loader would see it: a briefing file (or a link to one), a folder (its
 * files come and go with it), or anything else (another file, a link to a folder, which neither follows).
 */
function kindOf(path: string, type: Event['type']): Kind {
  if (type === 'delete') {
    // Gone: only its name is left. A name without an extension may have been a folder: list everything again.
    if (isBriefingFile(path)) return 'briefing';
    return /\.[^./\\]+$/.test(path) ? 'other' : 'folder';
  }
  try {
    const entry = lstatSync(path);
    if (entry.isDirectory()) return 'folder';
    if (entry.isSymbolicLink())
      return statSync(path).isFile() && isBriefingFile(path) ? 'linked-briefing' : 'other';
    return isBriefingFile(path) ? 'briefing' : 'other';
  } catch {
    // Gone again already: its name says what it was.
    return isBriefingFile(path) ? 'briefing' : 'other';
  }
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
  let folderChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

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

  const touched = (path: string, kind: Kind) => {
    if (kind === 'briefing' || kind === 'linked-briefing') changed.add(path);
    else folderChanged = true;
    pending = true;
    schedule();
  };

  // Briefings that are links to files elsewhere, watched one by one (see above).
  const linked: FSWatcher = watch([], { ignoreInitial: true });
  linked.on('error', () => undefined);
  linked.on('change', (path) => touched(relative(dir, path), 'briefing'));

  const onEvents = (error: Error | null, events: Event[]) => {
    if (error || closed) return;
    for (const { path, type } of events) {
      const inFolder = relative(dir, path);
      const parts = inFolder.split(sep);
      // What the loader skips, the watcher skips: dot-entries, and what lies deeper than the loader reads.
      if (parts.some((part) => part.startsWith('.'))) continue;
      const kind = kindOf(path, type);
      if (kind === 'other') continue;
      if (kind === 'folder' ? parts.length > MAX_FOLDER_DEPTH : parts.length > MAX_FOLDER_DEPTH + 1) continue;
      if (kind === 'linked-briefing') linked.add(path);
      if (type === 'delete') linked.unwatch(path);
      touched(inFolder, kind);
    }
  };

  let subscription: AsyncSubscription | undefined;
  const ready = (async () => {
    subscription = await subscribe(dir, onEvents);
    const { links } = await listBriefingFiles(dir);
    if (links.length) linked.add(links.map((path) => join(dir, path)));
  })().catch(() => undefined);

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await ready;
      await Promise.all([subscription?.unsubscribe(), linked.close()]);
      await running;
    },
  };
}
