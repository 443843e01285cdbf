/**
 * Paged answers (party reports, search results, lists): items are sections, spread over pages of one container
 * each (a heading, the items as blocks of text, the page number in small print), with Previous/Next buttons that
 * carry the state. Pages depend only on the data, so re-rendering page N after a click shows what the reader
 * expects.
 */
import {
  type APIActionRowComponent,
  type APIComponentInContainer,
  type APIComponentInMessageActionRow,
  ButtonStyle,
} from 'discord-api-types/v10';
import { actionRow, button, container, separator, textDisplay, v2Message } from '../message/components.js';
import type { Reply } from '../message/payload.js';
import { type Budget, MESSAGE_BUDGET } from './card.js';
import {
  CHUNK_MAX,
  CHUNK_OVERHEAD,
  chunkLength,
  chunkText,
  SECTION_NAME_MAX,
  type Section,
  type SectionChunk,
  sectionChunks,
} from './fields.js';
import { TITLE_MAX } from './format.js';
import { encodePageId, type PageState } from './page-id.js';
import { oneLine, shorten } from './split.js';

/** What the Previous/Next row costs a message. */
export const PAGE_BUTTONS_COST: Budget = { chars: 0, components: 3 };
/** At most this many items on a page, each a text display of its own. */
const ITEMS_PER_PAGE_MAX = 25;
/** The container, its heading, the dividers around the items and the small print. */
const FRAME_COMPONENTS = 5;

/** A header description longer than this moves into the pages as a section of its own. */
const HEADER_DESCRIPTION_MAX = 1000;

export interface PagedView {
  state: Omit<PageState, 'page'>;
  title: string;
  color: number;
  /** A short line or two under the title on every page. */
  description?: string;
  items: readonly Section[] | SectionList | OpenSectionList;
  /** At most this many items on a page (search results read better five at a time). */
  itemsPerPage?: number;
  /** Appended to "Page N/M" in the small print. */
  footerNote?: string;
  /** Sections shown before the items, on the first page (a summary of what follows). */
  lead?: readonly Section[];
  /** Rows of buttons under the page buttons, on every page (other views of the same thing). */
  actions?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
  /**
   * The items are one page of a longer list the caller pages itself (an archive read a page at a time): they are
   * shown as page `page` of `pages`. They must fit on one page.
   */
  window?: { page: number; pages: number };
}

export interface PagedReply {
  payload: Reply;
  /** The page shown, 1-based, after clamping the one asked for. */
  page: number;
  /** How many pages there are; for an open view not read to its end, how many are known so far (see open). */
  pages: number;
  /** The view was read only as far as the page shown, and goes on: how many pages it has is not known yet. */
  open?: true;
}

/**
 * Sections built on demand, for views of thousands of items (a party named in every briefing): only the page
 * shown is built; `size` measures the others when it can do so without building them.
 */
export interface SectionList {
  count: number;
  at(index: number): Section;
  /** The length of the one chunk the section makes (name plus value), or undefined to build it and measure. */
  size?(index: number): number | undefined;
}

/**
 * Sections whose number is not known up front (statements naming a word most briefings hold): the view is read
 * only as far as the page shown, and says how many pages it has once a reader gets to the last.
 */
export interface OpenSectionList {
  /** Whether there is a section at `index`: finds out by reading that far. */
  has(index: number): boolean;
  at(index: number): Section;
  size?(index: number): number | undefined;
}

type Items = PagedView['items'];

/** Any of those as the layout reads them. */
interface Sections {
  has(index: number): boolean;
  at(index: number): Section;
  size?(index: number): number | undefined;
  open: boolean;
}

function sectionsOf(items: Items): Sections {
  if (Array.isArray(items)) {
    const list = items as readonly Section[];
    return { has: (index) => index < list.length, at: (index) => list[index]!, open: false };
  }
  if ('count' in items) {
    const list = items as SectionList;
    return {
      has: (index) => index < list.count,
      at: (index) => list.at(index),
      size: (index) => list.size?.(index),
      open: false,
    };
  }
  const list = items as OpenSectionList;
  return {
    has: (index) => list.has(index),
    at: (index) => list.at(index),
    size: (index) => list.size?.(index),
    open: true,
  };
}

