import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIComponentInMessageActionRow,
  APIEmbed,
} from 'discord-api-types/v10';

/** A message as the core builds it: plain discord-api-types JSON, no discord.js objects. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** What a command handler answers: a message, maybe only for the asker, maybe spread over several. */
export interface Reply extends MessagePayload {
  /** Only the person who asked sees it (errors, hints, management answers). */
  ephemeral?: boolean;
  /** Further messages that did not fit in the first one, sent as follow-ups in order. */
  followUps?: MessagePayload[];
}

/** Sent with every message: a briefing must never ping anyone. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };
