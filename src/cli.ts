/**
 * Editor tools: `briefings check|import|parse|party|search|show`. Problems with the files go to stderr;
 * answers to stdout, as JSON with --json so scripts can read them. Longer commands live in src/cli/.
 */
import 'dotenv/config';
import { loadBriefingFolder } from './briefing/load.js';
import { formatProblem, type Problem } from './briefing/model.js';
import { briefingToJson } from './briefing/to-json.js';
import { parseArgs } from './cli/args.js';
import { check } from './cli/check.js';
import { importBrief, readImportInput } from './cli/import.js';
import { processOutput } from './cli/output.js';
import { parse } from './cli/parse.js';
import { readBriefingsDir } from './config.js';
import { Library } from './library/library.js';
import { loadPartyRegistry } from './party/parties-file.js';
import { renderBriefing } from './render/briefing.js';
import { replyToText } from './render/text.js';

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

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);
const printProblems = (problems: readonly Problem[]) => {
  for (const problem of problems) err(formatProblem(problem));
};

async function loadLibrary(dir: string): Promise<Library> {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  printProblems([...briefings.problems, ...parties.problems]);
  return new Library(briefings.briefings, parties.registry);
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { command, argument, flags } = parseArgs(argv);
  const json = flags.has('--json');
  const dir = readBriefingsDir(env);
  switch (command) {
    case 'check':
      return check(argument || dir, flags.has('--strict'), processOutput);
    case 'import': {
      if (!argument) break;
      const [input, parties] = await Promise.all([readImportInput(argument), loadPartyRegistry(dir)]);
      printProblems(parties.problems);
      const writeTo = flags.has('--write') ? dir : undefined;
      return importBrief(input, parties.registry, { writeTo }, processOutput);
    }
    case 'parse':
      if (!argument) break;
      return parse(argument, { json, explain: flags.has('--explain') }, processOutput);
    case 'party': {
      if (!argument) break;
      const report = (await loadLibrary(dir)).party(argument);
      if (json) {
        out(JSON.stringify(report, null, 2));
        return 0;
      }
      out(partyText(report));
      return 0;
    }
    case 'search': {
      if (!argument) break;
      const hits = (await loadLibrary(dir)).search(argument, 50);
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
      const briefing = (await loadLibrary(dir)).get(argument);
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
