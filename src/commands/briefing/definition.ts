/** /briefing as Discord registers it. Names are part of the product: change them only on purpose. */
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { SECTION_KEYS, SECTION_LABELS } from '../../briefing/model.js';
import { MAX_NAME_LENGTH } from '../../party/name-pattern.js';

/**
 * Longest party name or search text: a name is at most what an autocomplete value holds. Page buttons carry a
 * longer question as a short key (src/short-key.ts), so every question a reader can type pages whole.
 */
export const MAX_QUERY_LENGTH = MAX_NAME_LENGTH;

const section: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: 'section',
  description: 'Only this section',
  choices: SECTION_KEYS.map((key) => ({ name: SECTION_LABELS[key], value: key })),
};

export const briefingDefinition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'briefing',
  description: 'Read the daily news briefings',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'latest',
      description: 'The newest briefing',
      options: [section],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'today', description: "Today's briefings" },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'date',
      description: 'Briefings of one day',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'date',
          description: 'The day, as YYYY-MM-DD (e.g. 2025-12-15)',
          required: true,
          min_length: 10,
          max_length: 10,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      description: 'One briefing, in full',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'id',
          description: 'Start typing a title or id',
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        section,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'search',
      description: 'Search every briefing',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'query',
          description: 'Words to look for (e.g. security guarantees)',
          required: true,
          min_length: 2,
          max_length: MAX_QUERY_LENGTH,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'party',
      description: 'What the briefings say about a country, leader or organisation',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: 'e.g. Russia, Zelenskyy, NATO',
          required: true,
          autocomplete: true,
          max_length: MAX_QUERY_LENGTH,
        },
        section,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'parties',
      description: 'The parties the briefings mention most',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'All briefings, newest first',
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'page',
          description: 'Page number',
          min_value: 1,
        },
      ],
    },
  ],
};
