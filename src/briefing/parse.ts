/** One file's text to a Briefing or to problems, by the file's extension. Never throws. */
import { extname } from 'node:path';
import { assemble, type ParseResult } from './assemble.js';
import type { Draft } from './draft.js';
import type { BriefingFormat } from './model.js';
import { readBrief } from './parse-brief.js';
import { readJson } from './parse-json.js';
import { readMarkdown } from './parse-markdown.js';
import { normalizeText, splitLines } from './text.js';

export type { ParseResult };

const FORMATS: Readonly<Record<string, BriefingFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'brief',
  '.json': 'json',
};

/** The format a file name says it holds, or undefined for files that are not briefings. */
export function formatOfFile(file: string): BriefingFormat | undefined {
  return FORMATS[extname(file).toLowerCase()];
}

export function parseBriefing(file: string, text: string): ParseResult {
  const format = formatOfFile(file);
  if (!format) {
    return {
      briefing: null,
      problems: [{ file, message: 'not a briefing file: use .md, .markdown, .txt or .json' }],
      dropped: [],
    };
  }
  if (text.includes('\u0000')) {
    return { briefing: null, problems: [{ file, message: 'this is a binary file, not text' }], dropped: [] };
  }
  try {
    const clean = normalizeText(text);
    if (clean.trim() === '')
      return { briefing: null, problems: [{ file, message: 'the file is empty' }], dropped: [] };
    return assemble(file, read(file, format, clean));
  } catch (error) {
    // A parser bug must cost one file, never the folder.
    const reason = error instanceof Error ? error.message : String(error);
    return { briefing: null, problems: [{ file, message: `could not be read: ${reason}` }], dropped: [] };
  }
}

function read(file: string, format: BriefingFormat, text: string): Draft {
  switch (format) {
    case 'markdown':
      return readMarkdown(file, splitLines(text));
    case 'brief':
      return readBrief(splitLines(text));
    case 'json':
      return readJson(file, text);
  }
}
