/**
 * Paged answers (party reports, search results, lists): items are sections, spread over pages of one embed
 * each, with Previous/Next buttons that carry the state. Pages depend only on the data, so re-rendering page N
 * after a click shows what the reader expects.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { fieldLength, type Section, sectionFields } from './fields.js';
import { LIMITS } from './limits.js';
import { embedLength } from './pack.js';
import { encodePageId, type PageState } from './page-id.js';
import type { Reply } from './payload.js';
import { oneLine, shorten } from './split.js';

/** Room for one page: well under Discord's 6,000 so a page reads as a screenful, not a wall. */
const PAGE_CHAR_BUDGET = 4500;
/** A header description longer than this moves into the pages as a section of its own. */
const HEADER_DESCRIPTION_MAX = 1000;

export interface PagedView {
  state: Omit<PageState, 'page'>;
  title: string;
  color: number;
  /** A short line or two under the title on every page. */
  description?: string;
  items: readonly Section[] | SectionList;
  /** At most this many fields on a page (search results read better five at a time). */
  fieldsPerPage?: number;
  /** Appended to "Page N/M" in the footer. */
  footerNote?: string;
}

export interface PagedReply {
  payload: Reply;
  /** The page shown, 1-based, after clamping the one asked for. */
  page: number;
  pages: number;
}

/**
 * Sections built on demand, for views of thousands of items (a party named in every briefing): only the page
 * shown is built; `size` measures the others when it can do so without building them.
 */
export interface SectionList {
  count: number;
  at(index: number): Section;
  /** The length of the one field the section makes (name plus value), or undefined to build it and measure. */
  size?(index: number): number | undefined;
}

function listOf(items: readonly Section[] | SectionList): SectionList {
  return Array.isArray(items)
    ? { count: items.length, at: (index) => items[index]! }
    : (items as SectionList);
}

/** One field of a paged view, by the section it comes from; sized without building it when that is cheap. */
interface Slot {
  item: number;
  field: number;
  size: number;
}

/**
 * The size of the one field a short, clean section makes, without building it: a party named in thousands of
 * briefings is measured in microseconds, and only the page shown is built. Undefined when the section needs the
 * full treatment (line breaks, stray spaces, a long name, more than one field).
 */
/** Text that sectionFields would keep as it is: one line, nothing to trim. */
function clean(text: string): boolean {
  return (
    text.length > 0 &&
    !text.includes('\n') &&
    text.charCodeAt(0) > 32 &&
    text.charCodeAt(text.length - 1) > 32
  );
}

function oneFieldSize(section: Section): number | undefined {
  if (!clean(section.name) || section.name.length > LIMITS.fieldName || !section.lines.length)
    return undefined;
  let value = section.lines.length - 1;
  for (const line of section.lines) {
    if (!clean(line)) return undefined;
    value += line.length;
  }
  return value <= LIMITS.fieldValue ? section.name.length + value : undefined;
}

function slotsOf(items: SectionList, built: Map<number, APIEmbedField[]>): Slot[] {
  const slots: Slot[] = [];
  for (let item = 0; item < items.count; item++) {
    const known = items.size?.(item);
    const section = known === undefined ? items.at(item) : undefined;
    const size = known ?? (section && oneFieldSize(section));
    if (size !== undefined) {
      slots.push({ item, field: 0, size });
      continue;
    }
    const fields = sectionFields(section ?? items.at(item));
    built.set(item, fields);
    fields.forEach((field, index) => {
      slots.push({ item, field: index, size: fieldLength(field) });
    });
  }
  return slots;
}

interface Layout {
  key: string;
  pages: Slot[][];
  built: Map<number, APIEmbedField[]>;
}

// A SectionList the caller keeps (a remembered party report) is laid out once: turning its pages is then cheap.
const layouts = new WeakMap<SectionList, Layout>();

function layout(
  given: readonly Section[] | SectionList,
  items: SectionList,
  budget: number,
  perPage: number,
): Layout {
  const key = `${items.count}:${budget}:${perPage}`;
  const reusable = Array.isArray(given) ? undefined : (given as SectionList);
  const known = reusable && layouts.get(reusable);
  if (known?.key === key) return known;
  const built = new Map<number, APIEmbedField[]>();
  const fresh = { key, pages: paginate(slotsOf(items, built), budget, perPage), built };
  if (reusable) layouts.set(reusable, fresh);
  return fresh;
}

/** Sections placed before a list (a full title, a long description), without copying the list. */
function prepend(head: readonly Section[], rest: SectionList): SectionList {
  if (!head.length) return rest;
  return {
    count: head.length + rest.count,
    at: (index) => (index < head.length ? head[index]! : rest.at(index - head.length)),
    size: (index) => (index < head.length ? undefined : rest.size?.(index - head.length)),
  };
}

function paginate(slots: readonly Slot[], budget: number, perPage: number): Slot[][] {
  const pages: Slot[][] = [];
  let current: Slot[] = [];
  let size = 0;
  for (const slot of slots) {
    if (current.length && (current.length >= perPage || size + slot.size > budget)) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(slot);
    size += slot.size;
  }
  pages.push(current);
  return pages;
}

export function pageButtons(
  state: Omit<PageState, 'page'>,
  page: number,
  pages: number,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  // Targets one past the ends are still distinct ids (Discord rejects duplicates); the buttons are disabled.
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Previous',
        custom_id: encodePageId({ ...state, page: page - 1 }),
        disabled: page <= 1,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Next',
        custom_id: encodePageId({ ...state, page: page + 1 }),
        disabled: page >= pages,
      },
    ],
  };
}

/** Page `page` (1-based, clamped) of a paged view; a view that fits one page gets no buttons. */
export function renderPage(view: PagedView, page: number): PagedReply {
  const head: Section[] = [];
  const fullTitle = oneLine(view.title);
  const title = shorten(fullTitle, LIMITS.embedTitle);
  if (title !== fullTitle) head.push({ name: 'Title', lines: [fullTitle] });
  let description = view.description?.trim();
  if (description && description.length > HEADER_DESCRIPTION_MAX) {
    head.push({ name: 'About', lines: description.split('\n') });
    description = undefined;
  }
  const items = prepend(head, listOf(view.items));
  const footerFor = (n: number, of: number) =>
    [`Page ${n}/${of}`, view.footerNote].filter(Boolean).join(' · ');
  const header: APIEmbed = {
    title,
    ...(description ? { description } : {}),
    footer: { text: footerFor(99999, 99999) },
  };
  const budget = Math.min(PAGE_CHAR_BUDGET, LIMITS.embedTotalChars - embedLength(header));
  const perPage = Math.min(view.fieldsPerPage ?? LIMITS.embedFields, LIMITS.embedFields);
  const { pages, built } = layout(view.items, items, budget, perPage);
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  const fieldOf = (slot: Slot) => {
    let fields = built.get(slot.item);
    if (!fields) {
      fields = sectionFields(items.at(slot.item));
      built.set(slot.item, fields);
    }
    return fields[slot.field]!;
  };
  const fields = (pages[current - 1] ?? []).map(fieldOf);
  const embed: APIEmbed = { color: view.color, title, ...(description ? { description } : {}) };
  if (fields.length) embed.fields = fields;
  const footer = pages.length > 1 ? footerFor(current, pages.length) : view.footerNote;
  if (footer) embed.footer = { text: footer };
  const payload: Reply = { embeds: [embed] };
  if (pages.length > 1) payload.components = [pageButtons(view.state, current, pages.length)];
  return { payload, page: current, pages: pages.length };
}
