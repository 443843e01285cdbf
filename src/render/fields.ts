/** Sections (a heading and its lines) as embed fields, continued under "(cont.)" names instead of cut. */
import type { APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from './limits.js';
import { oneLine, packLines, shorten } from './split.js';

export interface Section {
  name: string;
  lines: readonly string[];
  inline?: boolean;
}

const CONTINUED = ' (cont.)';

export function sectionFields(section: Section): APIEmbedField[] {
  const fullName = oneLine(section.name) || '—';
  const name = shorten(fullName, LIMITS.fieldName);
  // A heading too long for a field name is repeated whole at the top of its value, so nothing is lost.
  const lines = name === fullName ? section.lines : [`**${fullName}**`, ...section.lines];
  const continuedName = `${shorten(fullName, LIMITS.fieldName - CONTINUED.length)}${CONTINUED}`;
  return packLines(lines, LIMITS.fieldValue).map((value, index) => ({
    name: index === 0 ? name : continuedName,
    value,
    ...(section.inline ? { inline: true } : {}),
  }));
}

export function fieldLength(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}
