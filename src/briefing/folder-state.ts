/**
 * The briefing folder as last read: every file's latest problems and its last good briefing, so a
 * file broken by an edit keeps being served in its last good version until it is fixed or deleted.
 */
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { listBriefingFiles, readBriefingText } from './folder-files.js';
import type { Briefing, Problem } from './model.js';
import { parseBriefing } from './parse.js';

export interface LoadResult {
  briefings: Briefing[];
  problems: Problem[];
}

interface FileState {
  problems: Problem[];
  /** The version served: the file's briefing now, or its last good one while it is broken. */
  served: Briefing | null;
}

/** Files read and parsed between two turns of the event loop: a few milliseconds of work. */
const SLICE = 128;

export class BriefingFolderState {
  private readonly files = new Map<string, FileState>();
  private order: string[] = [];
  private folderProblems: Problem[] = [];

  constructor(private readonly dir: string) {}

  /**
   * Lists the folder again and re-reads the files that are new or in `changed` (paths relative to the
   * folder; `all` re-reads everything). Files no longer there are forgotten.
   */
  async refresh(changed: ReadonlySet<string> | 'all'): Promise<LoadResult> {
    const listing = await listBriefingFiles(this.dir);
    const present = new Set(listing.files);
    for (const relative of this.files.keys()) if (!present.has(relative)) this.files.delete(relative);
    this.order = listing.files;
    this.folderProblems = listing.problems;
    const toRead = listing.files.filter(
      (relative) => changed === 'all' || changed.has(relative) || !this.files.has(relative),
    );
    for (let start = 0; start < toRead.length; start += SLICE) {
      if (start > 0) await nextTurn();
      for (const relative of toRead.slice(start, start + SLICE)) this.read(relative);
    }
    return this.result();
  }

  private read(relative: string): void {
    const file = join(this.dir, relative);
    const read = readBriefingText(file);
    const { briefing, problems } =
      'text' in read ? parseBriefing(file, read.text) : { briefing: null, problems: [read.problem] };
    const previous = this.files.get(relative);
    this.files.set(relative, { problems, served: briefing ?? previous?.served ?? null });
  }

  /** The briefings served and every current problem; of two files with one id, the first (by path) wins. */
  result(): LoadResult {
    const briefings: Briefing[] = [];
    const problems: Problem[] = [...this.folderProblems];
    const owners = new Map<string, string>();
    for (const relative of this.order) {
      const state = this.files.get(relative);
      if (!state) continue;
      problems.push(...state.problems);
      const briefing = state.served;
      if (!briefing) continue;
      const key = briefing.id.toLowerCase();
      const owner = owners.get(key);
      if (owner) {
        problems.push({
          file: briefing.file,
          message: `duplicate id "${briefing.id}": ${owner} has it too; rename one file or give it another \`id\``,
        });
        continue;
      }
      owners.set(key, briefing.file);
      briefings.push(briefing);
    }
    return { briefings, problems };
  }
}
