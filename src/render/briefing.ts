/**
 * A briefing as a Discord answer: one embed when it fits, continued over further embeds when not. An answer
 * is one message; a briefing (or a day of them) longer than a message is shown a message at a time, with
 * Previous/Next buttons (see renderBriefingPage). renderBriefing keeps every message, for the terminal.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { type Briefing, SECTION_KEYS, SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import type { Section } from './fields.js';
import { bullet, COLORS, formatDate, linkable, titleLine } from './format.js';
import { renderNotice } from './notice.js';
import { type EmbedDoc, layoutEmbeds, packMessages, toReply } from './pack.js';
import type { PageState } from './page-id.js';
import { type PagedReply, pageButtons } from './pager.js';

export interface BriefingRenderOptions {
  /** Only this section (with title and summary). */
  section?: SectionKey;
}

function footerOf(briefing: Briefing): string {
  const parts: string[] = [];
  const source = briefing.source;
  if (source) {
    // A link the title cannot carry is still shown, as text.
    const unlinked = source.url && !linkable(source.url) ? ` (${titleLine(source.url)})` : '';
    parts.push(`Source: ${titleLine(source.name, LIMITS.authorName)}${unlinked}`);
  }
  // Text rather than an embed timestamp: a briefing's date is a calendar day, not an instant.
  parts.push(formatDate(briefing.date), `id ${briefing.id}`);
  return parts.join(' · ');
}

function sectionsOf(briefing: Briefing, only: SectionKey | undefined): Section[] {
  const { sections } = briefing;
  if (only) {
    const items = sections[only];
    return [
      {
        name: SECTION_LABELS[only],
        lines: items.length ? items.map(bullet) : [`*This briefing has no ${SECTION_LABELS[only]} section.*`],
      },
    ];
  }
  const all: Section[] = SECTION_KEYS.map((key) => ({
    name: SECTION_LABELS[key],
    lines: sections[key].map(bullet),
  }));
  for (const extra of sections.other ?? []) all.push({ name: extra.heading, lines: extra.items.map(bullet) });
  if (briefing.tags.length) all.push({ name: 'Tags', lines: [briefing.tags.join(' · ')] });
  return all.filter((section) => section.lines.length);
}

/** The briefing as one logical embed, before it is laid out within the limits. */
export function briefingDoc(briefing: Briefing, options: BriefingRenderOptions = {}): EmbedDoc {
  const url = linkable(briefing.source?.url);
  return {
    title: briefing.title.trim() || briefing.id,
    ...(url ? { url } : {}),
    color: COLORS.briefing,
    ...(briefing.author ? { author: briefing.author } : {}),
    // The deck line, when the brief has one, reads as a standfirst above the summary.
    description: briefing.subtitle ? `*${briefing.subtitle}*\n\n${briefing.summary}` : briefing.summary,
    sections: sectionsOf(briefing, options.section),
    footer: footerOf(briefing),
  };
}

/**
 * The whole briefing as messages, all of them: for the terminal (`briefings show`), which prints them in
 * turn. A Discord answer shows one of them at a time: renderBriefingPage.
 */
export function renderBriefing(briefing: Briefing, options: BriefingRenderOptions = {}): Reply {
  return toReply(packMessages(layoutEmbeds(briefingDoc(briefing, options))));
}

/** Several briefings (a day with more than one), each complete, in the order given: all the messages. */
export function renderBriefings(briefings: readonly Briefing[], options: BriefingRenderOptions = {}): Reply {
  return toReply(packMessages(briefings.flatMap((briefing) => layoutEmbeds(briefingDoc(briefing, options)))));
}

/** Room kept in every embed, footer and message for the page number: `Page 99999/99999 · `. */
const PAGE_NOTE_ROOM = 24;

/** The briefings as pages of one message each; each keeps room for its page number. */
export function briefingPages(
  briefings: readonly Briefing[],
  options: BriefingRenderOptions = {},
): MessagePayload[] {
  const layout = { reserve: PAGE_NOTE_ROOM };
  const embeds = briefings.flatMap((briefing) => layoutEmbeds(briefingDoc(briefing, options), layout));
  return packMessages(embeds, undefined, layout);
}

/** `Page N/M` opens the footer of a page's last embed (after the briefing's own footer on its last page). */
export function withPageNote(message: MessagePayload, page: number, pages: number): MessagePayload {
  const embeds = [...(message.embeds ?? [])];
  const last = embeds.at(-1);
  if (!last) return message;
  const note = `Page ${page}/${pages}`;
  const footer = last.footer?.text ? `${note} · ${last.footer.text}` : note;
  embeds[embeds.length - 1] = { ...last, footer: { ...last.footer, text: footer } } satisfies APIEmbed;
  return { ...message, embeds };
}

/**
 * Page `page` (1-based, clamped) of the briefings: one message, whatever their length. More than one page gets
 * a page number and Previous/Next buttons carrying `state`; a briefing that fits one message looks as it
 * always did. Pages depend only on the briefings, so a click re-renders the page the reader expects.
 */
export function renderBriefingPage(
  briefings: readonly Briefing[],
  page: number,
  state: Omit<PageState, 'page'>,
  options: BriefingRenderOptions = {},
): PagedReply {
  if (!briefings.length)
    return { payload: renderNotice('There are no briefings to show.'), page: 1, pages: 1 };
  const messages = briefingPages(briefings, options);
  const pages = messages.length;
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const message = messages[current - 1]!;
  if (pages === 1) return { payload: message, page: current, pages };
  return {
    payload: { ...withPageNote(message, current, pages), components: [pageButtons(state, current, pages)] },
    page: current,
    pages,
  };
}
