/**
 * A digest: each briefing a compact card (title, short summary, date and source in small print) with its Read
 * button beside it, as few Components V2 messages as fit; the first opens with the digest's heading (and, for a
 * subscription with an opted-in role, that role's mention).
 */
import type { APIMessageTopLevelComponent } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/model.js';
import type { DigestRenderer } from '../digest/compose/compose.js';
import type { DigestFilter } from '../digest/compose/select.js';
import { actionRow, container, section, textDisplay, v2Message } from '../message/components.js';
import type { MessagePayload } from '../message/payload.js';
import { MESSAGE_BUDGET } from './card.js';
import { readButton, readButtonId } from './digest-buttons.js';
import { describeFilter } from './digest-reasons.js';
import { COLORS, formatDate, plural, showHint, titleLine } from './format.js';
import { oneLine, shorten, splitText } from './split.js';

/** Enough to judge whether to read on; the full briefing is a click (or one command) away. */
const SUMMARY_CHARS = 280;
const SOURCE_CHARS = 100;
/** A heading (a digest's, an alert's) longer than this is carried over messages of its own before the cards. */
const HEADING_CHARS = 1500;
/** Ids longer than a command option holds are chosen from its list, not typed: no hint for them. */
const TYPED_ID_MAX = 100;

/** The card's text: the title as a small heading, the summary, then small print. */
export function digestCardText(briefing: Briefing): string {
  const summary = shorten(oneLine(briefing.summary), SUMMARY_CHARS);
  const small = [
    formatDate(briefing.date),
    briefing.source ? shorten(oneLine(briefing.source.name), SOURCE_CHARS) : '',
    briefing.id.length <= TYPED_ID_MAX ? showHint(briefing.id) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return [`### ${titleLine(briefing.title.trim() || briefing.id)}`, summary, `-# ${small}`]
    .filter(Boolean)
    .join('\n');
}

/** Gives each message a part's marker (its nonce) in the Read buttons of the briefings it shows. */
type DigestMarker = (part: number) => string;

export interface DigestOptions {
  heading?: string;
  marker?: DigestMarker;
  /** A role that opted in to be mentioned: named at the top of the first message, and the only mention allowed. */
  mentionRoleId?: string | null;
}

/** A role id as Discord writes them; anything else is never put in a mention. */
const ROLE_ID = /^\d{17,20}$/;

/**
 * The digest's messages in sending order; none when there are no briefings (see renderNothingNew). With a
 * marker, each card carries a Read button (a preview, with no delivery behind it, has none).
 */
export function renderDigest(briefings: readonly Briefing[], options: DigestOptions = {}): MessagePayload[] {
  if (!briefings.length) return [];
  const role =
    options.mentionRoleId && ROLE_ID.test(options.mentionRoleId) ? options.mentionRoleId : undefined;
  // A heading too long for the first message goes before the cards in messages of its own, whole.
  const chunks = splitText(options.heading ?? '', HEADING_CHARS);
  const heading = chunks.pop();
  const messages: { indexes: number[]; components: APIMessageTopLevelComponent[] }[] = chunks.map(
    (chunk) => ({ indexes: [], components: [textDisplay(chunk)] }),
  );
  const top = heading ? [textDisplay(heading)] : [];
  // The mention opens the first message, alone on its line.
  if (role) (messages[0]?.components ?? top).unshift(textDisplay(`<@&${role}>`));
  let chars = 0;
  let count = 0;
  const start = (components: APIMessageTopLevelComponent[]) => {
    messages.push({ indexes: [], components });
    chars = components.reduce((sum, c) => sum + ('content' in c ? c.content.length : 0), 0);
    count = components.length;
  };
  start(top);
  const cardCost = options.marker ? 4 : 2;
  briefings.forEach((briefing, index) => {
    const text = digestCardText(briefing);
    const current = messages.at(-1)!;
    const full = count + cardCost > MESSAGE_BUDGET.components || chars + text.length > MESSAGE_BUDGET.chars;
    if (full && current.indexes.length) start([]);
    messages.at(-1)!.indexes.push(index);
    chars += text.length;
    count += cardCost;
  });

  return messages.map(({ indexes, components }, part) => {
    const cards = indexes.map((index) => {
      const text = textDisplay(digestCardText(briefings[index]!));
      const marker = options.marker?.(part);
      const read = marker && readButton(readButtonId(marker, { briefing: index }), 'Read');
      return container(COLORS.briefing, [read ? section([text], read) : text]);
    });
    const message = v2Message([...components, ...cards]);
    return role && part === 0 ? { ...message, allowed_mentions: { parse: [], roles: [role] } } : message;
  });
}

/** The line posted instead of a digest on a quiet day (with post_when_empty); it never mentions anyone. */
export function renderNothingNew(options: { heading?: string; marker?: DigestMarker } = {}): MessagePayload {
  const text = 'Nothing new in the briefings since the last digest.';
  const heading = options.heading?.trim() ? shorten(options.heading.trim(), HEADING_CHARS) : '';
  const components: APIMessageTopLevelComponent[] = [textDisplay(heading ? `${heading}\n${text}` : text)];
  if (options.marker)
    components.push(actionRow([readButton(readButtonId(options.marker(0), 'latest'), 'Latest briefing')]));
  return v2Message(components);
}

/** The line above a digest: how much is new, and the filter when there is one. */
export function digestHeading(count: number, filter: DigestFilter): string {
  const filterWords = describeFilter(filter);
  return `**Daily briefing digest**${count ? ` · ${plural(count, 'new briefing')}` : ''}${filterWords ? ` · ${filterWords}` : ''}`;
}

/** Scheduled digests as the bot posts them: a heading, then the briefings with their Read buttons. */
export const digestRenderer: DigestRenderer = {
  render: (briefings, sub, marker) =>
    renderDigest(briefings, {
      heading: digestHeading(briefings.length, sub),
      marker,
      mentionRoleId: sub.mentionRoleId,
    }),
  renderNothingNew: (sub, marker) => renderNothingNew({ heading: digestHeading(0, sub), marker }),
};
