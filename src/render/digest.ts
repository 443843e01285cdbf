/** A digest: each briefing compact (title, short summary, how to read it all), as few messages as fit. */
import type { Briefing } from '../briefing/model.js';
import { COLORS, formatDate, linkable, showHint } from './format.js';
import { LIMITS } from './limits.js';
import { type EmbedDoc, layoutEmbeds, packMessages } from './pack.js';
import type { MessagePayload } from './payload.js';
import { oneLine, shorten } from './split.js';

/** Enough to judge whether to read on; the full briefing is one command away. */
const SUMMARY_CHARS = 280;
const SOURCE_CHARS = 100;

function digestDoc(briefing: Briefing): EmbedDoc {
  const url = linkable(briefing.source?.url);
  const summary = shorten(oneLine(briefing.summary), SUMMARY_CHARS);
  const read = `Read it in full: ${showHint(briefing.id)}`;
  const footer = [
    formatDate(briefing.date),
    briefing.source ? shorten(oneLine(briefing.source.name), SOURCE_CHARS) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    title: briefing.title.trim() || briefing.id,
    ...(url ? { url } : {}),
    color: COLORS.briefing,
    description: summary ? `${summary}\n\n${read}` : read,
    footer,
  };
}

/** The digest's messages in sending order; none when there are no briefings (see renderNothingNew). */
export function renderDigest(
  briefings: readonly Briefing[],
  options: { heading?: string } = {},
): MessagePayload[] {
  if (!briefings.length) return [];
  return packMessages(
    briefings.flatMap((briefing) => layoutEmbeds(digestDoc(briefing))),
    options.heading,
  );
}

export function renderNothingNew(options: { heading?: string } = {}): MessagePayload {
  const text = 'Nothing new in the briefings since the last digest.';
  if (!options.heading) return { content: text };
  return { content: `${shorten(options.heading.trim(), LIMITS.content - text.length - 1)}\n${text}` };
}
