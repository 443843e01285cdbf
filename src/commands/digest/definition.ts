/** /digest as Discord registers it: for server managers only (Manage Server), and checked again at run time. */
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

const channel = (required: boolean, description = 'The channel'): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description,
  required,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

const subcommand = (name: string, description: string, options: APIApplicationCommandBasicOption[] = []) => ({
  type: ApplicationCommandOptionType.Subcommand as const,
  name,
  description,
  ...(options.length ? { options } : {}),
});

export const digestDefinition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'digest',
  description: 'Daily digests of new briefings, posted in a channel at a set time',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    subcommand('subscribe', 'Post a daily digest in a channel (again: change it)', [
      channel(true, 'Where to post the digest'),
      {
        type: ApplicationCommandOptionType.String,
        name: 'time',
        description: 'Local time, 24-hour HH:MM (e.g. 08:00)',
        required: true,
        min_length: 4,
        max_length: 5,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'timezone',
        description: 'IANA time zone, e.g. Europe/Berlin (default: the bot’s)',
        autocomplete: true,
        max_length: 64,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'party',
        description: 'Only briefings about this party (e.g. Ukraine)',
        autocomplete: true,
        max_length: 80,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'tag',
        description: 'Only briefings with this tag',
        max_length: 50,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'post_when_empty',
        description: 'Post a short “no new briefings” line on quiet days (default: skip)',
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'publish',
        description: 'In an announcement channel, publish each digest to following servers',
      },
    ]),
    subcommand('unsubscribe', 'Stop the digest in a channel', [channel(true)]),
    subcommand('list', 'The digests of this server'),
    subcommand('pause', 'Pause a digest', [channel(true)]),
    subcommand('resume', 'Resume a paused digest', [channel(true)]),
    subcommand('preview', 'What the next digest would post, shown only to you', [channel(false)]),
    subcommand('send-now', 'Post what is new in a subscribed channel right now', [channel(true)]),
    subcommand('status', 'Recent deliveries and why anything was skipped', [channel(false)]),
  ],
};
