/**
 * The one packer: a logical embed (title, long description, any number of sections) laid out over as many
 * embeds as Discord's per-embed limits need, and embeds packed into messages under 10 embeds and 6,000
 * characters each. Every renderer goes through here, so no renderer has limit logic of its own.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { LIMITS } from '../message/limits.js';
import { MAX_FOLLOW_UPS, type MessagePayload, type Reply } from '../message/payload.js';
import { fieldLength, type Section, sectionFields } from './fields.js';
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

/**
 * A single-line label (title, author) longer than Discord shows is repeated in full where there is room, up to
 * this many characters: a title of a few lines reads whole, a megabyte of title costs one field's worth.
 */
export const FULL_LABEL_MAX = LIMITS.fieldValue;

export interface LayoutOptions {
  /**
   * Characters kept free in every embed, in the footer and in every message (see packMessages): room for a
   * note added afterwards, such as a page number.
   */
  reserve?: number;
}

/** A logical embed as one or more real ones, in reading order; continuation embeds carry only the colour. */
export function layoutEmbeds(doc: EmbedDoc, options: LayoutOptions = {}): APIEmbed[] {
  const reserve = options.reserve ?? 0;
  const sections = [...(doc.sections ?? [])];
  let description = doc.description?.trim() ?? '';
  let title = doc.title === undefined ? undefined : oneLine(doc.title);
  if (title && title.length > LIMITS.embedTitle) {
    // The full title opens the description so the shortened one loses nothing (within reason).
    const full = `**${shorten(title, FULL_LABEL_MAX)}**`;
    description = description ? `${full}\n\n${description}` : full;
    title = shorten(title, LIMITS.embedTitle);
  }
  let author = doc.author === undefined ? undefined : oneLine(doc.author);
  if (author && author.length > LIMITS.authorName) {
    sections.unshift({ name: 'Author', lines: [shorten(author, FULL_LABEL_MAX)] });
    author = undefined;
  }
  let footer = doc.footer?.trim();
  if (footer && footer.length + reserve > LIMITS.footerText) {
    sections.push({ name: 'Details', lines: [footer] });
    footer = undefined;
  }

  const base = (): APIEmbed => (doc.color === undefined ? {} : { color: doc.color });
  // The footer goes on whichever embed ends up last, so every embed keeps room for it.
  const budget = LIMITS.embedTotalChars - (footer?.length ?? 0) - reserve;
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
export function packMessages(
  embeds: readonly APIEmbed[],
  content?: string,
  options: LayoutOptions = {},
): MessagePayload[] {
  const room = LIMITS.embedTotalChars - (options.reserve ?? 0);
  const messages: MessagePayload[] = [];
  let batch: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (batch.length && (batch.length >= LIMITS.embedsPerMessage || total + length > room)) {
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

/**
 * At most the messages one answer may post (the first and MAX_FOLLOW_UPS more); when some are left out, the
 * last one kept says so with `note`.
 */
export function capMessages(messages: readonly MessagePayload[], note: string): MessagePayload[] {
  const max = 1 + MAX_FOLLOW_UPS;
  if (messages.length <= max) return [...messages];
  const kept = messages.slice(0, max);
  const last = kept[max - 1]!;
  const left = `${messages.length - max} more ${messages.length - max === 1 ? 'message' : 'messages'} left out. ${note}`;
  // The note is kept whole; content already there gives way to it.
  const before = last.content ? shorten(last.content, LIMITS.content - left.length - 1) : '';
  kept[max - 1] = { ...last, content: shorten(before ? `${before}\n${left}` : left, LIMITS.content) };
  return kept;
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
