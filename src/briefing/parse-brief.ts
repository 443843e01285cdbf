/**
 * Plain-text briefs as newsrooms publish them: title line, deck line, `NEWS BRIEF`, summary paragraph,
 * upper-case section headings with `•` bullets, "This briefing is based on information from X.", the
 * author's name (sometimes twice) and bio, then whatever the site appended ("Latest Articles"), which is
 * left out. An editor pastes one into a file and it loads.
 */
import { parseBody, readMetaLine, readSourceLine } from './body.js';
import { applyBody, applyMeta, type Draft, emptyDraft, lineCount } from './draft.js';
import { sectionForHeading } from './section-names.js';
import { joinWrapped, matchKey } from './text.js';

const MARKERS = new Set(['news brief', 'news briefing']);
const SITE_FURNITURE =
  /^(?:(?:latest|related|recommended|more|popular|trending|top) (?:articles|stories|news|posts|reads)|read more|share this|subscribe|sign up|advertisement|follow us)\b/i;

function isSiteFurniture(line: string): boolean {
  return line.length <= 60 && SITE_FURNITURE.test(line);
}

function looksLikeName(line: string): boolean {
  if (line.length > 60 || /[.:!?\d]$/.test(line) || /\d/.test(line) || isSiteFurniture(line)) return false;
  const words = line.split(/\s+/).length;
  return words >= 1 && words <= 6;
}

export function readBrief(lines: readonly string[]): Draft {
  const draft = emptyDraft('brief');
  draft.lastLine = lineCount(lines);
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    const meta = readMetaLine(line, index + 1);
    if (!meta) break;
    applyMeta(draft, meta.key, meta.value, meta.line);
  }
  if (index >= lines.length) return draft;

  const first = lines[index]!.trim().replace(/^#+\s*/, '');
  let bodyStart = index;
  if (!sectionForHeading(first)) {
    draft.title = { value: first, line: index + 1 };
    bodyStart = index + 1;
  }

  let end = lines.length;
  let sourceAt = -1;
  let marker = -1;
  for (let at = bodyStart; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (!line) continue;
    if (marker === -1 && line.length <= 20 && MARKERS.has(matchKey(line))) marker = at;
    if (readSourceLine(line)) {
      sourceAt = at;
      end = at;
      break;
    }
    if (isSiteFurniture(line)) {
      end = at;
      break;
    }
  }

  if (marker !== -1) {
    draft.subtitle = readDeck(draft, lines, bodyStart, marker);
    bodyStart = marker + 1;
  }
  applyBody(draft, parseBody(lines, bodyStart, end, 'brief'));
  if (sourceAt !== -1) readFooter(draft, lines, sourceAt);
  return draft;
}

/** The lines between title and `NEWS BRIEF`: the deck, plus any `Date:`-style lines. */
function readDeck(draft: Draft, lines: readonly string[], start: number, end: number): string | undefined {
  const paragraphs: string[] = [];
  let parts: string[] = [];
  for (let at = start; at <= end; at++) {
    const line = at < end ? lines[at]!.trim() : '';
    const meta = line ? readMetaLine(line, at + 1) : undefined;
    if (meta) applyMeta(draft, meta.key, meta.value, meta.line);
    else if (line) parts.push(line);
    if ((!line || meta) && parts.length > 0) {
      paragraphs.push(joinWrapped(parts));
      parts = [];
    }
  }
  return paragraphs.join('\n\n') || undefined;
}

/** Source line, author name (often printed twice), bio; anything after is site text, except `Key: value` lines. */
function readFooter(draft: Draft, lines: readonly string[], sourceAt: number): void {
  const sourceLine = lines[sourceAt]!.trim();
  draft.source ??= { value: { name: readSourceLine(sourceLine)! }, line: sourceAt + 1 };
  let stage: 'name' | 'bio' | 'done' = 'name';
  let name = '';
  for (let at = sourceAt + 1; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (!line) continue;
    const meta = readMetaLine(line, at + 1);
    if (meta) {
      applyMeta(draft, meta.key, meta.value, meta.line);
      continue;
    }
    if (stage === 'name') {
      if (looksLikeName(line)) {
        name = line;
        draft.author ??= line;
        stage = 'bio';
      } else stage = 'done';
    } else if (stage === 'bio' && line !== name) {
      stage = 'done';
    }
  }
}
