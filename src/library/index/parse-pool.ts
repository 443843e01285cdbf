/**
 * Analyses many briefing files (a first build of a large archive) on worker threads, yielding the results in
 * batches as they are done. Small jobs, and `workers: 0`, run in this thread in short slices instead. A worker
 * that dies or cannot start costs nothing but time: its files are analysed in this thread.
 *
 * The worker is parse-worker.ts beside this file when this file runs as TypeScript (tsx, vitest; the worker then
 * registers tsx itself: on Node 20 `--import tsx` does nothing in a worker thread), parse-worker.js when it runs
 * compiled (dist/).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type PartyFileEntry, PartyRegistry } from '../../party/registry.js';
import { type AnalysedFile, analyseFile } from './analyse.js';
import type { ChunkRequest, ChunkResult, ParseWorkerSetup } from './parse-worker.js';

export interface AnalyseJob {
  /** The briefing folder. */
  dir: string;
  /** Files to analyse, relative to dir. */
  relatives: readonly string[];
  /** The parties.yml entries to build the registry from. */
  partyEntries: PartyFileEntry[];
  /** The registry those entries make, when the caller has it: work in this thread uses it instead of a new one. */
  registry?: PartyRegistry;
}

export interface AnalyseOptions {
  /**
   * Worker threads to use; default: one less than the cores (at least one, at most 4), so this thread writes the
   * index while the workers parse; 0 = analyse in this thread.
   */
  workers?: number;
  /** Told when a worker fails to start or dies; its files are then analysed in this thread. */
  onWorkerError?: (error: Error) => void;
}

/**
 * Jobs with fewer files run in this thread unless workers are asked for by number: a worker must load the parsers
 * and build the registry first (about 0.6 s of CPU compiled, seconds under tsx), and on two cores the workers pay
 * off only on thousands of files, where they parse while this thread writes the index.
 */
export const IN_THREAD_BELOW = 2000;
/** Files per chunk sent to a worker, and per batch yielded. */
const CHUNK_MAX = 200;
const CHUNK_MIN = 50;
/** In this thread, the event loop gets a turn after this long or this many files, whichever comes first. */
const SLICE_MS = 4;
const SLICE_FILES = 32;

/** Workers started by analyseFiles that have not exited yet. */
const liveWorkers = new Set<Worker>();

/** How many parse workers are running now (0 once every analyseFiles has finished or been stopped). */
export function liveParseWorkers(): number {
  return liveWorkers.size;
}

/**
 * Yields the analysed files in batches (each batch a few dozen to a few hundred files) as they are done, so the
 * caller can write them to the database and answer requests in between. Every file given is yielded exactly once
 * (order across batches not guaranteed). Never throws for a bad file (analyseFile does not); if a worker dies or
 * cannot start, its unfinished files are analysed in this thread instead, so the result is still complete.
 * Stopping early (`return()`, or breaking out of `for await`) terminates the workers.
 */
export async function* analyseFiles(
  job: AnalyseJob,
  options: AnalyseOptions = {},
): AsyncGenerator<AnalysedFile[], void, undefined> {
  const relatives = [...job.relatives];
  if (relatives.length === 0) return;
  const wanted = workerCount(options.workers);
  // Asked for workers by number, the caller gets them; by default a small job is not worth starting them.
  if (wanted === 0 || (options.workers === undefined && relatives.length < IN_THREAD_BELOW)) {
    const registry = job.registry ?? registryFor(job.partyEntries);
    for (const chunk of chunksOf(relatives, CHUNK_MAX)) yield await analyseHere(job.dir, chunk, registry);
    return;
  }
  const size = Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, Math.ceil(relatives.length / (wanted * 4))));
  yield* analyseOnWorkers(job, chunksOf(relatives, size), wanted, options.onWorkerError);
}

function workerCount(asked: number | undefined): number {
  if (asked === undefined || !Number.isFinite(asked))
    return Math.min(Math.max(1, availableParallelism() - 1), 4);
  return Math.max(0, Math.floor(asked));
}

function chunksOf(relatives: string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < relatives.length; start += size)
    chunks.push(relatives.slice(start, start + size));
  return chunks;
}

/** Registries for work in this thread, by entries list: the last few, as a first build and its fallback share one. */
const registries = new Map<string, PartyRegistry>();
const REGISTRIES_KEPT = 4;

function registryFor(entries: PartyFileEntry[]): PartyRegistry {
  const key = JSON.stringify(entries);
  let registry = registries.get(key);
  if (registry) registries.delete(key);
  else registry = PartyRegistry.builtIn().withFile(entries);
  registries.set(key, registry);
  for (const oldest of registries.keys()) {
    if (registries.size <= REGISTRIES_KEPT) break;
    registries.delete(oldest);
  }
  return registry;
}

/** Analyses the files in this thread, giving the event loop a turn every few milliseconds. */
async function analyseHere(
  dir: string,
  relatives: string[],
  registry: PartyRegistry,
): Promise<AnalysedFile[]> {
  const files: AnalysedFile[] = [];
  let sliceStart = performance.now();
  let inSlice = 0;
  for (const relative of relatives) {
    files.push(analyseFile(dir, relative, registry));
    if (++inSlice >= SLICE_FILES || performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
      inSlice = 0;
    }
  }
  return files;
}

