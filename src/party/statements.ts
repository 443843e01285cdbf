/**
 * What a briefing states, one citable unit at a time: the summary's sentences, each item of each section
 * (a long paragraph item sentence by sentence), with the label of the section it comes from.
 */
import { type Briefing, SECTION_KEYS, sectionLabel } from '../briefing/model.js';
import { splitSentences } from '../text/sentences.js';

export interface Statement {
  section: string;
  text: string;
}

/** Items up to this long are cited whole, as a bullet is; longer ones are paragraphs, cited by sentence. */
export const WHOLE_ITEM_LIMIT = 320;

function itemStatements(item: string, section: string, into: Statement[]): void {
  const text = item.trim();
  if (!text) return;
  if (text.length <= WHOLE_ITEM_LIMIT) into.push({ section, text });
  else for (const sentence of splitSentences(text)) into.push({ section, text: sentence });
}

export function statementsOf(briefing: Briefing): Statement[] {
  const statements: Statement[] = [];
  const summary = sectionLabel('summary');
  for (const sentence of splitSentences(briefing.summary))
    statements.push({ section: summary, text: sentence });
  for (const key of SECTION_KEYS) {
    const label = sectionLabel(key);
    for (const item of briefing.sections[key]) itemStatements(item, label, statements);
  }
  for (const extra of briefing.sections.other ?? []) {
    const label = sectionLabel({ heading: extra.heading });
    for (const item of extra.items) itemStatements(item, label, statements);
  }
  return statements;
}
