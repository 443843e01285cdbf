/** `Key: value` lines (`Date:`, `Tags:`, `Source:` ...) and the house source line, wherever they stand. */
import { lineKeys } from '../metadata.js';

/** `date`, `id`, `source`, or a metadata field's key (`author`, `tags`, `parties`). */
export type MetaKey = string;

export interface MetaLine {
  key: MetaKey;
  value: string;
  line: number;
}

/** The metadata fields a brief may give on a line of their own (metadata.ts says which), and the reader's own. */
const LINE_KEYS = ['date', 'id', 'source', 'sources', 'by', ...lineKeys()];
const META_LINE = new RegExp(`^(${LINE_KEYS.join('|')})\\s*:\\s*(.*)$`, 'i');
const SOURCE_LINE =
  /^(?:this|the) (?:briefing|brief|report|summary|story|article) (?:is|was) based on (?:information|reporting|reports?|material) (?:from|by) (.+?)\.?$/i;

/** Reads a `Key: value` metadata line. */
export function readMetaLine(line: string, lineNumber: number): MetaLine | undefined {
  const match = META_LINE.exec(line.trim().replace(/^[*_]+/, ''));
  if (!match) return undefined;
  const value = match[2]!.replace(/^[*_]+/, '').trim();
  if (!value) return undefined;
  const word = match[1]!.toLowerCase();
  const key: MetaKey = word === 'sources' ? 'source' : word === 'by' ? 'author' : word;
  return { key, value, line: lineNumber };
}

/** The source named by a "This briefing is based on information from X." line. */
export function readSourceLine(line: string): string | undefined {
  return SOURCE_LINE.exec(line.trim())?.[1]?.trim() || undefined;
}
