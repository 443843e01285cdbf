/**
 * The library as the running bot sees it: loaded from the briefing folder, rebuilt when a briefing or
 * parties.yml changes, every problem reported as `file:line: message` while the good briefings keep being served.
 */
import { join } from 'node:path';
import { watch } from 'chokidar';
import type { LoadResult } from '../briefing/load.js';
import { formatProblem, type Problem } from '../briefing/model.js';
import { type BriefingWatcher, watchBriefingFolder } from '../briefing/watch.js';
import type { Logger } from '../log.js';
import { loadPartyRegistry } from '../party/parties-file.js';
import type { PartyRegistry } from '../party/registry.js';
import { Library } from './library.js';
import { readLibraryFolder } from './load.js';

export class LiveLibrary {
  private watchers: { close(): Promise<void> }[] = [];

  private constructor(
    private current: Library,
    private briefings: LoadResult,
    private registry: PartyRegistry,
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  static async load(dir: string, log: Logger): Promise<LiveLibrary> {
    const { briefings, parties } = await readLibraryFolder(dir);
    const live = new LiveLibrary(
      new Library(briefings.briefings, parties.registry),
      briefings,
      parties.registry,
      dir,
      log,
    );
    live.report([...briefings.problems, ...parties.problems]);
    log.info({ dir, briefings: live.current.size }, 'briefings loaded');
    return live;
  }

  library(): Library {
    return this.current;
  }

  /** Follows the folder from now on; changes show within a second. Resolves once the watchers are ready. */
  async watch(): Promise<void> {
    const briefingWatcher: BriefingWatcher = watchBriefingFolder(this.dir, (result) => {
      this.briefings = result;
      this.rebuild(result.problems);
    });
    const partiesWatcher = watch(join(this.dir, 'parties.yml'), { ignoreInitial: true });
    partiesWatcher.on('all', () => {
      void loadPartyRegistry(this.dir).then(({ registry, problems }) => {
        this.registry = registry;
        this.rebuild([...this.briefings.problems, ...problems]);
      });
    });
    this.watchers.push(briefingWatcher, partiesWatcher);
    await Promise.all([
      briefingWatcher.ready,
      new Promise<void>((resolve) => partiesWatcher.once('ready', () => resolve())),
    ]);
  }

  async close(): Promise<void> {
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
    this.watchers = [];
  }

  private rebuild(problems: Problem[]): void {
    try {
      const previous = this.current;
      this.current = new Library(this.briefings.briefings, this.registry);
      previous.close();
      this.report(problems);
      this.log.info({ briefings: this.current.size }, 'briefings reloaded');
    } catch (error) {
      this.log.error({ err: error }, 'could not rebuild the library; still serving the previous one');
    }
  }

  private report(problems: Problem[]): void {
    for (const problem of problems) this.log.warn(formatProblem(problem));
  }
}
