/** The file an imported briefing is saved as: `YYYY-MM-DD-<slug>.md`, the slug made from the title. */
import type { Briefing } from '../briefing/model.js';
import { fold } from '../party/fold.js';

const MAX_SLUG = 60;

/** Lower-case ASCII letters, digits and dashes only, so the name can never leave the folder. */
export function titleSlug(title: string): string {
  const slug = fold(title)
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || 'briefing';
  // Cut at a word boundary when there is one in the second half, so the name does not end mid-word.
  const cut = slug.slice(0, MAX_SLUG + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > MAX_SLUG / 2 ? cut.slice(0, dash) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

export function briefingFileName(briefing: Briefing): string {
  return `${briefing.date}-${titleSlug(briefing.title)}.md`;
}
