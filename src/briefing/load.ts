/** Loading the whole briefing folder once: every good briefing, and every problem as `file:line: message`. */
import { BriefingFolderState, type LoadResult } from './folder-state.js';

export { isBriefingFile } from './folder-files.js';
export type { LoadResult };

/** Reads every briefing under `dir` (recursively). Bad files become problems; the good ones load. Never throws. */
export async function loadBriefingFolder(dir: string): Promise<LoadResult> {
  try {
    return await new BriefingFolderState(dir).refresh('all');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      briefings: [],
      problems: [{ file: dir, message: `cannot load the briefing folder: ${reason}` }],
    };
  }
}
