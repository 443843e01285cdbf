/** A digest: each briefing compact (title, short summary, how to read it all), as few messages as fit. */
import type { Briefing } from '../briefing/model.js';
import type { DigestRenderer } from '../digest/compose/compose.js';
import type { DigestFilter } from '../digest/compose/select.js';
import { LIMITS } from '../message/limits.js';
import type { MessagePayload } from '../message/payload.js';
import { readButtons } from './digest-buttons.js';
import { describeFilter } from './digest-reasons.js';
import { COLORS, formatDate, linkable, plural, showHint } from './format.js';
import { type EmbedDoc, layoutEmbeds, packMessages } from './pack.js';
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

/** Gives each message a part's marker (its nonce) in Read buttons for the briefings it shows. */
type DigestMarker = (part: number) => string;

/**
 * The digest's messages in sending order; none when there are no briefings (see renderNothingNew). With a
 * marker, each message carries Read buttons for its briefings (a preview, with no delivery behind it, has none).
 */
export function renderDigest(
  briefings: readonly Briefing[],
  options: { heading?: string; marker?: DigestMarker } = {},
): MessagePayload[] {
  if (!briefings.length) return [];
  const laidOut = briefings.map((briefing) => layoutEmbeds(digestDoc(briefing)));
  const messages = packMessages(laidOut.flat(), options.heading);
  const { marker } = options;
  if (!marker) return messages;
  // Which briefing each embed belongs to, in order, to know whose buttons go under which message.
  const owners = laidOut.flatMap((embeds, index) => embeds.map(() => index));
  let next = 0;
  return messages.map((message, part) => {
    const count = message.embeds?.length ?? 0;
    const shown = [...new Set(owners.slice(next, next + count))];
    next += count;
    const items = shown.map((index) => ({
      index,
      title: briefings[index]!.title.trim() || briefings[index]!.id,
    }));
    return { ...message, components: readButtons(marker(part), items) };
  });
}

export function renderNothingNew(options: { heading?: string; marker?: DigestMarker } = {}): MessagePayload {
  const text = 'Nothing new in the briefings since the last digest.';
  const content = options.heading
    ? `${shorten(options.heading.trim(), LIMITS.content - text.length - 1)}\n${text}`
    : text;
  return options.marker ? { content, components: readButtons(options.marker(0), []) } : { content };
}

/** The line above a digest: how much is new, and the filter when there is one. */
export function digestHeading(count: number, filter: DigestFilter): string {
  const filterWords = describeFilter(filter);
  return `**Daily briefing digest**${count ? ` · ${plural(count, 'new briefing')}` : ''}${filterWords ? ` · ${filterWords}` : ''}`;
}

/** Scheduled digests as the bot posts them: a heading, then the briefings with their Read buttons. */
export const digestRenderer: DigestRenderer = {
  render: (briefings, sub, marker) =>
    renderDigest(briefings, { heading: digestHeading(briefings.length, sub), marker }),
  renderNothingNew: (sub, marker) => renderNothingNew({ heading: digestHeading(0, sub), marker }),
};
