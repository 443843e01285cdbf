/**
 * The state of a paged answer, carried in its buttons' custom_id so a click can re-render any page without
 * the bot remembering anything: `page:<view>:<owner>:<page>:<section>:<query>`.
 */
import { SECTION_KEYS, type SectionKey } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import { truncateUnits } from './split.js';

/**
 * `briefing`: one briefing, by a key of its id (see briefing-key.ts); `day`: the briefings of one YYYY-MM-DD;
 * `stance` and `coverage`: a known party's, by its key; `versus`: two parties' keys (see versusQuery).
 */
export const PAGE_VIEWS = [
  'party',
  'search',
  'list',
  'briefing',
  'day',
  'stance',
  'coverage',
  'versus',
] as const;
export type PageView = (typeof PAGE_VIEWS)[number];

export interface PageState {
  view: PageView;
  /** The user who asked: only they may turn the pages. */
  owner: string;
  /** 1-based; a button may point one past either end (it is then disabled), so readers clamp it. */
  page: number;
  /** What to ask again: a party's or a question's key, a briefing's key, a date; empty for the list. */
  query: string;
  section?: SectionKey;
}

const PREFIX = 'page';

/**
 * The query is the last part and is cut to whatever room the other parts leave, so an id never exceeds 100
 * characters. A cut query would ask a different question when the page is turned: callers pass a short key
 * instead of anything longer than KEY_MAX (src/short-key.ts), which always fits, so nothing is cut.
 */
export function encodePageId(state: PageState): string {
  // Owner ids are snowflakes; encoding keeps a stray ':' from shifting the parts.
  const fixed = [
    PREFIX,
    state.view,
    encodeURIComponent(state.owner),
    String(state.page),
    state.section ?? '',
  ];
  const head = `${fixed.join(':')}:`;
  if (head.length > LIMITS.customId) throw new RangeError(`page id for owner "${state.owner}" is too long`);
  return head + truncateUnits(state.query, LIMITS.customId - head.length);
}

function isView(value: string): value is PageView {
  return (PAGE_VIEWS as readonly string[]).includes(value);
}

function isSection(value: string): value is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(value);
}

/** The state in a custom_id, or null when it is not one of ours (or from an older, different format). */
export function decodePageId(customId: string): PageState | null {
  const parts = customId.split(':');
  if (parts.length < 6 || parts[0] !== PREFIX) return null;
  const [, view = '', owner = '', page = '', section = ''] = parts;
  const sectionKey = isSection(section) ? section : undefined;
  if (!isView(view) || !/^\d{1,6}$/.test(page) || (section && !sectionKey)) return null;
  let decodedOwner: string;
  try {
    decodedOwner = decodeURIComponent(owner);
  } catch {
    return null;
  }
  if (!decodedOwner) return null;
  const state: PageState = { view, owner: decodedOwner, page: Number(page), query: parts.slice(5).join(':') };
  if (sectionKey) state.section = sectionKey;
  return state;
}
