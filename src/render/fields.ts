/**
 * Sections (a heading and its lines) as the blocks of a card: a bold heading over its lines. A paged list cuts a
 * long section into chunks of at most CHUNK_MAX characters, continued under "(cont.)" headings instead of cut.
 */
import { oneLine, packLines, shorten } from './split.js';

export interface Section {
  name: string;
  lines: readonly string[];
}

/** A heading longer than this is shortened with an ellipsis, and repeated whole under it. */
export const SECTION_NAME_MAX = 256;
/** A single-line label repeated in full is at most this long: a megabyte of title costs a block's worth. */
export const FULL_LABEL_MAX = 1024;
/** The most text one chunk of a paged list's section holds. */
export const CHUNK_MAX = 1024;

/** One block of a section: its heading (as written, without the bold) and its lines. */
export interface SectionChunk {
  name: string;
  value: string;
}

const CONTINUED = ' (cont.)';

/** `**name**` and a line break around the value. */
export const CHUNK_OVERHEAD = 5;

/** A section's heading as shown, and the line that repeats it whole when it had to be shortened. */
export function sectionHeading(section: Section): { name: string; full?: string; continued: string } {
  const fullName = oneLine(section.name) || '—';
  const name = shorten(fullName, SECTION_NAME_MAX);
  const continued = `${shorten(fullName, SECTION_NAME_MAX - CONTINUED.length)}${CONTINUED}`;
  return name === fullName
    ? { name, continued }
    : { name, full: `**${shorten(fullName, FULL_LABEL_MAX - 4)}**`, continued };
}

/** The section in chunks of at most CHUNK_MAX characters of lines, each under its heading. */
export function sectionChunks(section: Section): SectionChunk[] {
  const { name, full, continued } = sectionHeading(section);
  const lines = full ? [full, ...section.lines] : section.lines;
  return packLines(lines, CHUNK_MAX).map((value, index) => ({ name: index === 0 ? name : continued, value }));
}

/** What a chunk costs of a message's text. */
export function chunkLength(chunk: SectionChunk): number {
  return chunk.name.length + chunk.value.length + CHUNK_OVERHEAD;
}

export function chunkText(chunk: SectionChunk): string {
  return `**${chunk.name}**\n${chunk.value}`;
}
