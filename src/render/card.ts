/**
 * The one layout for long text: cards (a briefing, a server's digests) as Components V2 containers, spread over as
 * many messages as Discord's limits need. A card is a heading with its lead, sections (a bold heading over its
 * lines, separated by dividers) and small print at the end with an optional link button beside it. Text is split
 * at line, else word boundaries, never cut: a section that runs over a page goes on under "(cont.)" on the next.
 * Every message holds at most V2_LIMITS' components and text, less what the caller keeps free (a page number,
 * the buttons, a note put in front later).
 */
import {
  type APIComponentInContainer,
  type APIMessageTopLevelComponent,
  ComponentType,
} from 'discord-api-types/v10';
import { container, linkButton, section, separator, textDisplay, v2Message } from '../message/components.js';
import { V2_LIMITS } from '../message/limits.js';
import type { MessagePayload } from '../message/payload.js';
import { FULL_LABEL_MAX, type Section, sectionHeading } from './fields.js';
import { TITLE_MAX } from './format.js';
import { oneLine, shorten, takeChunk } from './split.js';

export interface Card {
  /** The container's accent colour. */
  accent?: number;
  /** Shown as a heading: one line, shortened to TITLE_MAX (and then repeated whole, within reason, under it). */
  title?: string;
  /** Small print under the title (an author). */
  byline?: string;
  /** Text under the title: the summary, a count. */
  lead?: string;
  sections?: readonly Section[];
  /** Small print closing the card, on its last page. */
  footer?: string;
  /** A link button beside the small print. */
  link?: { label: string; url: string };
}

/** What one message may hold of the layout. */
export interface Budget {
  chars: number;
  components: number;
}

/**
 * Kept free in every answer: a note a command puts in front of it (the digest preview's, the indexing note), and
 * the line that says messages were left out. Two text displays and this much text.
 */
export const NOTE_ROOM: Budget = { chars: 300, components: 2 };

/** Small print longer than this becomes a section of its own ("Details"). */
export const FOOTER_MAX = 1000;
/** A piece of text is not started at the end of a page with less room than this: it goes to the next page. */
const MIN_CHUNK = 200;

/** Less what is reserved. */
export function minus(budget: Budget, ...reserves: Budget[]): Budget {
  return reserves.reduce(
    (left, reserve) => ({
      chars: left.chars - reserve.chars,
      components: left.components - reserve.components,
    }),
    budget,
  );
}

/** A whole message, less the note room. */
export const MESSAGE_BUDGET: Budget = minus(
  { chars: V2_LIMITS.textPerMessage, components: V2_LIMITS.componentsPerMessage },
  NOTE_ROOM,
);

interface Block {
  /** Lines that open the block, repeated (as `continued`) where it goes on after a page break. */
  heading?: string;
  body: string;
  continued?: string;
  /** A blank line between the heading and the body (the title over the summary). */
  gap?: boolean;
}

interface Footer {
  text: string;
  link?: { label: string; url: string };
}

/** One container of a page: part of a card, with its small print when the card ends here. */
export interface LaidCard {
  accent?: number;
  children: APIComponentInContainer[];
  footer?: Footer;
}

/** The containers of one message. */
export type LaidPage = LaidCard[];

function footerCost(footer: Footer | undefined): Budget {
  if (!footer) return { chars: 0, components: 0 };
  // A divider, then the text (in a section beside the link button).
  return { chars: footer.text.length + 3, components: footer.link ? 4 : 2 };
}

function blocksOf(card: Card): { blocks: Block[]; footer?: Footer } {
  const blocks: Block[] = [];
  const sections = [...(card.sections ?? [])];
  const head: string[] = [];
  const fullTitle = card.title === undefined ? '' : oneLine(card.title);
  if (fullTitle) {
    const title = shorten(fullTitle, TITLE_MAX);
    head.push(`## ${title}`);
    if (title !== fullTitle) head.push(`**${shorten(fullTitle, FULL_LABEL_MAX - 4)}**`);
  }
  const byline = card.byline === undefined ? '' : oneLine(card.byline);
  if (byline.length > TITLE_MAX)
    sections.unshift({ name: 'Author', lines: [shorten(byline, FULL_LABEL_MAX)] });
  else if (byline) head.push(`-# ${byline}`);
  const lead = card.lead?.trim() ?? '';
  if (head.length || lead)
    blocks.push({ ...(head.length ? { heading: head.join('\n') } : {}), body: lead, gap: true });

  let footer: Footer | undefined;
  const small = card.footer === undefined ? '' : oneLine(card.footer);
  if (small.length > FOOTER_MAX) sections.push({ name: 'Details', lines: [small] });
  else if (small) footer = { text: small };
  if (card.link) footer = { text: footer?.text ?? '', link: card.link };

  for (const part of sections) {
    const lines = part.lines.map(oneLine).filter(Boolean);
    if (!lines.length) continue;
    const { name, full, continued } = sectionHeading(part);
    const body = (full ? [full, ...lines] : lines).join('\n');
    blocks.push({ heading: `**${name}**`, body, continued: `**${continued}**` });
  }
  return { blocks, ...(footer ? { footer } : {}) };
}

