/** Holds a message against Discord's limits: every problem as one readable line, none when it would be accepted. */
import type { APIEmbed } from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import { LIMITS } from '../message/limits.js';
import type { MessagePayload } from '../message/payload.js';
import { linkable } from './format.js';
import { embedLength } from './pack.js';

function over(problems: string[], what: string, length: number, limit: number): void {
  if (length > limit) problems.push(`${what} is ${length} characters (limit ${limit})`);
}

function checkEmbed(embed: APIEmbed, at: string, problems: string[]): void {
  over(problems, `${at} title`, embed.title?.length ?? 0, LIMITS.embedTitle);
  over(problems, `${at} description`, embed.description?.length ?? 0, LIMITS.embedDescription);
  over(problems, `${at} footer`, embed.footer?.text.length ?? 0, LIMITS.footerText);
  over(problems, `${at} author`, embed.author?.name.length ?? 0, LIMITS.authorName);
  // Sent as written, a url with a space or a quote is refused or breaks the link: only the normalised form passes.
  if (embed.url !== undefined && linkable(embed.url) !== embed.url)
    problems.push(`${at} url is not a normalised http(s) link of at most 2,048 characters`);
  if (embed.description === '') problems.push(`${at} description is empty`);
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields)
    problems.push(`${at} has ${fields.length} fields (limit ${LIMITS.embedFields})`);
  fields.forEach((field, index) => {
    const name = `${at} field ${index + 1}`;
    over(problems, `${name} name`, field.name.length, LIMITS.fieldName);
    over(problems, `${name} value`, field.value.length, LIMITS.fieldValue);
    if (!field.name.trim()) problems.push(`${name} has an empty name`);
    if (!field.value.trim()) problems.push(`${name} has an empty value`);
  });
  if (!embed.title && !embed.description && !fields.length && !embed.footer && !embed.author) {
    problems.push(`${at} is empty`);
  }
}

function checkComponents(payload: MessagePayload, problems: string[]): void {
  const rows = payload.components ?? [];
  if (rows.length > LIMITS.actionRows)
    problems.push(`${rows.length} action rows (limit ${LIMITS.actionRows})`);
  const ids = new Set<string>();
  rows.forEach((row, rowIndex) => {
    const buttons = row.components.filter((component) => component.type === ComponentType.Button);
    if (buttons.length > LIMITS.buttonsPerRow) {
      problems.push(`row ${rowIndex + 1} has ${buttons.length} buttons (limit ${LIMITS.buttonsPerRow})`);
    }
    for (const component of row.components) {
      if ('label' in component && component.label !== undefined) {
        over(problems, `button "${component.label}" label`, component.label.length, LIMITS.buttonLabel);
      }
      if ('custom_id' in component) {
        over(problems, `custom_id "${component.custom_id}"`, component.custom_id.length, LIMITS.customId);
        if (ids.has(component.custom_id)) problems.push(`custom_id "${component.custom_id}" is used twice`);
        ids.add(component.custom_id);
      }
    }
  });
}

export function checkMessageLimits(payload: MessagePayload): string[] {
  const problems: string[] = [];
  over(problems, 'content', payload.content?.length ?? 0, LIMITS.content);
  const embeds = payload.embeds ?? [];
  if (embeds.length > LIMITS.embedsPerMessage) {
    problems.push(`${embeds.length} embeds (limit ${LIMITS.embedsPerMessage})`);
  }
  embeds.forEach((embed, index) => {
    checkEmbed(embed, `embed ${index + 1}`, problems);
  });
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  over(problems, 'all embeds together', total, LIMITS.embedTotalChars);
  checkComponents(payload, problems);
  if (!payload.content?.trim() && !embeds.length) problems.push('message has neither content nor embeds');
  return problems;
}
