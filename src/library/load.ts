/**
 * The briefing folder, read the one way the bot, local mode and the editor tools read it: its briefings and its
 * parties.yml, with every problem found in them (a broken file never keeps the others out).
 */
import { loadBriefingFolder } from '../briefing/load.js';
import type { Problem } from '../briefing/model.js';
import { loadPartyRegistry } from '../party/parties-file.js';
import { Library } from './library.js';

export async function readLibraryFolder(dir: string) {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  return { briefings, parties, problems: [...briefings.problems, ...parties.problems] };
}

/** The folder's library as it is now, for the editor tools; the bot's follows the folder (live-library.ts). */
export async function loadLibrary(dir: string): Promise<{ library: Library; problems: Problem[] }> {
  const { briefings, parties, problems } = await readLibraryFolder(dir);
  return { library: new Library(briefings.briefings, parties.registry), problems };
}
