/**
 * What a reader sees of a message, for tests: its text (content, text displays at any depth, and the embeds of a
 * classic message), its headings, its small print and its buttons. Takes what the renderers build and what the
 * fake Discord records alike (plain JSON), so assertions read as the message reads rather than as its JSON.
 */

type Json = Record<string, unknown>;

/** A message as the renderers build it or as a request body carries it. */
export type MessageLike = unknown;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function walk(components: unknown, visit: (component: Json) => void): void {
  for (const component of asArray(components)) {
    if (!isObject(component)) continue;
    visit(component);
    walk(component.components, visit);
    if (isObject(component.accessory)) walk([component.accessory], visit);
  }
}

/** Every block of text in reading order: content, then embeds (title, description, fields, footer), then text displays. */
export function blocksOf(message: MessageLike): string[] {
  if (!isObject(message)) return [];
  const blocks: string[] = [];
  if (typeof message.content === 'string' && message.content) blocks.push(message.content);
  for (const embed of asArray(message.embeds).filter(isObject)) {
    const author = isObject(embed.author) ? embed.author.name : undefined;
    const footer = isObject(embed.footer) ? embed.footer.text : undefined;
    for (const part of [author, embed.title, embed.description])
      if (typeof part === 'string') blocks.push(part);
    for (const field of asArray(embed.fields).filter(isObject)) blocks.push(`${field.name}\n${field.value}`);
    if (typeof footer === 'string') blocks.push(footer);
  }
  walk(message.components, (component) => {
    if (component.type === 10 && typeof component.content === 'string') blocks.push(component.content);
  });
  return blocks;
}

/** All the text of one message or several, as written (markdown kept), blocks on lines of their own. */
export function textOf(messages: MessageLike | readonly MessageLike[]): string {
  const list = Array.isArray(messages) ? messages : [messages];
  return list.flatMap(blocksOf).join('\n');
}

/** The same with whitespace collapsed: for finding a phrase or a bullet whatever block it ended up in. */
export function visibleText(messages: MessageLike | readonly MessageLike[]): string {
  return textOf(messages).replace(/\s+/g, ' ');
}

/** The headings (`## Title`, `### Title`) of the message, in order, without their marks. */
export function headingsOf(message: MessageLike): string[] {
  return blocksOf(message).flatMap((block) =>
    block.split('\n').flatMap((line) => {
      const heading = /^#{1,3} (.+)$/.exec(line);
      return heading ? [heading[1]!] : [];
    }),
  );
}

/** The text under the first heading of the message (in its block): a card's lead, a page's description. */
export function leadOf(message: MessageLike): string {
  const block = blocksOf(message).find((text) => /^#{1,3} /m.test(text)) ?? '';
  const lines = block.split('\n');
  return lines
    .slice(lines.findIndex((line) => /^#{1,3} /.test(line)) + 1)
    .join('\n')
    .replace(/^\n+/, '');
}

/** The first heading: a card's title. */
export function titleOf(message: MessageLike): string | undefined {
  return headingsOf(message)[0];
}

/** The blocks that open with a bold heading line (`**What happened**`), by that heading: a card's sections. */
export function sectionsOf(message: MessageLike): { name: string; text: string }[] {
  return blocksOf(message).flatMap((block) => {
    const match = /^\*\*([^\n]+?)\*\*\n([\s\S]*)$/.exec(block);
    return match ? [{ name: match[1]!, text: match[2]! }] : [];
  });
}

/** The section headings in order. */
export function sectionNames(message: MessageLike): string[] {
  return sectionsOf(message).map((section) => section.name);
}

/**
 * The bodies of the sections of one message or several, whitespace collapsed, in order: a bullet carried over a
 * page break under "(cont.)" reads whole again.
 */
export function sectionText(messages: MessageLike | readonly MessageLike[]): string {
  const list = Array.isArray(messages) ? messages : [messages];
  return list
    .flatMap((message) => sectionsOf(message).map((section) => section.text))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The small print (`-# ` lines) of the message, in order, without the mark. */
export function smallPrintOf(message: MessageLike): string[] {
  return blocksOf(message).flatMap((block) =>
    block.split('\n').flatMap((line) => (line.startsWith('-# ') ? [line.slice(3)] : [])),
  );
}

export interface ShownButton {
  label?: string;
  customId?: string;
  url?: string;
  disabled?: boolean;
  style?: number;
}

/** Every button of the message, in rows or beside sections, in reading order. */
export function buttonsOf(message: MessageLike): ShownButton[] {
  if (!isObject(message)) return [];
  const buttons: ShownButton[] = [];
  walk(message.components, (component) => {
    if (component.type !== 2) return;
    buttons.push({
      ...(typeof component.label === 'string' ? { label: component.label } : {}),
      ...(typeof component.custom_id === 'string' ? { customId: component.custom_id } : {}),
      ...(typeof component.url === 'string' ? { url: component.url } : {}),
      ...(component.disabled === true ? { disabled: true } : {}),
      ...(typeof component.style === 'number' ? { style: component.style } : {}),
    });
  });
  return buttons;
}

/** The custom_id of the button with this label (exactly, or starting with it), or undefined. */
export function buttonId(message: MessageLike, label: string): string | undefined {
  return buttonsOf(message).find((button) => button.label === label || button.label?.startsWith(label))
    ?.customId;
}

/** Whether the message goes out as Components V2. */
export function isV2(message: MessageLike): boolean {
  return isObject(message) && typeof message.flags === 'number' && (message.flags & (1 << 15)) !== 0;
}
