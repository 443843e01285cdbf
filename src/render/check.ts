/** Holds a message against Discord's limits: every problem as one readable line, none when it would be accepted. */
import type { APIEmbed } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import {
  type AnyComponent,
  countComponents,
  eachComponent,
  galleryItems,
  isComponentsV2,
  sendable,
  textLength,
} from '../message/components.js';
import { LIMITS, V2_LIMITS } from '../message/limits.js';
import type { MessagePayload } from '../message/payload.js';
import { linkable } from './format.js';

function over(problems: string[], what: string, length: number, limit: number): void {
  if (length > limit) problems.push(`${what} is ${length} characters (limit ${limit})`);
}

function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
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

/** What each kind of component may hold directly (Components V2); buttons and text displays hold nothing. */
const CHILDREN: Partial<Record<number, readonly number[]>> = {
  [ComponentType.Container]: [
    ComponentType.ActionRow,
    ComponentType.MediaGallery,
    ComponentType.TextDisplay,
    ComponentType.Section,
    ComponentType.Separator,
  ],
  [ComponentType.Section]: [ComponentType.TextDisplay],
  [ComponentType.ActionRow]: [ComponentType.Button],
};
const TOP_LEVEL: readonly number[] = [
  ComponentType.ActionRow,
  ComponentType.Container,
  ComponentType.MediaGallery,
  ComponentType.Section,
  ComponentType.Separator,
  ComponentType.TextDisplay,
];

function isAccent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= V2_LIMITS.accentColorMax
  );
}

function checkButton(component: AnyComponent, ids: Set<string>, problems: string[]): void {
  const label = typeof component.label === 'string' ? component.label : '';
  over(problems, `button "${label}" label`, label.length, LIMITS.buttonLabel);
  if (component.style === ButtonStyle.Link) {
    const url = typeof component.url === 'string' ? component.url : '';
    if ('custom_id' in component) problems.push(`link button "${label}" has a custom_id`);
    if (!url || linkable(url) !== url || url.length > V2_LIMITS.linkUrl)
      problems.push(`link button "${label}" url is not a normalised http(s) link of at most 512 characters`);
    return;
  }
  const customId = typeof component.custom_id === 'string' ? component.custom_id : '';
  if (!customId) problems.push(`button "${label}" has no custom_id`);
  over(problems, `custom_id "${customId}"`, customId.length, LIMITS.customId);
  if (ids.has(customId)) problems.push(`custom_id "${customId}" is used twice`);
  ids.add(customId);
}

/** A gallery's items: 1 to 10, each an uploaded file of the message with alt text within the limit. */
function checkGallery(component: AnyComponent, files: ReadonlySet<string>, problems: string[]): void {
  const items = galleryItems(component);
  if (!items.length || items.length > V2_LIMITS.galleryItems)
    problems.push(`a media gallery has ${items.length} items (1 to ${V2_LIMITS.galleryItems})`);
  for (const { url, file, description } of items) {
    if (file === undefined || !files.has(file))
      problems.push(`a media gallery shows "${url}", which is not a file of the message`);
    over(problems, 'a media item description', description.length, V2_LIMITS.mediaDescription);
  }
}

/** The files of a message: how many, how large together, and each one shown (a V2 message shows no other). */
function checkFiles(payload: MessagePayload, shown: ReadonlySet<string>, problems: string[]): void {
  const files = payload.files ?? [];
  if (files.length > V2_LIMITS.filesPerMessage)
    problems.push(`${files.length} files (limit ${V2_LIMITS.filesPerMessage})`);
  const bytes = files.reduce((sum, file) => sum + file.data.length, 0);
  if (bytes > V2_LIMITS.uploadBytes)
    problems.push(`files of ${bytes} bytes (limit ${V2_LIMITS.uploadBytes})`);
  for (const file of files) {
    if (!/^[\w.-]+$/.test(file.name))
      problems.push(`file name "${file.name}" has characters Discord changes`);
    if (isComponentsV2(payload) && !shown.has(file.name))
      problems.push(`file "${file.name}" is uploaded but no component shows it`);
    over(
      problems,
      `file "${file.name}" description`,
      file.description?.length ?? 0,
      V2_LIMITS.mediaDescription,
    );
  }
}

/** The names the message's galleries show. */
function shownFiles(components: readonly unknown[]): Set<string> {
  const shown = new Set<string>();
  eachComponent(components, (component) => {
    if (component.type !== ComponentType.MediaGallery) return;
    for (const { file } of galleryItems(component)) if (file !== undefined) shown.add(file);
  });
  return shown;
}

/** The structure of every component, however deep: what holds what, buttons, text displays. */
function checkTree(
  components: readonly unknown[],
  v2: boolean,
  problems: string[],
  files: ReadonlySet<string> = new Set(),
): void {
  const ids = new Set<string>();
  const visit = (list: readonly unknown[], parent: number | undefined, depth: number) => {
    list.forEach((raw) => {
      const component = raw as AnyComponent;
      const allowed = parent === undefined ? (v2 ? TOP_LEVEL : [ComponentType.ActionRow]) : CHILDREN[parent];
      if (!allowed?.includes(component.type))
        problems.push(
          `component type ${component.type} cannot be ${parent === undefined ? 'at the top' : `in type ${parent}`}`,
        );
      if (depth > V2_LIMITS.depth) problems.push(`component type ${component.type} is nested ${depth} deep`);
      const children = Array.isArray(component.components) ? component.components : [];
      switch (component.type) {
        case ComponentType.Button:
          checkButton(component, ids, problems);
          break;
        case ComponentType.TextDisplay: {
          const content = typeof component.content === 'string' ? component.content : '';
          if (!content.trim()) problems.push('a text display is empty');
          over(problems, 'a text display', content.length, V2_LIMITS.textDisplay);
          break;
        }
        case ComponentType.MediaGallery:
          checkGallery(component, files, problems);
          break;
        case ComponentType.ActionRow:
          if (!children.length || children.length > LIMITS.buttonsPerRow)
            problems.push(`an action row has ${children.length} buttons (1 to ${LIMITS.buttonsPerRow})`);
          break;
        case ComponentType.Section: {
          if (!children.length || children.length > V2_LIMITS.textsPerSection)
            problems.push(
              `a section has ${children.length} text displays (1 to ${V2_LIMITS.textsPerSection})`,
            );
          const accessory = component.accessory as AnyComponent | undefined;
          if (accessory?.type !== ComponentType.Button) problems.push('a section has no button beside it');
          else checkButton(accessory, ids, problems);
          break;
        }
        case ComponentType.Container:
          if (!children.length) problems.push('a container is empty');
          if (!isAccent(component.accent_color))
            problems.push('a container accent colour is not an RGB number');
          break;
      }
      visit(children, component.type, depth + 1);
    });
  };
  visit(components, undefined, 1);
}

/** A V2 message as it goes out: any note in front already a text display (see `sendable`). */
function checkV2(payload: MessagePayload, problems: string[]): void {
  const components = payload.components ?? [];
  if (!components.length) problems.push('message has no components');
  const count = countComponents(components);
  if (count > V2_LIMITS.componentsPerMessage)
    problems.push(`${count} components (limit ${V2_LIMITS.componentsPerMessage})`);
  over(problems, 'the text of all text displays', textLength(components), V2_LIMITS.textPerMessage);
  checkTree(components, true, problems, new Set((payload.files ?? []).map((file) => file.name)));
  checkFiles(payload, shownFiles(components), problems);
}

function checkClassic(payload: MessagePayload, problems: string[]): void {
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
  const rows = payload.components ?? [];
  if (rows.length > LIMITS.actionRows)
    problems.push(`${rows.length} action rows (limit ${LIMITS.actionRows})`);
  checkTree(rows, false, problems);
  checkFiles(payload, new Set(), problems);
  if (!payload.content?.trim() && !embeds.length && !payload.files?.length)
    problems.push('message has neither content nor embeds');
}

/** Every limit the message breaks, as it goes out (a V2 payload's note in front included: see `sendable`). */
export function checkMessageLimits(payload: MessagePayload): string[] {
  const problems: string[] = [];
  if (isComponentsV2(payload)) checkV2(sendable({ ...payload }), problems);
  else checkClassic(payload, problems);
  return problems;
}
