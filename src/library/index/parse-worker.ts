/**
 * A parse worker of parse-pool.ts: given the briefing folder and the parties.yml entries once (workerData), builds
 * the party registry once, then analyses the chunks of files it is sent, one reply per chunk. Prints nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PartyFileEntry, PartyRegistry } from '../../party/registry.js';
import { type AnalysedFile, analyseFile } from './analyse.js';

/** What a worker is started with, as its workerData. */
export interface ParseWorkerSetup {
  dir: string;
  partyEntries: PartyFileEntry[];
}

/** A chunk of files to analyse, relative to the folder. */
export interface ChunkRequest {
  id: number;
  relatives: string[];
}

/** The files of the chunk with that id, analysed, in the order asked. */
export interface ChunkResult {
  id: number;
  files: AnalysedFile[];
}

const port = parentPort;
if (!port) throw new Error('parse-worker runs in a worker thread started by parse-pool');

const { dir, partyEntries } = workerData as ParseWorkerSetup;
// Before the first chunk is read: the worker starts while the pool is still queueing chunks.
const registry = PartyRegistry.builtIn().withFile(partyEntries);

port.on('message', (request: ChunkRequest) => {
  const files = request.relatives.map((relative) => analyseFile(dir, relative, registry));
  port.postMessage({ id: request.id, files } satisfies ChunkResult);
});
