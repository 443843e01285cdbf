/** A briefing as plain JSON: what `briefings parse --json` prints, and what a `.json` briefing file holds. */
import { LIST_FIELDS, LIST_METADATA, TEXT_FIELDS, TEXT_METADATA } from './metadata.js';
import type { Briefing } from './model.js';

export function briefingToJson(b: Briefing): object {
  const sections: Record<string, unknown> = {
    whatHappened: b.sections.whatHappened,
    whyItMatters: b.sections.whyItMatters,
    implications: b.sections.implications,
  };
  if (b.sections.other && b.sections.other.length > 0) sections.other = b.sections.other;
  const json: Record<string, unknown> = {
    id: b.id,
    title: b.title,
    date: b.date,
    summary: b.summary,
    sections,
  };
  json.source = b.source;
  // Metadata under its first key, as a reader of the file would write it; absent text is left out.
  for (const field of TEXT_FIELDS) {
    if (b[field]) json[TEXT_METADATA[field].keys[0]] = b[field];
  }
  for (const field of LIST_FIELDS) json[LIST_METADATA[field].keys[0]] = b[field];
  return json;
}
