/** A briefing as plain JSON: what `briefings parse --json` prints, and what a `.json` briefing file holds. */
import type { Briefing } from './model.js';

export function briefingToJson(b: Briefing): object {
  const sections: Record<string, unknown> = {
    whatHappened: b.sections.whatHappened,
    whyItMatters: b.sections.whyItMatters,
    implications: b.sections.implications,
  };
  if (b.sections.other && b.sections.other.length > 0) sections.other = b.sections.other;
  return {
    id: b.id,
    title: b.title,
    ...(b.subtitle ? { subtitle: b.subtitle } : {}),
    date: b.date,
    summary: b.summary,
    sections,
    source: b.source,
    author: b.author,
    tags: b.tags,
    parties: b.parties,
  };
}
