/**
 * Editor tools: `briefings check|import|parse|party|search|show`. Problems with the files go to stderr;
 * answers to stdout, as JSON with --json so scripts can read them. Longer commands live in src/cli/.
 */
import 'dotenv/config';
import { loadBriefingFolder } from './briefing/load.js';
import { formatProblem } from './briefing/model.js';
import { briefingToJson } from './briefing/to-json.js';
import { parseArgs } from './cli/args.js';
import { check } from './cli/check.js';
import { importBrief, readImportInput } from './cli/import.js';
import { type Output, processOutput } from './cli/output.js';
import { parse } from './cli/parse.js';
import { environmentSecrets, readBriefingsDir } from './config.js';
import { Library } from './library/library.js';
import { NameTooLongError } from './party/name-pattern.js';
import { loadPartyRegistry } from './party/parties-file.js';
import { renderBriefing } from './render/briefing.js';
import { replyToText } from './render/text.js';
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
  search QUERY [--json]          ranked full-text search
  show ID                        one briefing as text
Reads the folder in BRIEFINGS_DIR (default ./briefings).`;

async function loadLibrary(dir: string, io: Output): Promise<Library> {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  for (const problem of [...briefings.problems, ...parties.problems]) io.err(formatProblem(problem));
  return new Library(briefings.briefings, parties.registry);
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Every line, answers included, through the scrubber the bot's logs use (.env may hold the token).
  const io = processOutput(createScrubber(environmentSecrets(env)));
  const { out, err } = io;
  const { command, argument, flags } = parseArgs(argv);
  const json = flags.has('--json');
  const dir = readBriefingsDir(env);
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
    case 'party': {
      if (!argument) break;
      const library = await loadLibrary(dir, io);
      let report: ReturnType<Library['party']>;
      try {
        report = library.party(argument);
      } catch (error) {
        if (!(error instanceof NameTooLongError)) throw error;
        err(`${error.message} Type a shorter name, e.g. briefings party Russia`);
        return 2;
      }
      if (json) {
        out(JSON.stringify(report, null, 2));
        return 0;
      }
      out(partyText(report));
      return 0;
    }
    case 'search': {
      if (!argument) break;
      const hits = (await loadLibrary(dir, io)).search(argument, 50);
      const rows = hits.map(({ briefing, score }) => ({
        id: briefing.id,
        title: briefing.title,
        date: briefing.date,
        score,
      }));
      out(
        json
          ? JSON.stringify(rows, null, 2)
          : rows.map((r) => `${r.date}  ${r.id}  ${r.title}  (${r.score})`).join('\n') || 'No match.',
      );
      return 0;
    }
    case 'show': {
      if (!argument) break;
      const briefing = (await loadLibrary(dir, io)).get(argument);
      if (!briefing) {
        err(`No briefing with id "${argument}".`);
        return 1;
      }
      out(json ? JSON.stringify(briefingToJson(briefing), null, 2) : replyToText(renderBriefing(briefing)));
      return 0;
    }
  }
  err(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

function partyText(report: ReturnType<Library['party']>): string {
  const lines: string[] = [];
  if (report.party) lines.push(`${report.party.name} (${report.party.kind})`);
  else lines.push(`"${report.query}" (not a known party: statements that name it)`);
  if (report.members.length) lines.push(`Members named: ${report.members.join(', ')}`);
  for (const briefing of report.briefings) {
    lines.push('', `${briefing.date}  ${briefing.title}  [${briefing.id}]`);
    for (const statement of briefing.statements) lines.push(`  - (${statement.section}) ${statement.text}`);
  }
  if (!report.briefings.length) {
    lines.push('No briefing mentions it.');
    if (report.suggestions.length) lines.push(`Did you mean: ${report.suggestions.join(', ')}?`);
  }
  return lines.join('\n');
}

process.exitCode = await main(process.argv.slice(2), process.env);
