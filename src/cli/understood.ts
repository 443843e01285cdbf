/** What `briefings import` understood of a brief, for the editor to compare with what they pasted. */
import { LIST_FIELDS, TEXT_FIELDS } from '../briefing/metadata.js';
import { type Briefing, formatProblem, SECTION_KEYS, SECTION_LABELS } from '../briefing/model.js';
import type { ParseResult } from '../briefing/parse.js';
import { formatDropped } from './dropped.js';

const FORMAT_NAMES = {
  markdown: 'a markdown briefing',
  brief: 'a plain-text brief',
  json: 'a JSON briefing',
};
const bullets = (count: number) => (count === 0 ? 'none' : `${count} bullet(s)`);

/** Fields, each section with its bullet count, parties, then warnings and dropped lines. */
export function understoodLines(
  file: string,
  result: ParseResult & { briefing: Briefing },
  detected: readonly string[],
): string[] {
  const { briefing } = result;
  const lines = [`${file}: read as ${FORMAT_NAMES[briefing.format]}`];
  lines.push(`  title: ${briefing.title}`);
  lines.push(`  date: ${briefing.date}`);
  lines.push(`  summary: ${briefing.summary.length} character(s)`);
  for (const key of SECTION_KEYS)
    lines.push(`  ${SECTION_LABELS[key]}: ${bullets(briefing.sections[key].length)}`);
  for (const other of briefing.sections.other ?? [])
    lines.push(`  ${other.heading}: ${bullets(other.items.length)}`);
  lines.push(`  source: ${briefing.source ? briefing.source.name : 'none'}`);
  // Every metadata field as it was read; parties get their own lines, with those found in the text.
  for (const field of TEXT_FIELDS) {
    const text = briefing[field];
    if (text) lines.push(`  ${field}: ${oneLine(text)}`);
  }
  for (const field of LIST_FIELDS) {
    if (field !== 'parties' && briefing[field].length > 0)
      lines.push(`  ${field}: ${briefing[field].join(', ')}`);
  }
  lines.push(`  parties declared: ${briefing.parties.join(', ') || 'none'}`);
  lines.push(`  parties detected: ${detected.join(', ') || 'none'}`);
  lines.push(...result.problems.map(formatProblem));
  if (result.dropped.length > 0) {
    lines.push(`Lines that went into no field or section (${result.dropped.length}):`);
    for (const dropped of result.dropped) lines.push(`  ${formatDropped(dropped)}`);
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
