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
  items: readonly Section[];
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

function paginate(fields: readonly APIEmbedField[], budget: number, perPage: number): APIEmbedField[][] {
  const pages: APIEmbedField[][] = [];
  let current: APIEmbedField[] = [];
  let size = 0;
  for (const field of fields) {
    if (current.length && (current.length >= perPage || size + fieldLength(field) > budget)) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(field);
    size += fieldLength(field);
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
  const items = [...view.items];
  const fullTitle = oneLine(view.title);
  const title = shorten(fullTitle, LIMITS.embedTitle);
  if (title !== fullTitle) items.unshift({ name: 'Title', lines: [fullTitle] });
  let description = view.description?.trim();
  if (description && description.length > HEADER_DESCRIPTION_MAX) {
    items.unshift({ name: 'About', lines: description.split('\n') });
    description = undefined;
  }
  const footerFor = (n: number, of: number) =>
    [`Page ${n}/${of}`, view.footerNote].filter(Boolean).join(' · ');
  const header: APIEmbed = {
    title,
    ...(description ? { description } : {}),
    footer: { text: footerFor(99999, 99999) },
  };
  const budget = Math.min(PAGE_CHAR_BUDGET, LIMITS.embedTotalChars - embedLength(header));
  const perPage = Math.min(view.fieldsPerPage ?? LIMITS.embedFields, LIMITS.embedFields);
  const pages = paginate(items.flatMap(sectionFields), budget, perPage);
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  const fields = pages[current - 1] ?? [];
  const embed: APIEmbed = { color: view.color, title, ...(description ? { description } : {}) };
  if (fields.length) embed.fields = fields;
  const footer = pages.length > 1 ? footerFor(current, pages.length) : view.footerNote;
  if (footer) embed.footer = { text: footer };
  const payload: Reply = { embeds: [embed] };
  if (pages.length > 1) payload.components = [pageButtons(view.state, current, pages.length)];
  return { payload, page: current, pages: pages.length };
}
