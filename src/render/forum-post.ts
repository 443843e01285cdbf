/** A digest posted in a forum or media channel: the post's title, for the day the digest belongs to. */
import { formatDate } from './format.js';

/** "Briefing digest · 5 Jan 2026" for 2026-01-05: the date as readers write it. */
export function forumPostTitle(localDate: string): string {
  return `Briefing digest · ${formatDate(localDate)}`;
}
