/**
 * `briefings import FILE|- [--write]`: a brief pasted into a file or piped in, as canonical markdown with
 * the parties the bot finds in it declared. What was understood goes to stderr, so the editor can check it
 * before saving; --write saves it in the briefing folder, never over an existing file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Briefing, formatProblem, isWarning } from '../briefing/model.js';
import { parseBriefing } from '../briefing/parse.js';
import { briefingToMarkdown } from '../briefing/to-markdown.js';
import { detectParties, undeclaredParties } from '../party/detect-parties.js';
import type { PartyRegistry } from '../party/registry.js';
import { briefingFileName } from './file-name.js';
import type { Output } from './output.js';
import { understoodLines } from './understood.js';

/** Piped text has no file name: it is read as a plain-text brief. */
export const STDIN_NAME = 'stdin.txt';

export interface ImportInput {
  /** The name the text is parsed under: its file's own, or `stdin.txt`. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** Save in this folder instead of printing the markdown. */
  writeTo?: string;
}

export async function readImportInput(source: string): Promise<ImportInput> {
  if (source === '-') return { name: STDIN_NAME, text: await readStdin() };
  return { name: source, text: await readFile(source, 'utf8') };
}

/** The canonical markdown of a brief, with the registry parties it mentions and does not declare added. */
export function importedMarkdown(briefing: Briefing, registry: PartyRegistry): string {
  return briefingToMarkdown(briefing, { parties: undeclaredParties(briefing, registry) });
}

export async function importBrief(
  input: ImportInput,
  registry: PartyRegistry,
  options: ImportOptions,
  io: Output,
): Promise<number> {
  const result = parseBriefing(input.name, input.text);
  const { briefing } = result;
  if (!briefing || !result.problems.every(isWarning)) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    io.err(`${input.name}: not imported`);
    return 1;
  }
  const detected = detectParties(briefing, registry).map((party) => party.name);
  for (const line of understoodLines(input.name, { ...result, briefing }, detected)) io.err(line);
  const markdown = importedMarkdown(briefing, registry);
  if (options.writeTo === undefined) {
    io.out(markdown.trimEnd());
    return 0;
  }
  return save(options.writeTo, briefing, markdown, io);
}

async function save(dir: string, briefing: Briefing, markdown: string, io: Output): Promise<number> {
  const file = join(dir, briefingFileName(briefing));
  try {
    await mkdir(dir, { recursive: true });
    // `wx`: an existing briefing is an editor's work; importing twice must not replace it.
    await writeFile(file, markdown, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(`${file} already exists: not overwritten (remove or rename it, or import without --write)`);
    } else {
      io.err(`${file}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 1;
  }
  io.err(`wrote ${file}`);
  io.out(file);
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