/** One chunk of a paged view, by the section it comes from; sized without building it when that is cheap. */
interface Slot {
  item: number;
  field: number;
  size: number;
}

/** Text that sectionChunks would keep as it is: one line, nothing to trim. */
function clean(text: string): boolean {
  return (
    text.length > 0 &&
    !text.includes('\n') &&
    text.charCodeAt(0) > 32 &&
    text.charCodeAt(text.length - 1) > 32
  );
}

/**
 * The size (name plus value) of the one chunk a short, clean section makes, without building it: a party named in
 * thousands of briefings is measured in microseconds, and only the page shown is built. Undefined when the section
 * needs the full treatment (line breaks, stray spaces, a long name, more than one chunk).
 */
function oneChunkSize(section: Section): number | undefined {
  if (!clean(section.name) || section.name.length > SECTION_NAME_MAX || !section.lines.length)
    return undefined;
  let value = section.lines.length - 1;
  for (const line of section.lines) {
    if (!clean(line)) return undefined;
    value += line.length;
  }
  return value <= CHUNK_MAX ? section.name.length + value : undefined;
}

/** The chunks one section makes, as slots; the chunks are kept in `built` when they had to be built to measure. */
function slotsOf(items: Sections, item: number, built: Map<number, SectionChunk[]>): Slot[] {
  const known = items.size?.(item);
  const section = known === undefined ? items.at(item) : undefined;
  const size = known ?? (section && oneChunkSize(section));
  if (size !== undefined) return [{ item, field: 0, size: size + CHUNK_OVERHEAD }];
  const chunks = sectionChunks(section ?? items.at(item));
  built.set(item, chunks);
  return chunks.map((chunk, index) => ({ item, field: index, size: chunkLength(chunk) }));
}

/** Where the sections fall on pages, worked out only as far as asked and carried on from there next time. */
class Layout {
  readonly pages: Slot[][] = [];
  readonly built = new Map<number, SectionChunk[]>();
  /** Every section is placed: `pages` are all the pages there are. */
  complete = false;
  private next = 0;
  private used = 0;

  constructor(
    readonly key: string,
    private readonly items: Sections,
    private readonly budget: number,
    private readonly perPage: number,
  ) {}

  /** Places sections until page `page` (1-based) is followed by another, or there are no more. */
  through(page: number): void {
    while (!this.complete && this.pages.length <= page) {
      if (!this.items.has(this.next)) this.complete = true;
      else for (const slot of slotsOf(this.items, this.next++, this.built)) this.place(slot);
    }
  }

  private place(slot: Slot): void {
    const current = this.pages.at(-1);
    if (current && current.length < this.perPage && this.used + slot.size <= this.budget) {
      current.push(slot);
      this.used += slot.size;
    } else {
      this.pages.push([slot]);
      this.used = slot.size;
    }
  }
}

// A list the caller keeps (a remembered party report) is laid out once: turning its pages is then cheap.
const layouts = new WeakMap<SectionList | OpenSectionList, Layout>();

function layoutOf(given: Items, items: Sections, head: string, budget: number, perPage: number): Layout {
  const reusable = Array.isArray(given) ? undefined : (given as SectionList | OpenSectionList);
  const key = `${head}:${reusable && 'count' in reusable ? reusable.count : '?'}:${budget}:${perPage}`;
  const known = reusable && layouts.get(reusable);
  if (known?.key === key) return known;
  const fresh = new Layout(key, items, budget, perPage);
  if (reusable) layouts.set(reusable, fresh);
  return fresh;
}

/** Sections placed before a list (a full title, a long description), without copying the list. */
function prepend(head: readonly Section[], rest: Sections): Sections {
  if (!head.length) return rest;
  return {
    has: (index) => index < head.length || rest.has(index - head.length),
    at: (index) => (index < head.length ? head[index]! : rest.at(index - head.length)),
    size: (index) => (index < head.length ? undefined : rest.size?.(index - head.length)),
    open: rest.open,
  };
}

