/**
 * The briefing folder, read the one way the bot, local mode and the editor tools read it: its briefings and its
 * parties.yml, with every problem found in them (a broken file never keeps the others out).
 */
import { loadBriefingFolder } from '../briefing/load.js';
import type { Problem } from '../briefing/model.js';
import type { Logger } from '../log.js';
import { loadPartyRegistry } from '../party/parties-file.js';
import type { Library } from './library.js';
import { LiveLibrary } from './live-library.js';

/** Every file parsed afresh (what `briefings check` reports), without the index. */
export async function readLibraryFolder(dir: string) {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  return { briefings, parties, problems: [...briefings.problems, ...parties.problems] };
}

/**
 * The folder's library as it is now, for the editor tools: the bot's index brought up to date (the bot may be
 * running and using it too) and not followed after. `close` when done.
 */
export async function openLibrary(
  dir: string,
  indexPath: string,
  log: Logger,
): Promise<{ library: Library; problems: Problem[]; close: () => Promise<void> }> {
  const live = await LiveLibrary.load(dir, log, { indexPath });
  return { library: live.library(), problems: live.problems(), close: () => live.close() };
}
