/**
 * Any payload as readable terminal text, so local mode shows what Discord would: a Components V2 message's text
 * displays, sections and containers in order, headings underlined, small print marked `--`, buttons as `[Label]`
 * and link buttons as `Label (url)`. Everything printed to a terminal comes through here, without control
 * characters: a briefing file cannot clear the screen, set the window title or plant a hyperlink.
 */
import { type APIEmbed, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { stripControls } from '../briefing/text.js';
import { type AnyComponent, galleryItems } from '../message/components.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import { replyMessages } from './pack.js';

export interface TextOptions {
  /** Show the buttons one can press (`[Next]`); off where nothing can be pressed. Link buttons always show. */
  buttons?: boolean;
}

/** `<t:1765785600:f>` as the terminal's local time; Discord would show it in each reader's zone. */
function timestampText(seconds: string, style: string): string {
  const at = new Date(Number(seconds) * 1000);
  if (style === 'R') {
    const minutes = Math.round((at.getTime() - Date.now()) / 60_000);
    const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
    if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
    return format.format(Math.round(minutes / 1440), 'day');
  }
  return at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Discord markdown reduced to what reads well as plain text. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_match, seconds: string, style = 'f') =>
      timestampText(seconds, style),
    )
    .replace(/\[([^\]\n]+)\]\(<?(https?:\/\/[^)\s>]+)>?\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
    .replace(/__([^_\n]+?)__/g, '$1')
    .replace(/(^|[\s(])\*(\S|\S[^*\n]*?\S)\*(?=$|[\s).,;:!?·])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

function embedToText(embed: APIEmbed): string {
  const blocks: string[] = [];
  if (embed.title) {
    const title = plainMarkdown(embed.title);
    const heading = [title, '='.repeat(Math.min(title.length, 80))];
    if (embed.url) heading.push(embed.url);
    blocks.push(heading.join('\n'));
  }
  if (embed.author) blocks.push(`By ${embed.author.name}`);
  if (embed.description) blocks.push(plainMarkdown(embed.description));
  for (const field of embed.fields ?? [])
    blocks.push(`${plainMarkdown(field.name)}:\n${plainMarkdown(field.value)}`);
  if (embed.footer) blocks.push(`-- ${plainMarkdown(embed.footer.text)}`);
  return blocks.join('\n\n');
}

function underline(title: string): string {
  return `${title}\n${'='.repeat(Math.min(title.length, 80))}`;
}

/** A text display's markdown as text: headings underlined, small print (`-# `) marked `--`, a bold line a label. */
function textDisplayToText(content: string): string {
  const lines = content.split('\n').map((line) => {
    const heading = /^#{1,3} (.+)$/.exec(line);
    if (heading) return underline(plainMarkdown(heading[1]!.trim()));
    const small = /^-# (.*)$/.exec(line);
    if (small) return `-- ${plainMarkdown(small[1]!.trim())}`;
    const label = /^\*\*([^*\n]+)\*\*$/.exec(line);
    if (label) return `${plainMarkdown(label[1]!)}:`;
    return plainMarkdown(line);
  });
  return lines.join('\n');
}

/** A button as text: `[Label]` when it can be pressed (disabled ones cannot), `Label (url)` for a link. */
function buttonToText(button: AnyComponent, options: TextOptions): string {
  const label = typeof button.label === 'string' ? plainMarkdown(button.label) : '';
  if (button.style === ButtonStyle.Link) return `${label} (${String(button.url)})`;
  if (options.buttons === false || button.disabled === true || !label) return '';
  return `[${label}]`;
}

/** Each component as blocks of text, in reading order. */
function componentsToText(components: readonly unknown[] | undefined, options: TextOptions): string[] {
  const blocks: string[] = [];
  for (const raw of components ?? []) {
    const component = raw as AnyComponent;
    const children = Array.isArray(component.components) ? component.components : [];
    switch (component.type) {
      case ComponentType.TextDisplay:
        blocks.push(textDisplayToText(String(component.content ?? '')));
        break;
      case ComponentType.Container:
        blocks.push(componentsToText(children, options).join('\n\n'));
        break;
      case ComponentType.Section: {
        const texts = componentsToText(children, options);
        const accessory = component.accessory as AnyComponent | undefined;
        const side = accessory?.type === ComponentType.Button ? buttonToText(accessory, options) : '';
        blocks.push([...texts, side].filter(Boolean).join('\n'));
        break;
      }
      case ComponentType.ActionRow:
        blocks.push(
          children
            .map((child) => buttonToText(child as AnyComponent, options))
            .filter(Boolean)
            .join(' '),
        );
        break;
      case ComponentType.Button:
        blocks.push(buttonToText(component, options));
        break;
      case ComponentType.MediaGallery:
        // An image cannot be printed: its alt text says what it shows.
        for (const { url, file, description } of galleryItems(component))
          blocks.push(`[image ${file ?? url}]${description ? ` ${description}` : ''}`);
        break;
    }
  }
  return blocks.filter((block) => block.trim());
}

/** One message as text (a reply's follow-ups are separate messages: see replyToText), safe to print. */
export function payloadToText(payload: MessagePayload, options: TextOptions = {}): string {
  const blocks: string[] = [];
  if (payload.content) blocks.push(plainMarkdown(payload.content));
  for (const embed of payload.embeds ?? []) blocks.push(embedToText(embed));
  blocks.push(...componentsToText(payload.components, options));
  return stripControls(blocks.join('\n\n'));
}

/** A reply with all its follow-ups, in sending order. */
export function replyToText(reply: Reply, options: TextOptions = {}): string {
  return replyMessages(reply)
    .map((message) => payloadToText(message, options))
    .join('\n\n');
}
