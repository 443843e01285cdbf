/**
 * Editor tools: `briefings check|parse|party|search|show`. Problems with the files go to stderr;
 * answers to stdout, as JSON with --json so scripts can read them.
 */
import { readFile } from 'node:fs/promises';
import 'dotenv/config';
import { loadBriefingFolder } from './briefing/load.js';
import { formatProblem, type Problem } from './briefing/model.js';
import { parseBriefing } from './briefing/parse.js';
import { briefingToJson } from './briefing/to-json.js';
import { readBriefingsDir } from './config.js';
import { Library } from './library/library.js';
import { loadPartyRegistry } from './party/parties-file.js';
import { renderBriefing } from './render/briefing.js';
import { replyToText } from './render/text.js';

const USAGE = `Usage: briefings <command>
  check [dir]            check every briefing file; exit 1 with each problem as file:line: message
  parse FILE [--json]    parse one file and print the briefing
  party NAME [--json]    what the briefings say about a party, with citations
  search QUERY [--json]  ranked full-text search
  show ID                one briefing as text
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

async function check(dir: string): Promise<number> {
  const [briefings, parties] = await Promise.all([loadBriefingFolder(dir), loadPartyRegistry(dir)]);
  const problems = [...briefings.problems, ...parties.problems];
  for (const problem of problems) out(formatProblem(problem));
  err(`${briefings.briefings.length} briefing(s) loaded, ${problems.length} problem(s) in ${dir}`);
  return problems.length ? 1 : 0;
}

async function parse(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  const { briefing, problems } = parseBriefing(file, text);
  printProblems(problems);
  if (!briefing) return 1;
  out(JSON.stringify(briefingToJson(briefing), null, 2));
  return problems.length ? 1 : 0;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const json = argv.includes('--json');
  const [command, ...rest] = argv.filter((arg) => arg !== '--json');
  const argument = rest.join(' ').trim();
  const dir = readBriefingsDir(env);
  switch (command) {
    case 'check':
      return check(argument || dir);
    case 'parse':
      if (!argument) break;
      return parse(argument);
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
