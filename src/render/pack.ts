/**
 * The one packer: a logical embed (title, long description, any number of sections) laid out over as many
 * embeds as Discord's per-embed limits need, and embeds packed into messages under 10 embeds and 6,000
 * characters each. Every renderer goes through here, so no renderer has limit logic of its own.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { fieldLength, type Section, sectionFields } from './fields.js';
import { LIMITS } from './limits.js';
import type { MessagePayload, Reply } from './payload.js';
import { oneLine, shorten, splitText, takeChunk } from './split.js';

export interface EmbedDoc {
  title?: string;
  /** Link of the title; only set on the first embed. */
  url?: string;
  color?: number;
  author?: string;
  description?: string;
  sections?: readonly Section[];
  /** Shown under the last embed. */
  footer?: string;
}

/** Characters Discord counts towards the 6,000 of a message. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += fieldLength(field);
  return length;
}

/** A logical embed as one or more real ones, in reading order; continuation embeds carry only the colour. */
export function layoutEmbeds(doc: EmbedDoc): APIEmbed[] {
  const sections = [...(doc.sections ?? [])];
  let description = doc.description?.trim() ?? '';
  let title = doc.title === undefined ? undefined : oneLine(doc.title);
  if (title && title.length > LIMITS.embedTitle) {
    // The full title opens the description so the shortened one loses nothing.
    description = description ? `**${title}**\n\n${description}` : `**${title}**`;
    title = shorten(title, LIMITS.embedTitle);
  }
  let author = doc.author === undefined ? undefined : oneLine(doc.author);
  if (author && author.length > LIMITS.authorName) {
    sections.unshift({ name: 'Author', lines: [author] });
    author = undefined;
  }
  let footer = doc.footer?.trim();
  if (footer && footer.length > LIMITS.footerText) {
    sections.push({ name: 'Details', lines: [footer] });
    footer = undefined;
  }

  const base = (): APIEmbed => (doc.color === undefined ? {} : { color: doc.color });
  // The footer goes on whichever embed ends up last, so every embed keeps room for it.
  const budget = LIMITS.embedTotalChars - (footer?.length ?? 0);
  const embeds: APIEmbed[] = [];
  let current = base();
  if (title) current.title = title;
  if (title && doc.url) current.url = doc.url;
  if (author) current.author = { name: author };
  let size = embedLength(current);
  const flush = () => {
    embeds.push(current);
    current = base();
    size = 0;
  };

  let rest = description;
  while (rest) {
    if (current.description !== undefined) flush();
    const chunk = takeChunk(rest, Math.min(LIMITS.embedDescription, budget - size));
    current.description = chunk.head;
    size += chunk.head.length;
    rest = chunk.rest;
  }
  for (const field of sections.flatMap(sectionFields)) {
    const fields = current.fields ?? [];
    if (fields.length >= LIMITS.embedFields || size + fieldLength(field) > budget) flush();
    current.fields ??= [];
    current.fields.push(field);
    size += fieldLength(field);
  }
  if (footer) current.footer = { text: footer };
  embeds.push(current);
  return embeds;
}

/** Embeds in order, packed greedily into messages within 10 embeds and 6,000 characters each. */
export function packMessages(embeds: readonly APIEmbed[], content?: string): MessagePayload[] {
  const messages: MessagePayload[] = [];
  let batch: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (
      batch.length &&
      (batch.length >= LIMITS.embedsPerMessage || total + length > LIMITS.embedTotalChars)
    ) {
      messages.push({ embeds: batch });
      batch = [];
      total = 0;
    }
    batch.push(embed);
    total += length;
  }
  if (batch.length) messages.push({ embeds: batch });
  return withContent(messages, content);
}

/** Content goes on the first message; content too long for one message goes before it in messages of its own. */
export function withContent(messages: MessagePayload[], content: string | undefined): MessagePayload[] {
  const chunks = splitText(content ?? '', LIMITS.content);
  const last = chunks.pop();
  if (last === undefined) return messages;
  const [first, ...others] = messages;
  return [...chunks.map((chunk) => ({ content: chunk })), { ...first, content: last }, ...others];
}

/** The first message answers; the rest follow it. */
export function toReply(messages: readonly MessagePayload[], options: { ephemeral?: boolean } = {}): Reply {
  const [first = {}, ...followUps] = messages;
  return {
    ...first,
    ...(followUps.length ? { followUps } : {}),
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

/** Every message of a reply, in the order they are sent. */
export function replyMessages(reply: Reply): MessagePayload[] {
  const { followUps = [], ephemeral: _ephemeral, ...first } = reply;
  return [first, ...followUps];
}
