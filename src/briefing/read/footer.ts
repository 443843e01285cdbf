/**
 * The end of a house-layout brief: the source line, the author's name (often printed twice) and bio,
 * then whatever the site appended, which is reported as a trailer. `Key: value` lines there still count.
 */
import type { Draft } from '../draft.js';
import { applyMeta } from '../draft.js';
import { isTrailer } from './junk.js';
import { dropLine, type PageLine } from './lines.js';
import { readMetaLine, readSourceLine } from './meta-lines.js';

function looksLikeName(text: string): boolean {
  if (text.length > 60 || /[.:!?\d]$/.test(text) || /\d/.test(text) || isTrailer(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 1 && words <= 6;
}

/** `lines` starts at the source line. */
export function readFooter(draft: Draft, lines: readonly PageLine[]): void {
  const sourceLine = lines[0]!;
  draft.source ??= { value: { name: readSourceLine(sourceLine.text)! }, line: sourceLine.index + 1 };
  let stage: 'name' | 'bio' | 'done' = 'name';
  let name = '';
  for (const line of lines.slice(1)) {
    const text = line.text;
    if (!text) continue;
    const meta = readMetaLine(text, line.index + 1);
    if (meta) {
      applyMeta(draft, meta.key, meta.value, meta.line);
      continue;
    }
    if (stage === 'name' && looksLikeName(text)) {
      name = text;
      if (draft.author) dropLine(draft.dropped, line, 'byline');
      else draft.author = text;
      stage = 'bio';
      continue;
    }
    if (stage === 'bio' && text === name) {
      dropLine(draft.dropped, line, 'repeated line');
      continue;
    }
    if (stage === 'bio' && !isTrailer(text)) {
      dropLine(draft.dropped, line, 'author bio');
      stage = 'done';
      continue;
    }
    stage = 'done';
    dropLine(draft.dropped, line, line.junk ?? 'trailer');
  }
}