export function pageButtons(
  state: Omit<PageState, 'page'>,
  page: number,
  pages: number,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  // Targets one past the ends are still distinct ids (Discord rejects duplicates); the buttons are disabled.
  return actionRow([
    {
      ...button('Previous', encodePageId({ ...state, page: page - 1 }), ButtonStyle.Secondary),
      disabled: page <= 1,
    },
    {
      ...button('Next', encodePageId({ ...state, page: page + 1 }), ButtonStyle.Secondary),
      disabled: page >= pages,
    },
  ]);
}

/**
 * Page `page` (1-based, clamped) of a paged view; a view that fits one page gets no buttons. An open list is read
 * only as far as that page: its small print gives the page's number alone until the last page is reached.
 */
export function renderPage(view: PagedView, page: number): PagedReply {
  const head: Section[] = [...(view.lead ?? [])];
  const fullTitle = oneLine(view.title);
  const title = shorten(fullTitle, TITLE_MAX);
  if (title !== fullTitle) head.push({ name: 'Title', lines: [fullTitle] });
  let description = view.description?.trim();
  if (description && description.length > HEADER_DESCRIPTION_MAX) {
    head.push({ name: 'About', lines: description.split('\n') });
    description = undefined;
  }
  const items = prepend(head, sectionsOf(view.items));
  const footerFor = (n: number, of: number | undefined) =>
    [of === undefined ? `Page ${n}` : `Page ${n}/${of}`, view.footerNote].filter(Boolean).join(' · ');
  const heading = `## ${title}${description ? `\n${description}` : ''}`;
  const budget = MESSAGE_BUDGET.chars - heading.length - `-# ${footerFor(99999, 99999)}`.length;
  const actions = view.actions ?? [];
  const actionComponents = actions.reduce((sum, row) => sum + 1 + row.components.length, 0);
  const perPage = Math.min(
    view.itemsPerPage ?? ITEMS_PER_PAGE_MAX,
    ITEMS_PER_PAGE_MAX,
    MESSAGE_BUDGET.components - FRAME_COMPONENTS - PAGE_BUTTONS_COST.components - actionComponents,
  );
  // The sections before the items, by number and size: a layout made with other ones is not reused.
  const headKey = `${head.length}/${head.reduce((sum, one) => sum + one.name.length + one.lines.join('\n').length, 0)}`;
  const layout = layoutOf(view.items, items, headKey, budget, perPage);
  const wanted = view.window ? 1 : Math.max(1, Math.trunc(page) || 1);
  layout.through(items.open ? wanted : Number.POSITIVE_INFINITY);
  const { pages, built } = layout;
  const laidOut = Math.min(wanted, Math.max(1, pages.length));
  const current = view.window ? view.window.page : laidOut;
  // Known once every section is placed; until then there is at least the page after this one.
  const total = view.window ? view.window.pages : layout.complete ? Math.max(1, pages.length) : undefined;
  const chunkOf = (slot: Slot) => {
    let chunks = built.get(slot.item);
    if (!chunks) {
      chunks = sectionChunks(items.at(slot.item));
      built.set(slot.item, chunks);
    }
    return chunks[slot.field]!;
  };
  const blocks = (pages[laidOut - 1] ?? []).map((slot) => textDisplay(chunkText(chunkOf(slot))));
  const children: APIComponentInContainer[] = [textDisplay(heading)];
  if (blocks.length) children.push(separator(), ...blocks);
  const footer = total === 1 ? view.footerNote : footerFor(current, total);
  if (footer) children.push(separator(), textDisplay(`-# ${footer}`));
  const payload: Reply = v2Message([container(view.color, children)]);
  if (total !== 1) payload.components!.push(pageButtons(view.state, current, total ?? current + 1));
  payload.components!.push(...actions);
  return total === undefined
    ? { payload, page: current, pages: pages.length, open: true }
    : { payload, page: current, pages: total };
}
