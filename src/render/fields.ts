/** Sections (a heading and its lines) as embed fields, continued under "(cont.)" names instead of cut. */
import type { APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from '../message/limits.js';
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
  // A heading too long for a field name is repeated at the top of its value, whole unless it runs past a
  // field's worth of text.
  const lines =
    name === fullName ? section.lines : [`**${shorten(fullName, LIMITS.fieldValue - 4)}**`, ...section.lines];
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
