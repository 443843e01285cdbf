/**
 * One briefing file read for the index: its bytes' hash and stat, what the reader made of it, and the parties it
 * names. Runs in the parse workers (parse-pool.ts) and in the main thread alike, so it holds no state.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readBriefingText } from '../../briefing/folder-files.js';
import type { Briefing, Problem } from '../../briefing/model.js';
import { parseBriefing } from '../../briefing/parse.js';
import type { PartyRegistry } from '../../party/registry.js';
import { type MentionRow, storedMentions } from './mentions.js';

export interface FileStamp {
  /** Path relative to the briefing folder, with `/` between folders. */
  relative: string;
  size: number;
  mtimeMs: number;
}

export interface AnalysedFile extends FileStamp {
  /** SHA-1 of the text: a file saved again unchanged is not indexed again. */
  hash: string;
  /** The briefing the file holds now, or null when it does not load (see problems). */
  briefing: Briefing | null;
  problems: Problem[];
  /** The parties the briefing names (empty without a briefing). */
  mentions: MentionRow[];
  /** The statements they name, encoded as the index stores them (see encodeCited); '' without a briefing. */
  cited: string;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function stampOf(dir: string, relative: string): FileStamp {
  try {
    const stats = statSync(join(dir, relative));
    return { relative, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return { relative, size: -1, mtimeMs: -1 };
  }
}

/** Reads and parses one file. Never throws: a file that cannot be read is a problem, like one that cannot be parsed. */
export function analyseFile(dir: string, relative: string, registry: PartyRegistry): AnalysedFile {
  const file = join(dir, relative);
  const stamp = stampOf(dir, relative);
  const read = readBriefingText(file);
  if (!('text' in read))
    return { ...stamp, hash: '', briefing: null, problems: [read.problem], mentions: [], cited: '' };
  try {
    const { briefing, problems } = parseBriefing(file, read.text);
    return {
      ...stamp,
      hash: hashText(read.text),
      briefing,
      problems,
      ...(briefing ? storedMentions(briefing, registry) : { mentions: [], cited: '' }),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...stamp,
      hash: hashText(read.text),
      briefing: null,
      problems: [{ file, message: `could not be read: ${reason}` }],
      mentions: [],
      cited: '',
    };
  }
}
