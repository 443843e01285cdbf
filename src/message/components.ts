/**
 * Components V2 messages as plain discord-api-types JSON: the builders every renderer uses, and what the adapters
 * and the checks read from a message (its components at any depth, its text, its buttons).
 *
 * A V2 message in three lines:
 *
 *   v2Message([container(0x2f6fb3, [textDisplay('## Title'), separator(), textDisplay('**Section**\n• point')])])
 *
 * gives `{ flags: IS_COMPONENTS_V2, components: [...] }`; hold it to V2_LIMITS with render/check.ts.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIComponentInContainer,
  type APIComponentInMessageActionRow,
  type APIContainerComponent,
  type APIEmbed,
  type APIMediaGalleryComponent,
  type APIMessageTopLevelComponent,
  type APISectionComponent,
  type APISeparatorComponent,
  type APITextDisplayComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  SeparatorSpacingSize,
} from 'discord-api-types/v10';
import type { MessagePayload } from './payload.js';

/** The message flag that makes a message Components V2 (1 << 15). */
export const COMPONENTS_V2: number = MessageFlags.IsComponentsV2;

export function isComponentsV2(payload: Pick<MessagePayload, 'flags'>): boolean {
  return ((payload.flags ?? 0) & COMPONENTS_V2) !== 0;
}

export function v2Message(components: APIMessageTopLevelComponent[]): MessagePayload {
  return { flags: COMPONENTS_V2, components };
}

export function textDisplay(content: string): APITextDisplayComponent {
  return { type: ComponentType.TextDisplay, content };
}

/** A divider line (or, with `divider: false`, only space) between blocks. */
export function separator(options: { divider?: boolean; large?: boolean } = {}): APISeparatorComponent {
  return {
    type: ComponentType.Separator,
    divider: options.divider ?? true,
    spacing: options.large ? SeparatorSpacingSize.Large : SeparatorSpacingSize.Small,
  };
}

export function container(
  accentColor: number | undefined,
  components: APIComponentInContainer[],
): APIContainerComponent {
  return {
    type: ComponentType.Container,
    ...(accentColor === undefined ? {} : { accent_color: accentColor }),
    components,
  };
}

/** Text with a button beside it (one to three text displays). */
export function section(
  texts: APITextDisplayComponent[],
  accessory: APIButtonComponent,
): APISectionComponent {
  return { type: ComponentType.Section, components: texts, accessory };
}

export function actionRow(
  buttons: APIComponentInMessageActionRow[],
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: ComponentType.ActionRow, components: buttons };
}

export function button(
  label: string,
  customId: string,
  style: APIButtonComponentWithCustomId['style'] = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label, custom_id: customId, ...(disabled ? { disabled } : {}) };
}

/** Images shown in a message: each an uploaded file (`attachment://<name>`) with its alt text. */
export function mediaGallery(items: { file: string; description?: string }[]): APIMediaGalleryComponent {
  return {
    type: ComponentType.MediaGallery,
    items: items.map((item) => ({
      media: { url: `${ATTACHMENT}${item.file}` },
      ...(item.description ? { description: item.description } : {}),
    })),
  };
}

const ATTACHMENT = 'attachment://';

/** A media gallery's items as read back: the url, the uploaded file it names (if it names one), the alt text. */
export function galleryItems(
  component: AnyComponent,
): { url: string; file: string | undefined; description: string }[] {
  const items = Array.isArray(component.items) ? (component.items as AnyComponent[]) : [];
  return items.map((item) => {
    const url = String((item.media as { url?: unknown } | undefined)?.url ?? '');
    return {
      url,
      file: url.startsWith(ATTACHMENT) ? url.slice(ATTACHMENT.length) : undefined,
      description: typeof item.description === 'string' ? item.description : '',
    };
  });
}

export function linkButton(label: string, url: string): APIButtonComponentWithURL {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label, url };
}

/** Any component as the walkers read it. */
export type AnyComponent = { type: number } & Record<string, unknown>;

/** Calls `visit` for every component of a message, however deeply nested (children, then accessories). */
export function eachComponent(
  components: readonly unknown[] | undefined,
  visit: (component: AnyComponent, depth: number) => void,
  depth = 1,
): void {
  for (const component of components ?? []) {
    if (!component || typeof component !== 'object') continue;
    const node = component as AnyComponent;
    visit(node, depth);
    if (Array.isArray(node.components)) eachComponent(node.components, visit, depth + 1);
    if (node.accessory && typeof node.accessory === 'object')
      eachComponent([node.accessory], visit, depth + 1);
    // A label (modals) wraps one component.
    if (node.component && typeof node.component === 'object')
      eachComponent([node.component], visit, depth + 1);
  }
}

/** Every component counted, nested ones included: what Discord holds to 40. */
export function countComponents(components: readonly unknown[] | undefined): number {
  let count = 0;
  eachComponent(components, () => {
    count++;
  });
  return count;
}

/** The characters of every Text Display, however deep: what Discord holds to 4,000 (UTF-16 units, never fewer). */
export function textLength(components: readonly unknown[] | undefined): number {
  let length = 0;
  eachComponent(components, (component) => {
    if (component.type === ComponentType.TextDisplay && typeof component.content === 'string')
      length += component.content.length;
  });
  return length;
}

/** The contents of every Text Display in reading order. */
export function textsOf(components: readonly unknown[] | undefined): string[] {
  const texts: string[] = [];
  eachComponent(components, (component) => {
    if (component.type === ComponentType.TextDisplay && typeof component.content === 'string')
      texts.push(component.content);
  });
  return texts;
}

/** Every button of a message, in action rows or beside sections, in reading order. */
export function buttonsOf(components: readonly unknown[] | undefined): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  eachComponent(components, (component) => {
    if (component.type === ComponentType.Button) buttons.push(component as unknown as APIButtonComponent);
  });
  return buttons;
}

/** A classic embed as a container: its title as a heading, its text, its fields, its footer as small print. */
function embedAsContainer(embed: APIEmbed): APIContainerComponent {
  const blocks: string[] = [];
  const head = [
    embed.author?.name ? `-# ${embed.author.name}` : '',
    embed.title ? `### ${embed.title}` : '',
    embed.description ?? '',
  ].filter(Boolean);
  if (head.length) blocks.push(head.join('\n'));
  for (const field of embed.fields ?? []) blocks.push(`**${field.name}**\n${field.value}`);
  if (embed.footer?.text) blocks.push(`-# ${embed.footer.text}`);
  return container(embed.color, [textDisplay(blocks.join('\n\n') || '\u200b')]);
}

/**
 * What goes out for a payload. A V2 payload's `content` (a note put in front of it) becomes a Text Display above
 * its components, and embeds (none from the renderers) containers; other payloads are sent as they are.
 */
export function sendable<T extends MessagePayload>(payload: T): T {
  if (!isComponentsV2(payload)) return payload;
  const { content, embeds, ...rest } = payload;
  if (content === undefined && embeds === undefined) return payload;
  const front: APIMessageTopLevelComponent[] = [
    ...(content?.trim() ? [textDisplay(content)] : []),
    ...(embeds ?? []).map(embedAsContainer),
  ];
  return { ...rest, components: [...front, ...(payload.components ?? [])] } as T;
}

/**
 * Any payload as a V2 one: what replaces a V2 message, which can never become a classic message again. Content
 * becomes a Text Display, embeds containers; action rows stay as they are.
 */
export function asComponentsV2<T extends MessagePayload>(payload: T): T {
  if (isComponentsV2(payload)) return sendable(payload);
  return sendable({ ...payload, flags: (payload.flags ?? 0) | COMPONENTS_V2 });
}
