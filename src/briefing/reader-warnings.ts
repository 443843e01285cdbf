/**
 * Warnings about briefings far beyond what a reader can use: they still load (Discord shows them shortened or
 * over pages), and the editor is told which limit they pass. Each names the limit.
 */
import type { Draft } from './draft.js';
import { MAX_LINK_LENGTH, webLink } from './links.js';
import { type Problem, SECTION_KEYS, SECTION_LABELS } from './model.js';

/** Discord shows at most this much of a title (an embed title). */
export const MAX_TITLE = 256;
/** ...of a bullet in one piece (an embed field). */
export const MAX_BULLET = 1024;
/** More bullets than this is a document, not a briefing. */
export const MAX_BULLETS = 100;

const count = (n: number) => n.toLocaleString('en-US');

interface Part {
  label: string;
  items: readonly string[];
  line?: number;
}

function partsOf(draft: Draft): Part[] {
  const parts: Part[] = [];
  for (const key of SECTION_KEYS) {
    const section = draft.sections[key];
    if (section) parts.push({ label: SECTION_LABELS[key], items: section.value, line: section.line });
  }
  for (const extra of draft.other) parts.push({ label: extra.heading, items: extra.items });
  return parts;
}

export function readerWarnings(file: string, draft: Draft): Problem[] {
  const warnings: Problem[] = [];
  const warn = (line: number | undefined, message: string) =>
    warnings.push({ file, ...(line ? { line } : {}), message, severity: 'warning' });

  const title = draft.title?.value.trim() ?? '';
  if (title.length > MAX_TITLE) {
    warn(
      draft.title?.line,
      `the title is ${count(title.length)} characters; Discord shows at most ${MAX_TITLE}, so readers see it cut: shorten it and move the rest to the summary`,
    );
  }

  const parts = partsOf(draft);
  for (const part of parts) {
    const long = part.items.filter((item) => item.trim().length > MAX_BULLET);
    if (!long.length) continue;
    const longest = Math.max(...long.map((item) => item.trim().length));
    const which = long.length === 1 ? 'a bullet' : `${long.length} bullets`;
    warn(
      part.line,
      `${which} in ${part.label} ${long.length === 1 ? 'is' : 'are'} over ${count(MAX_BULLET)} characters (the longest ${count(longest)}), more than Discord shows in one piece: split ${long.length === 1 ? 'it' : 'them'} into shorter bullets`,
    );
  }

  const bullets = parts.reduce((sum, part) => sum + part.items.length, 0);
  if (bullets > MAX_BULLETS) {
    warn(
      parts[0]?.line,
      `${count(bullets)} bullets, over the ${MAX_BULLETS} a reader can take in one briefing: split it into several briefings or keep the main points`,
    );
  }

  const url = draft.source?.value.url;
  if (url !== undefined && !webLink(url)) {
    warn(
      draft.source?.line,
      `the source url cannot be made a link Discord accepts (an http(s) link of at most ${count(MAX_LINK_LENGTH)} characters once encoded): it is shown as text, not linked`,
    );
  }
  return warnings;
}
