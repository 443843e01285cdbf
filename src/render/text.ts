/**
 * Any payload as readable terminal text, so local mode shows what Discord would. Everything printed to a
 * terminal comes through here, without control characters: a briefing file cannot clear the screen, set the
 * window title or plant a hyperlink.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { stripControls } from '../briefing/text.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import { replyMessages } from './pack.js';

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
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
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

/** Enabled buttons as "[Previous] [Next]"; disabled ones are left out, as they cannot be used. */
function buttonsToText(payload: MessagePayload): string {
  const labels: string[] = [];
  for (const row of payload.components ?? []) {
    for (const component of row.components) {
      if ('label' in component && component.label && !('disabled' in component && component.disabled)) {
        labels.push(`[${component.label}]`);
      }
    }
  }
  return labels.join(' ');
}

/** One message as text (a reply's follow-ups are separate messages: see replyToText), safe to print. */
export function payloadToText(payload: MessagePayload): string {
  const blocks: string[] = [];
  if (payload.content) blocks.push(plainMarkdown(payload.content));
  for (const embed of payload.embeds ?? []) blocks.push(embedToText(embed));
  const buttons = buttonsToText(payload);
  if (buttons) blocks.push(buttons);
  return stripControls(blocks.join('\n\n'));
}

/** A reply with all its follow-ups, in sending order. */
export function replyToText(reply: Reply): string {
  return replyMessages(reply).map(payloadToText).join('\n\n');
}