/** Pages being filled, one message each. */
class Pages {
  readonly pages: LaidPage[] = [[]];
  private chars = 0;
  private components = 0;

  constructor(private readonly budget: Budget) {}

  private get page(): LaidPage {
    return this.pages.at(-1)!;
  }

  get card(): LaidCard | undefined {
    return this.page.at(-1);
  }

  left(reserve: Budget): Budget {
    return {
      chars: this.budget.chars - this.chars - reserve.chars,
      components: this.budget.components - this.components - reserve.components,
    };
  }

  open(accent: number | undefined, fresh: boolean): void {
    if (fresh && this.page.length) {
      this.pages.push([]);
      this.chars = 0;
      this.components = 0;
    }
    this.page.push({ ...(accent === undefined ? {} : { accent }), children: [] });
    this.components += 1;
  }

  add(text: string): void {
    const card = this.card!;
    if (card.children.length) {
      card.children.push(separator());
      this.components += 1;
    }
    card.children.push(textDisplay(text));
    this.components += 1;
    this.chars += text.length;
  }

  /** Text appended to the card's last text display: for when no component is left. */
  append(text: string): void {
    const last = this.card!.children.at(-1);
    if (last?.type !== ComponentType.TextDisplay) throw new Error('no text display to append to');
    last.content = `${last.content}\n\n${text}`;
    this.chars += text.length + 2;
  }

  close(footer: Footer | undefined): void {
    if (!footer) return;
    this.card!.footer = footer;
    const cost = footerCost(footer);
    this.chars += cost.chars;
    this.components += cost.components;
  }
}

function joined(heading: string | undefined, body: string, gap = false): string {
  return heading && body ? `${heading}${gap ? '\n\n' : '\n'}${body}` : (heading ?? body);
}

/**
 * Cards laid out over pages of one message each, in order; each page within `budget`. A card that goes on over a
 * page break opens a new container (same accent) on the next page; its small print closes its last part.
 */
export function layoutCards(cards: readonly Card[], budget: Budget = MESSAGE_BUDGET): LaidPage[] {
  const pages = new Pages(budget);
  for (const card of cards) {
    const { blocks, footer } = blocksOf(card);
    if (!blocks.length && !footer) continue;
    const reserve = footerCost(footer);
    const room = pages.left(reserve);
    // A card starts on this page only with room for its container, a block and a little text.
    const startHere = room.components >= 2 && room.chars >= Math.min(MIN_CHUNK, blocks[0]?.body.length ?? 0);
    pages.open(card.accent, !startHere);
    for (const block of blocks) place(pages, block, reserve, card.accent);
    pages.close(footer);
  }
  return pages.pages.filter((page) => page.length);
}

function place(pages: Pages, block: Block, reserve: Budget, accent: number | undefined): void {
  let heading = block.heading;
  let body = block.body;
  for (let fresh = false; ; fresh = true) {
    const card = pages.card!;
    const left = pages.left(reserve);
    const text = joined(heading, body, block.gap);
    const asNew = left.components >= (card.children.length ? 2 : 1);
    // Without a component left, the text joins the card's last text display.
    const canAppend = !asNew && card.children.length > 0;
    const overhead = asNew ? 0 : 2;
    let placed = false;
    if (asNew || canAppend) {
      if (text.length + overhead <= left.chars) {
        if (asNew) pages.add(text);
        else pages.append(text);
        return;
      }
      const forBody = left.chars - overhead - (heading ? heading.length + 2 : 0);
      // On a page of its own a block takes whatever fits; elsewhere a sliver waits for the next page.
      if (forBody >= MIN_CHUNK || (fresh && forBody > 0)) {
        const chunk = takeChunk(body, forBody);
        const part = joined(heading, chunk.head, block.gap);
        if (asNew) pages.add(part);
        else pages.append(part);
        body = chunk.rest;
        heading = block.continued;
        placed = true;
        if (!body) return;
      }
    }
    if (fresh && !placed) throw new RangeError('a page has no room for a single block');
    pages.open(accent, true);
  }
}

/** The small print, after a divider: a line of subtext, with the link button beside it when there is one. */
function footerComponents(footer: Footer, note: string | undefined): APIComponentInContainer[] {
  const text = [note, footer.text].filter(Boolean).join(' · ');
  const line = textDisplay(`-# ${text || '\u200b'}`);
  const { link } = footer;
  return [separator(), link ? section([line], linkButton(link.label, link.url)) : line];
}

/**
 * A laid-out page as a message's components: its containers, each card's small print where it ends, and `note`
 * (a page number) in the small print of the last container.
 */
export function pageComponents(page: LaidPage, note?: string): APIMessageTopLevelComponent[] {
  return page.map((card, index) => {
    const isLast = index === page.length - 1;
    const noteHere = isLast ? note : undefined;
    const footer = card.footer ?? (noteHere ? { text: '' } : undefined);
    const children = [...card.children, ...(footer ? footerComponents(footer, noteHere) : [])];
    return container(card.accent, children);
  });
}

/** Every page as a message of its own, without page numbers: what the terminal prints one after the other. */
export function cardMessages(cards: readonly Card[], budget: Budget = MESSAGE_BUDGET): MessagePayload[] {
  return layoutCards(cards, budget).map((page) => v2Message(pageComponents(page)));
}
