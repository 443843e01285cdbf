/**
 * `briefings import FILE|- [--write]`: a brief pasted into a file or piped in, as canonical markdown with
 * the parties the bot finds in it declared. What was understood goes to stderr, so the editor can check it
 * before saving; --write saves it in the briefing folder, never over an existing file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Briefing, formatProblem, isWarning } from '../briefing/model.js';
import { parseBriefing } from '../briefing/parse.js';
import { makeDirectory } from '../files/make-directory.js';
import { readTextFile, readTextStream, type TextFileRead } from '../files/read-text-file.js';
import { detectParties } from '../party/detect-parties.js';
import type { PartyRegistry } from '../party/registry.js';
import { importedMarkdown } from '../publish/canonical.js';
import { briefingFileName } from '../publish/file-name.js';
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

/**
 * The brief to import, from a file or stdin (`-`), through the shared reader and under its size limit;
 * or the line that says why it cannot be read (`name: reason`).
 */
export async function readImportInput(
  source: string,
  stdin: AsyncIterable<unknown> = process.stdin,
): Promise<ImportInput | { error: string }> {
  const name = source === '-' ? STDIN_NAME : source;
  const read: TextFileRead =
    source === '-'
      ? await readTextStream(stdin, { what: 'a brief' })
      : readTextFile(source, { what: 'a brief' });
  return read.ok ? { name, text: read.text } : { error: `${name}: ${read.message}` };
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
    makeDirectory(dir);
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
