/**
 * A briefing as a Discord answer: a Components V2 card (a container with the briefing's accent colour): the title
 * and summary, each section with its bullets, dividers between them, small print with the date, tags and id, and
 * the source as a link button. An answer is one message; a briefing (or a day of them) longer than a message is
 * shown a message at a time, with Previous/Next buttons (see renderBriefingPage). renderBriefing keeps every
 * message, for the terminal.
 */
import { type Briefing, SECTION_KEYS, SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import { v2Message } from '../message/components.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import {
  type Budget,
  type Card,
  type LaidPage,
  layoutCards,
  MESSAGE_BUDGET,
  minus,
  pageComponents,
} from './card.js';
import type { Section } from './fields.js';
import { bullet, buttonLink, COLORS, formatDate, linkable, titleLine } from './format.js';
import { renderNotice } from './notice.js';
import { toReply } from './pack.js';
import type { PageState } from './page-id.js';
import { PAGE_BUTTONS_COST, type PagedReply, pageButtons } from './pager.js';
import { shorten } from './split.js';

export interface BriefingRenderOptions {
  /** Only this section (with title and summary). */
  section?: SectionKey;
}

/** Tags this long or longer are a section of their own rather than a part of the small print. */
const TAGS_INLINE_MAX = 300;
const BUTTON_LABEL_MAX = 80;

function sourceLink(briefing: Briefing): Card['link'] {
  const source = briefing.source;
  const url = buttonLink(source?.url);
  if (!source || !url) return undefined;
  return { label: shorten(`Source: ${titleLine(source.name)}`, BUTTON_LABEL_MAX), url };
}

function footerOf(briefing: Briefing, link: Card['link'], tagsInline: boolean): string {
  const parts: string[] = [];
  const source = briefing.source;
  if (source) {
    const name = titleLine(source.name);
    // A name the button shows whole needs no repeating; a link the button cannot carry is still given.
    if (!link?.label.endsWith(name)) {
      const url = linkable(source.url);
      if (url && !link) parts.push(`Source: [${name}](<${url}>)`);
      else if (!link && source.url) parts.push(`Source: ${name} (${titleLine(source.url)})`);
      else parts.push(`Source: ${name}`);
    }
  }
  // Text rather than a timestamp: a briefing's date is a calendar day, not an instant.
  parts.push(formatDate(briefing.date));
  if (tagsInline && briefing.tags.length) parts.push(`Tags: ${briefing.tags.join(', ')}`);
  parts.push(`id ${briefing.id}`);
  return parts.join(' · ');
}

function sectionsOf(briefing: Briefing, only: SectionKey | undefined, tagsInline: boolean): Section[] {
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
  if (!tagsInline && briefing.tags.length) all.push({ name: 'Tags', lines: [briefing.tags.join(' · ')] });
  return all.filter((section) => section.lines.length);
}

/** The briefing as one card, before it is laid out within the limits. */
export function briefingCard(briefing: Briefing, options: BriefingRenderOptions = {}): Card {
  const link = sourceLink(briefing);
  const tagsInline = briefing.tags.join(', ').length < TAGS_INLINE_MAX;
  return {
    accent: COLORS.briefing,
    title: briefing.title.trim() || briefing.id,
    ...(briefing.author ? { byline: `By ${briefing.author}` } : {}),
    // The deck line, when the brief has one, reads as a standfirst above the summary.
    lead: briefing.subtitle ? `*${briefing.subtitle}*\n\n${briefing.summary}` : briefing.summary,
    sections: sectionsOf(briefing, options.section, tagsInline),
    footer: footerOf(briefing, link, tagsInline),
    ...(link ? { link } : {}),
  };
}

/** Room kept on every page for its number, `Page 99999/99999 · `, as small print of its own if need be. */
export const PAGE_NOTE_COST: Budget = { chars: 28, components: 2 };

/** What a page of briefings may hold: a message, less its page number and its Previous/Next buttons. */
export const BRIEFING_PAGE_BUDGET: Budget = minus(MESSAGE_BUDGET, PAGE_NOTE_COST, PAGE_BUTTONS_COST);

/**
 * The whole briefing as messages, all of them: for the terminal (`briefings show`), which prints them in turn. A
 * Discord answer shows one of them at a time: renderBriefingPage.
 */
export function renderBriefing(briefing: Briefing, options: BriefingRenderOptions = {}): Reply {
  return renderBriefings([briefing], options);
}

/** Several briefings (a day with more than one), each complete, in the order given: all the messages. */
export function renderBriefings(briefings: readonly Briefing[], options: BriefingRenderOptions = {}): Reply {
  return toReply(briefingPages(briefings, options).map((page) => v2Message(pageComponents(page))));
}

/** The briefings laid out as pages of one message each, within `budget` (by default, a page of an answer). */
export function briefingPages(
  briefings: readonly Briefing[],
  options: BriefingRenderOptions = {},
  budget: Budget = BRIEFING_PAGE_BUDGET,
): LaidPage[] {
  return layoutCards(
    briefings.map((briefing) => briefingCard(briefing, options)),
    budget,
  );
}

/** `Page N/M`, in the small print of the page's last card. */
export function pageNote(page: number, pages: number): string {
  return `Page ${page}/${pages}`;
}

/**
 * Page `page` (1-based, clamped) of the briefings: one message, whatever their length. More than one page gets
 * a page number and Previous/Next buttons carrying `state`; a briefing that fits one message has neither. Pages
 * depend only on the briefings, so a click re-renders the page the reader expects.
 */
export function renderBriefingPage(
  briefings: readonly Briefing[],
  page: number,
  state: Omit<PageState, 'page'>,
  options: BriefingRenderOptions = {},
): PagedReply {
  if (!briefings.length)
    return { payload: renderNotice('There are no briefings to show.'), page: 1, pages: 1 };
  const laidOut = briefingPages(briefings, options);
  const pages = laidOut.length;
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const shown = laidOut[current - 1]!;
  if (pages === 1) return { payload: v2Message(pageComponents(shown)), page: current, pages };
  const payload: MessagePayload = v2Message([
    ...pageComponents(shown, pageNote(current, pages)),
    pageButtons(state, current, pages),
  ]);
  return { payload, page: current, pages };
}
