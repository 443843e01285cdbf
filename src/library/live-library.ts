/**
 * The library as the running bot sees it: the archive index, brought up to date with the briefing folder at
 * start (only what changed is read again) and kept so as the folder changes; every problem reported as
 * `file:line: message` while the good briefings keep being served. A first build of a large archive runs while
 * the bot already answers, and the library says how far it is.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatProblem, type Problem } from '../briefing/model.js';
import { type BriefingWatcher, watchBriefingFolder } from '../briefing/watch.js';
import { watchFile } from '../files/watch-file.js';
import type { Logger } from '../log.js';
import { loadPartyRegistry, PARTIES_FILE } from '../party/parties-file.js';
import { hashText } from './index/analyse.js';
import { IndexReader } from './index/reader.js';
import { INDEX_FORMAT, isDamage, type OpenedIndex, openIndex, setAside } from './index/schema.js';
import { applySync, planSync, type SyncPlan, type SyncProgress } from './index/sync.js';
import { IndexWriter } from './index/writer.js';
import { Library } from './library.js';

export interface LiveLibraryOptions {
  /** The index file; `:memory:` for one that lasts as long as the process. */
  indexPath: string;
  /** Parse worker threads for a large first build (default: the pool's); 0 parses in this thread. */
  workers?: number;
}

/** A first pass reading more files than this runs in the background while the bot answers. */
const BACKGROUND_BUILD = 2000;

type PartyEntries = Awaited<ReturnType<typeof loadPartyRegistry>>;

/** What the mentions were worked out with: the index format and every party (built in, and parties.yml's). */
function registryFingerprint(parties: PartyEntries): string {
  return hashText(`${INDEX_FORMAT}\n${JSON.stringify(parties.registry.all())}`);
}

export class LiveLibrary {
  /** Settles once the index holds the folder as it was at start (already so when little had changed). */
  ready: Promise<void> = Promise.resolve();
  private current: Library;
  private building?: SyncProgress;
  private folderProblems: Problem[] = [];
  private watchers: { close(): Promise<void> }[] = [];
  /** Index writes, one at a time: a folder change waits for the pass before it. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly reader: IndexReader,
    private readonly writer: IndexWriter,
    private parties: PartyEntries,
    private readonly dir: string,
    private readonly log: Logger,
    private readonly options: LiveLibraryOptions,
    rebuilt: string | null,
  ) {
    this.current = new Library(reader, parties.registry, () => this.building);
    if (rebuilt === 'damaged' || rebuilt === 'foreign') {
      const why =
        rebuilt === 'damaged'
          ? 'damaged (set aside as .damaged)'
          : 'made by another version or for another folder';
      log.warn({ path: options.indexPath }, `the briefing index was ${why}: rebuilding it from the folder`);
    }
  }

  /** Opens the index and starts bringing it up to date; answers are served from now on (see `ready`). */
  static async open(dir: string, log: Logger, options: LiveLibraryOptions): Promise<LiveLibrary> {
    if (options.indexPath !== ':memory:') mkdirSync(dirname(options.indexPath), { recursive: true });
    const parties = await loadPartyRegistry(dir);
    try {
      return await LiveLibrary.openIndexed(
        dir,
        log,
        options,
        parties,
        openIndex(options.indexPath, resolve(dir)),
      );
    } catch (error) {
      if (!isDamage(error) || options.indexPath === ':memory:') throw error;
      // Damage the first look missed (a page deep in a table): set aside, and one more start on a new index.
      setAside(options.indexPath);
      const { db } = openIndex(options.indexPath, resolve(dir));
      return LiveLibrary.openIndexed(dir, log, options, parties, { db, rebuilt: 'damaged' });
    }
  }

  private static async openIndexed(
    dir: string,
    log: Logger,
    options: LiveLibraryOptions,
    parties: PartyEntries,
    { db, rebuilt }: OpenedIndex,
  ): Promise<LiveLibrary> {
    const writer = new IndexWriter(db, dir, parties.registry);
    const live = new LiveLibrary(new IndexReader(db, dir), writer, parties, dir, log, options, rebuilt);
    try {
      await live.start();
    } catch (error) {
      db.close();
      throw error;
    }
    return live;
  }

  /** Opens the index and waits until it holds the folder: for the editor tools and tests. */
  static async load(dir: string, log: Logger, options: LiveLibraryOptions): Promise<LiveLibrary> {
    const live = await LiveLibrary.open(dir, log, options);
    await live.ready;
    return live;
  }

