/**
 * One start of the archive index, as its own process (run by bench/archive.ts, one fresh process per figure, so
 * no module, cache or heap of one run helps the next):
 *
 *   archive-process.ts DIR INDEX_PATH [--expect N] [--workers N] [--pong API_URL TOKEN] [--library open|modules|none]
 *     [--watch]
 *
 * Opens the LiveLibrary on DIR with the index at INDEX_PATH, awaits `ready`, and prints one JSON line: how long
 * from just before `LiveLibrary.open` to `open` returning and to `ready` settling, how many briefings the library
 * holds, and the resident memory after a full gc (run with --expose-gc). With `--pong`, a bare discord.js bot
 * that answers "pong" (tools/fake-discord/pong-bot.ts) is started first in the same process, so the memory is
 * the bare bot's plus the library's. `--library modules` only loads the library's modules (what they cost apart
 * from the index); `--library none` loads none of them (with `--pong`: the bare bot alone). `--watch`: after ready,
 * the library follows the folder as the bot's does (`live.watch()`) before the memory is read.
 */

export interface ArchiveProcessResult {
  /** From just before `LiveLibrary.open` to it returning (answers are served from then on). */
  openMs: number;
  /** From just before `LiveLibrary.open` to `ready` settling: the index holds the folder. */
  readyMs: number;
  /** From the process's start to `ready`. */
  sinceStartMs: number;
  /** CPU time (user + system, every thread) from just before `LiveLibrary.open` to `ready`. */
  readyCpuMs: number;
  /** The first questions after ready (a search, a party page's answer, an autocomplete). */
  firstAnswerMs: number;
  /** Whether a first build was under way right after open (library().progress() defined). */
  building: boolean;
  size: number;
  /** process.memoryUsage() after a full gc, in bytes. */
  rss: number;
  heapUsed: number;
  external: number;
}

const args = process.argv.slice(2);
const [dir, indexPath] = args;
if (!dir || !indexPath)
  throw new Error(
    'usage: archive-process DIR INDEX_PATH [--expect N] [--workers N] [--pong API_URL TOKEN] [--library open|modules|none]',
  );
const option = (name: string, offset = 1) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + offset] : undefined;
};
const expect = option('--expect');
const workers = option('--workers');
const pongAt = args.indexOf('--pong');
const library = option('--library') ?? 'open';
const watch = args.includes('--watch');
if (!['open', 'modules', 'none'].includes(library)) throw new Error(`--library ${library}?`);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('archive-process needs --expose-gc');

// Every module only when asked: the bare bot's process loads none of the library's, and the library's no discord.js.
const pong =
  pongAt >= 0
    ? await (await import('../tools/fake-discord/pong-bot.js')).startPongBot(
        args[pongAt + 1]!,
        args[pongAt + 2]!,
      )
    : undefined;

const result: Partial<ArchiveProcessResult> = {};
let live: import('../src/library/live-library.js').LiveLibrary | undefined;
if (library !== 'none') {
  const [{ LiveLibrary }, { createLogger }] = await Promise.all([
    import('../src/library/live-library.js'),
    import('../src/log.js'),
  ]);
  if (library === 'open') {
    const log = createLogger({ level: 'warn' });
    const cpu = process.cpuUsage();
    const start = performance.now();
    live = await LiveLibrary.open(dir, log, {
      indexPath,
      ...(workers === undefined ? {} : { workers: Number(workers) }),
    });
    result.openMs = performance.now() - start;
    result.building = live.library().progress() !== undefined;
    await live.ready;
    const ready = performance.now();
    result.readyMs = ready - start;
    const used = process.cpuUsage(cpu);
    result.readyCpuMs = (used.user + used.system) / 1000;
    result.sinceStartMs = ready;
    result.size = live.library().size;
    if (expect !== undefined && result.size !== Number(expect))
      throw new Error(`the library holds ${result.size} briefings, not ${expect}`);
    if (watch) await live.watch();
  }
}
gc();
gc();
const memory = process.memoryUsage();
Object.assign(result, { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external });
if (live) {
  // After the memory is read: a first question reads pages and parses briefings.
  const library = live.library();
  const start = performance.now();
  library.search('energy prices');
  library.partyAnswer('Ukraine');
  library.completeBriefings('ukr');
  result.firstAnswerMs = performance.now() - start;
  await live.close();
}
await pong?.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
