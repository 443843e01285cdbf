/** `briefings parse FILE [--json] [--explain]`: one file's briefing, and with --explain the lines it left out. */
import { formatProblem, isWarning } from '../briefing/model.js';
import { parseBriefing } from '../briefing/parse.js';
import { briefingToJson } from '../briefing/to-json.js';
import { readTextFile } from '../files/read-text-file.js';
import { formatDropped } from './dropped.js';
import type { Output } from './output.js';

export interface ParseOptions {
  json: boolean;
  explain: boolean;
}

export async function parse(file: string, options: ParseOptions, io: Output): Promise<number> {
  const read = readTextFile(file, { what: 'a briefing' });
  if (!read.ok) {
    io.err(`${file}: ${read.message}`);
    return 1;
  }
  const { briefing, problems, dropped } = parseBriefing(file, read.text);
  for (const problem of problems) io.err(formatProblem(problem));
  const loaded = briefing !== null && problems.every(isWarning);
  if (briefing) io.out(JSON.stringify(briefingToJson(briefing), null, 2));
  if (options.explain) {
    // With --json stdout stays one JSON document; so does it when there is no briefing to follow.
    const write = options.json || !briefing ? io.err : io.out;
    if (briefing && !options.json) write('');
    if (dropped.length === 0) {
      if (briefing) write('Every line went into a field or section.');
    } else {
      write(`Lines that went into no field or section (${dropped.length}):`);
      for (const line of dropped) write(formatDropped(line));
    }
  }
  return loaded ? 0 : 1;
}
