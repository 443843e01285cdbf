/**
 * A brief an editor pasted or attached, read by the same reader as the folder's files and turned into the file
 * the bot will keep: its canonical markdown, its file name (`YYYY-MM-DD-<slug>.md`) and the briefing readers
 * will see, which is that markdown read back. What the reader warned about and the lines it dropped as page
 * junk come along, for the editor to check before saving.
 */
import { basename, extname } from 'node:path';
import { checkDate } from '../briefing/dates.js';
import {
  type Briefing,
  type BriefingFormat,
  type DroppedLine,
  isWarning,
  type Problem,
} from '../briefing/model.js';
import { formatOfFile, parseBriefing } from '../briefing/parse.js';
import { detectParties } from '../party/detect-parties.js';
import type { PartyRegistry } from '../party/registry.js';
import { importedMarkdown } from './canonical.js';
import { briefingFileName } from './file-name.js';

export interface BriefSource {
  text: string;
  /** An attachment's file name (its extension says the format); absent for a pasted brief. */
  fileName?: string;
  /** Given in the form: wins over the brief's own title. */
  title?: string;
  /** Given in the form: the date of a brief that has no date line of its own (YYYY-MM-DD). */
  date?: string;
}

export type PreparedBrief =
  | {
      ok: true;
      /** As readers will see it once saved; `file` is the file name. */
      briefing: Briefing;
      markdown: string;
      fileName: string;
      /** How the reader read what the editor gave (the briefing is the saved markdown read back). */
      format: BriefingFormat;
      warnings: Problem[];
      dropped: DroppedLine[];
      /** Registry parties found in the text (declared in the markdown). */
      detected: string[];
    }
  | { ok: false; problems: Problem[]; dropped: DroppedLine[] };

/** What a problem's `file` is for a brief that is not a file yet. */
export const PASTED = 'pasted brief';

/**
 * The format of pasted text, which has no file name: JSON, markdown with front matter, or else the plain-text
 * reader, which understands the labels and headings of the newsroom layouts.
 */
function pastedExtension(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('{')) return '.json';
  if (/^---[ \t]*\r?\n/.test(start)) return '.md';
  return '.txt';
}

export function prepareBrief(source: BriefSource, registry: PartyRegistry): PreparedBrief {
  const shownAs = source.fileName ?? PASTED;
  const refuse = (message: string): PreparedBrief => ({
    ok: false,
    problems: [{ file: shownAs, message }],
    dropped: [],
  });
  const extension = source.fileName ? extname(source.fileName).toLowerCase() : pastedExtension(source.text);
  if (!formatOfFile(`brief${extension}`)) return refuse('not a brief: attach a .txt, .md or .json file');
  const title = source.title?.trim() || undefined;
  let date: string | undefined;
  if (source.date?.trim()) {
    const checked = checkDate(source.date);
    if (!checked.ok) return refuse(`the date field: ${checked.message}`);
    date = checked.date;
  }
  // The form's date stands in where the brief has no date line, as a file name's date does for a file.
  // An attachment is read under its own name, so `2026-01-14-talks.md` is dated as it would be in the folder.
  const name = source.fileName ? basename(source.fileName) : `${date ? `${date}-` : ''}brief${extension}`;
  const read = parseBriefing(name, source.text);
  const located = (problem: Problem): Problem => ({
    ...problem,
    file: shownAs,
    // A brief that is not a file yet gets its date from the form, not from a file name.
    ...(problem.message.startsWith('no date:') && !source.fileName
      ? { message: 'no date: fill in the Date field (YYYY-MM-DD) or add a `Date: YYYY-MM-DD` line' }
      : {}),
  });
  if (!read.briefing || !read.problems.every(isWarning))
    return { ok: false, problems: read.problems.map(located), dropped: read.dropped };
  const edited: Briefing = title ? { ...read.briefing, title } : read.briefing;
  const markdown = importedMarkdown(edited, registry);
  const fileName = briefingFileName(edited);
  // What the folder will serve is the file read back: the preview shows exactly that.
  const saved = parseBriefing(fileName, markdown);
  if (!saved.briefing || !saved.problems.every(isWarning))
    return { ok: false, problems: saved.problems.map(located), dropped: read.dropped };
  return {
    ok: true,
    briefing: saved.briefing,
    markdown,
    fileName,
    format: read.briefing.format,
    warnings: read.problems.map(located),
    dropped: read.dropped,
    detected: detectParties(saved.briefing, registry).map((party) => party.name),
  };
}