  library(): Library {
    return this.current;
  }

  /** Every problem with the folder and its files now. */
  problems(): Problem[] {
    return [...this.folderProblems, ...this.parties.problems, ...this.current.problems()];
  }

  /** Follows the folder from now on; changes show within a second. Resolves once the watchers are ready. */
  async watch(): Promise<void> {
    const briefingWatcher: BriefingWatcher = watchBriefingFolder(this.dir, (changed) =>
      this.enqueue(() => this.pass(changed)),
    );
    const partiesWatcher = watchFile(join(this.dir, PARTIES_FILE), () => {
      void this.enqueue(() => this.partiesChanged());
    });
    this.watchers.push(briefingWatcher, partiesWatcher);
    await Promise.all([briefingWatcher.ready, partiesWatcher.ready]);
  }

  /**
   * Reads these files again now (paths relative to the folder), without waiting for the watcher: what the bot
   * itself just wrote is served as soon as this settles.
   */
  refresh(changed: readonly string[]): Promise<void> {
    return this.enqueue(() => this.pass(new Set(changed)));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
    this.watchers = [];
    await this.queue;
    this.reader.db.close();
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.closed) return;
      try {
        await job();
      } catch (error) {
        this.log.error({ err: error }, 'could not update the briefing index; still serving what it holds');
      }
    });
    this.queue = run;
    return run;
  }

  /**
   * Brings the index up to date with the folder as it is now. Returns once that is done when it is quick (a
   * restart, a small folder); a first build of many files goes on in the background, and the library says how
   * far it is (`progress`) until `ready` settles.
   */
  private async start(): Promise<void> {
    const started = performance.now();
    const stored = this.reader.db
      .prepare<[], string>("SELECT value FROM meta WHERE key = 'registry'")
      .pluck()
      .get();
    if (stored !== registryFingerprint(this.parties)) await this.reindexMentions();
    const plan = await planSync(this.reader.db, this.dir);
    const pass = this.enqueue(async () => {
      const result = await this.apply(plan, plan.toRead.length > BACKGROUND_BUILD);
      this.report(this.problems());
      this.log.info(
        {
          dir: this.dir,
          briefings: this.current.size,
          read: result.read,
          ms: Math.round(performance.now() - started),
        },
        'briefings loaded',
      );
    });
    if (plan.toRead.length > BACKGROUND_BUILD) this.ready = pass;
    else await pass;
  }

  private async pass(changed: ReadonlySet<string>): Promise<void> {
    const result = await this.apply(await planSync(this.reader.db, this.dir, changed), false);
    if (!result.read && !result.removed) return;
    this.report(this.current.problems());
    this.log.info(
      { briefings: this.current.size, read: result.read, removed: result.removed },
      'briefings reloaded',
    );
  }

  /** `building`: a first build in the background, whose progress the library tells readers. */
  private async apply(plan: SyncPlan, building: boolean) {
    if (building) this.building = { done: 0, total: plan.toRead.length };
    try {
      const result = await applySync(this.writer, this.dir, this.parties, plan, {
        ...(this.options.workers === undefined ? {} : { workers: this.options.workers }),
        onProgress: (progress) => {
          this.reader.wrote();
          if (building) this.building = progress;
        },
      });
      if (plan.folderProblems) this.folderProblems = plan.folderProblems;
      return result;
    } finally {
      this.building = undefined;
      this.reader.wrote();
    }
  }

  private async partiesChanged(): Promise<void> {
    const before = registryFingerprint(this.parties);
    this.parties = await loadPartyRegistry(this.dir);
    // Saved again as it was: the mentions already hold.
    if (registryFingerprint(this.parties) !== before) await this.reindexMentions();
    this.report([...this.parties.problems]);
    this.log.info({ briefings: this.current.size }, 'parties reloaded');
  }

  /** Mentions worked out again with the current registry; the library then answers with it. */
  private async reindexMentions(): Promise<void> {
    this.writer.useRegistry(this.parties.registry);
    this.current = new Library(this.reader, this.parties.registry, () => this.building);
    await this.writer.reindexMentions(registryFingerprint(this.parties), async () => {
      this.reader.wrote();
      await nextTurn();
    });
    this.reader.wrote();
  }

  private report(problems: Problem[]): void {
    for (const problem of problems) this.log.warn(formatProblem(problem));
  }
}
