import type {
  APIAllowedMentions,
  APIEmbed,
  APIMessageTopLevelComponent,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';

/** A file sent with a message (a chart): shown by a media gallery that names it as `attachment://<name>`. */
export interface MessageFile {
  name: string;
  data: Buffer;
  /** Alt text, read out by screen readers. */
  description?: string;
}

/**
 * A message as the core builds it: plain discord-api-types JSON, no discord.js objects.
 *
 * Two shapes: a classic message (`content`, maybe action rows of buttons), or a Components V2 message, which sets
 * `flags` to IS_COMPONENTS_V2 (see components.ts) and carries every word in `components` (containers, text
 * displays, sections, separators, action rows), with no `embeds`. A V2 payload may still carry a short `content`:
 * it is a note put in front of the answer (a preview's or an indexing note) and goes out as a Text Display above
 * the components (`sendable`), so renderers leave room for one (NOTE_ROOM).
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  /** IS_COMPONENTS_V2 for a V2 message, set by the renderer; the adapters add Ephemeral where needed. */
  flags?: number;
  /**
   * Set only by the digest renderer for an opted-in role alert: `{ parse: [], roles: [thatRole] }`. Absent, every
   * message goes out with NO_MENTIONS.
   */
  allowed_mentions?: APIAllowedMentions;
  /** Files uploaded with the message. */
  files?: MessageFile[];
}

/** What a command handler answers: a message, maybe only for the asker, maybe spread over several. */
export interface Reply extends MessagePayload {
  /** Only the person who asked sees it (errors, hints, management answers). */
  ephemeral?: boolean;
  /** Further messages that did not fit in the first one, sent as follow-ups in order. */
  followUps?: MessagePayload[];
  /** A form to open instead of answering with a message (the rest of the reply is not sent). */
  modal?: APIModalInteractionResponseCallbackData;
}

/**
 * The most follow-ups one answer may have. Public answers have none: each is one message, and anything longer
 * is paged (Previous/Next) rather than posted as more messages. Only answers for the asker alone use them (a
 * long notice, a digest preview, a server's many digests), and two (three messages in all) is as much as a
 * person reads before scrolling; the dispatcher holds every answer to it.
 */
export const MAX_FOLLOW_UPS = 2;

/** Sent with every message: a briefing must never ping anyone. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };
