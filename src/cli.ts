/**
 * Editor tools: `briefings check|import|parse|party|search|show`. Problems with the files go to stderr;
 * answers to stdout, as JSON with --json so scripts can read them. Longer commands live in src/cli/.
 */
import 'dotenv/config';
import { formatProblem } from './briefing/model.js';
import { parseArgs } from './cli/args.js';
import { ask, isQuestion, questionDispatcher, questionProblem } from './cli/ask.js';
import { partyChart } from './cli/chart.js';
import { check } from './cli/check.js';
import { importBrief, readImportInput } from './cli/import.js';
import { processOutput } from './cli/output.js';
import { parse } from './cli/parse.js';
import { environmentSecrets, readBriefingsDir, readIndexPath } from './config.js';
import { openLibrary } from './library/load.js';
import { createLogger } from './log.js';
import { loadPartyRegistry } from './party/parties-file.js';
import { createScrubber } from './secrets.js';

const USAGE = `Usage: briefings <command>
  check [dir] [--strict]         check every briefing file, printing each problem as file:line: message
                                 (warnings as file:line: warning: message); exit 1 on errors, and with
                                 --strict on warnings too
  import FILE|- [--write]        read a brief from FILE or stdin (-) and print it as canonical markdown,
                                 declaring the parties it mentions; what was understood goes to stderr.
                                 --write saves it as BRIEFINGS_DIR/YYYY-MM-DD-<title>.md (never overwrites)
  parse FILE [--json] [--explain]
                                 parse one file and print the briefing; --explain lists the lines that
                                 went into no field or section
  party NAME [--json]            what the briefings say about a party, with citations
  party NAME --chart FILE        write the party's coverage chart (the PNG /briefing party attaches) to FILE
                                 and print its figures as a table; NAME must be a known party
  search QUERY [--json]          ranked full-text search
  show ID [--json]               one briefing
party, search and show answer as /briefing does, printed as local mode prints it (every page); --json
prints the answer's data instead. Exit 1 when no briefing has that id (or, with --chart, when NAME is no
known party or FILE cannot be written), 2 for a name or query too long.
Reads the folder in BRIEFINGS_DIR (default ./briefings).`;

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Every line, answers included, through the scrubber the bot's logs use (.env may hold the token).
  const io = processOutput(createScrubber(environmentSecrets(env)));
  const { err } = io;
  const { command, argument, flags, values, missing } = parseArgs(argv);
  const json = flags.has('--json');
  const dir = readBriefingsDir(env);
  const chart = values.get('--chart');
  if (missing || (chart !== undefined && command !== 'party')) {
    err(`${missing ?? '--chart'} goes with party and a file name: briefings party Russia --chart russia.png`);
    return 2;
  }
  if (isQuestion(command) && argument) {
    const problem = chart === undefined ? undefined : questionProblem(command, argument);
    if (problem) {
      err(problem);
      return 2;
    }
    const log = createLogger({ level: 'error', secrets: environmentSecrets(env) });
    const { library, problems, close } = await openLibrary(dir, readIndexPath(env), log);
    for (const problem of problems) err(formatProblem(problem));
    try {
      if (chart !== undefined) return await partyChart(library, argument, chart, { json }, io);
      return await ask(questionDispatcher(library, log), command, argument, { json }, io);
    } finally {
      await close();
    }
  }
  switch (command) {
    case 'check':
      return check(argument || dir, flags.has('--strict'), io);
    case 'import': {
      if (!argument) break;
      const [input, parties] = await Promise.all([readImportInput(argument), loadPartyRegistry(dir)]);
      for (const problem of parties.problems) err(formatProblem(problem));
      if ('error' in input) {
        err(input.error);
        return 1;
      }
      const writeTo = flags.has('--write') ? dir : undefined;
      return importBrief(input, parties.registry, { writeTo }, io);
    }
    case 'parse':
      if (!argument) break;
      return parse(argument, { json, explain: flags.has('--explain') }, io);
  }
  err(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

process.exitCode = await main(process.argv.slice(2), process.env);
