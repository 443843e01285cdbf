/**
 * A process that opens the briefing index as the bot does (LiveLibrary.load), for two-processes.test.ts: run as
 * `node --import tsx open-index-process.ts DIR QUESTIONS_JSON`. Once loaded it prints `ready`; then for each line
 * on stdin (an index path) it opens that index, brings it up to date with the folder, and prints one JSON line:
 * `{"answers": ...}` (see answersOf), or `{"error": "..."}` when that failed. It exits when stdin ends. Waiting
 * for a line lets the test start several processes on one index at the same moment, whatever their start-up took.
 */
import { createInterface } from 'node:readline';
import { LiveLibrary } from '../../../src/library/live-library.js';
import { answersOf, type Questions, silentLog } from './folder.js';

const [dir, questionsJson] = process.argv.slice(2);
if (!dir || !questionsJson) {
  process.stderr.write('usage: open-index-process.ts DIR QUESTIONS_JSON\n');
  process.exit(2);
}
const questions = JSON.parse(questionsJson) as Questions;

async function answer(indexPath: string): Promise<string> {
  try {
    const live = await LiveLibrary.load(dir!, silentLog, { indexPath, workers: 0 });
    try {
      return JSON.stringify({ answers: answersOf(live.library(), dir!, questions) });
    } finally {
      await live.close();
    }
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) process.stdout.write(`${await answer(line.trim())}\n`);
}
