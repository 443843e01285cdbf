/**
 * Plain-text briefs as editors paste them from newsroom pages: whatever the page put above the
 * headline (date lines, kickers, captions, bylines), the headline, then the brief in any of the layouts
 * the body reader knows. The house layout (deck line, `NEWS BRIEF`, summary, upper-case headings,
 * "This briefing is based on information from X.", the author's name and bio, then site text) is one.
 */
import { applyBody, applyHeader, applyMeta, type Draft, emptyDraft, lineCount } from './draft.js';
import { readBody } from './read/body.js';
import { readFooter } from './read/footer.js';
import { readHeader } from './read/header.js';
import { dropLine, type PageLine, readPageLines } from './read/lines.js';
import { readMetaLine, readSourceLine } from './read/meta-lines.js';
import { joinWrapped } from './text.js';

const MARKER = /^news brief(?:ing)?$/i;

export function readBrief(lines: readonly string[]): Draft {
  const draft = emptyDraft('brief');
  draft.lastLine = lineCount(lines);
  const page = readPageLines(lines, 0, lines.length);
  const header = readHeader(page, draft.dropped);
  applyHeader(draft, header);

  let bodyAt = header.bodyAt;
  let end = page.length;
  let marker = -1;
  for (let at = bodyAt; at < page.length; at++) {
    const text = page[at]!.text;
    if (!text || page[at]!.junk) continue;
    if (marker === -1 && text.length <= 20 && MARKER.test(text)) marker = at;
    if (readSourceLine(text)) {
      end = at;
      break;
    }
  }
  if (marker !== -1) {
    const deck = readDeck(draft, page.slice(bodyAt, marker));
    if (deck) draft.subtitle = deck;
    dropLine(draft.dropped, page[marker]!, 'marker');
    bodyAt = marker + 1;
  }
  applyBody(draft, readBody(page.slice(bodyAt, end), { style: 'brief' }, draft.dropped));
  if (end < page.length) readFooter(draft, page.slice(end));
  return draft;
}

/** The lines between title and `NEWS BRIEF`: the deck, plus any `Date:`-style lines. */
function readDeck(draft: Draft, lines: readonly PageLine[]): string | undefined {
  const paragraphs: string[] = [];
  let parts: string[] = [];
  for (const line of [...lines, undefined]) {
    const text = line?.text ?? '';
    const meta = line && text ? readMetaLine(text, line.index + 1) : undefined;
    if (meta) applyMeta(draft, meta.key, meta.value, meta.line);
    else if (line?.junk) dropLine(draft.dropped, line, line.junk);
    else if (text) parts.push(text);
    if ((!text || meta) && parts.length > 0) {
      paragraphs.push(joinWrapped(parts));
      parts = [];
    }
  }
  return paragraphs.join('\n\n') || undefined;
}
