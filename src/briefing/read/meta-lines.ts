/** `Key: value` lines (`Date:`, `Tags:`, `Source:` ...) and the house source line, wherever they stand. */

export type MetaKey = 'date' | 'tags' | 'parties' | 'id' | 'source' | 'author';

export interface MetaLine {
  key: MetaKey;
  value: string;
  line: number;
}

const META_LINE = /^(date|tags|parties|id|source|sources|author|by)\s*:\s*(.*)$/i;
const SOURCE_LINE =
  /^(?:this|the) (?:briefing|brief|report|summary|story|article) (?:is|was) based on (?:information|reporting|reports?|material) (?:from|by) (.+?)\.?$/i;

/** Reads a `Key: value` metadata line. */
export function readMetaLine(line: string, lineNumber: number): MetaLine | undefined {
  const match = META_LINE.exec(line.trim().replace(/^[*_]+/, ''));
  if (!match) return undefined;
  const value = match[2]!.replace(/^[*_]+/, '').trim();
  if (!value) return undefined;
  const word = match[1]!.toLowerCase();
  const key: MetaKey = word === 'sources' ? 'source' : word === 'by' ? 'author' : (word as MetaKey);
  return { key, value, line: lineNumber };
}

/** The source named by a "This briefing is based on information from X." line. */
export function readSourceLine(line: string): string | undefined {
  return SOURCE_LINE.exec(line.trim())?.[1]?.trim() || undefined;
}