interface Chunk {
  id: number;
  relatives: string[];
}

interface Slot {
  worker: Worker;
  /** The chunk the worker is analysing, if any. */
  chunk: Chunk | undefined;
  alive: boolean;
  /** What the worker last reported going wrong, and the end of what it wrote to stderr. */
  error?: Error;
  stderr: string;
}

const STDERR_KEPT = 2000;

async function* analyseOnWorkers(
  job: AnalyseJob,
  chunkLists: string[][],
  wanted: number,
  onWorkerError: ((error: Error) => void) | undefined,
): AsyncGenerator<AnalysedFile[], void, undefined> {
  const pending: Chunk[] = chunkLists.map((relatives, id) => ({ id, relatives }));
  const total = pending.length;
  /** Batches done by workers, not yet yielded. */
  const ready: AnalysedFile[][] = [];
  /** Chunks of workers that died, for this thread. */
  const orphans: Chunk[] = [];
  // Workers stop taking chunks while this many batches wait for the consumer: memory stays bounded.
  const readyLimit = wanted * 2;
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    const resolve = wakeUp;
    wakeUp = undefined;
    resolve?.();
  };
  const report = (error: Error) => {
    if (stopping || !onWorkerError) return;
    try {
      onWorkerError(error);
    } catch {
      // The caller's logging must not stop the job.
    }
  };

  const slots: Slot[] = [];
  const pump = () => {
    for (const slot of slots) {
      if (!slot.alive || slot.chunk || pending.length === 0 || ready.length >= readyLimit) continue;
      const chunk = pending.shift()!;
      slot.chunk = chunk;
      slot.worker.ref();
      slot.worker.postMessage({ id: chunk.id, relatives: chunk.relatives } satisfies ChunkRequest);
    }
  };

  const setup: ParseWorkerSetup = { dir: job.dir, partyEntries: job.partyEntries };
  for (let started = 0; started < Math.min(wanted, total); started++) {
    let worker: Worker;
    try {
      worker = startWorker(setup);
    } catch (error) {
      report(asError(error, 'a parse worker could not start'));
      continue;
    }
    liveWorkers.add(worker);
    const slot: Slot = { worker, chunk: undefined, alive: true, stderr: '' };
    slots.push(slot);
    worker.stdout.resume();
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (text: string) => {
      slot.stderr = (slot.stderr + text).slice(-STDERR_KEPT);
    });
    worker.on('message', (message: ChunkResult) => {
      if (!slot.chunk || message.id !== slot.chunk.id) return;
      ready.push(message.files);
      slot.chunk = undefined;
      worker.unref();
      pump();
      wake();
    });
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('messageerror', (error) => {
      slot.error = error;
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      liveWorkers.delete(worker);
      slot.alive = false;
      if (slot.chunk) orphans.push(slot.chunk);
      slot.chunk = undefined;
      const stderr = slot.stderr.trim() ? `; it wrote: ${slot.stderr.trim()}` : '';
      report(slot.error ?? new Error(`a parse worker stopped with exit code ${code}${stderr}`));
      wake();
    });
  }

  try {
    let yielded = 0;
    let registry: PartyRegistry | undefined;
    while (yielded < total) {
      pump();
      const files = ready.shift();
      if (files) {
        yielded++;
        // Before the consumer takes its turn: the workers go on meanwhile.
        pump();
        yield files;
        continue;
      }
      const orphan = orphans.shift();
      if (orphan) {
        registry ??= job.registry ?? registryFor(job.partyEntries);
        const here = await analyseHere(job.dir, orphan.relatives, registry);
        yielded++;
        yield here;
        continue;
      }
      if (!slots.some((slot) => slot.alive)) {
        orphans.push(...pending.splice(0));
        continue;
      }
      // Some live worker holds a chunk: its reply or its exit wakes us.
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
      });
    }
  } finally {
    stopping = true;
    await Promise.all(
      slots.map(async (slot) => {
        await slot.worker.terminate();
        liveWorkers.delete(slot.worker);
      }),
    );
  }
}

function startWorker(workerData: ParseWorkerSetup): Worker {
  const here = new URL(import.meta.url);
  const options = { workerData, stdout: true, stderr: true };
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', here), options);
  // Running as TypeScript: the worker registers tsx, then imports the worker module. execArgv is not inherited,
  // so a loader the parent runs with (tsx's CLI, vitest's flags) is not loaded twice.
  const script = new URL('./parse-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { ...options, eval: true, execArgv: [] });
}

let tsxApiUrl: string | undefined;

/** The URL of tsx's ESM register API (`tsx/esm/api`, import condition). */
function tsxApi(): string {
  if (tsxApiUrl) return tsxApiUrl;
  try {
    tsxApiUrl = import.meta.resolve('tsx/esm/api');
  } catch {
    const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
    tsxApiUrl = pathToFileURL(join(dirname(packageJson), 'dist', 'esm', 'api', 'index.mjs')).href;
  }
  return tsxApiUrl;
}

function asError(error: unknown, context: string): Error {
  return error instanceof Error ? error : new Error(`${context}: ${String(error)}`);
}
