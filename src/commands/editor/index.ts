/**
 * /editor: editors publish briefings from Discord and take them down. Server-only, shown by Discord to members
 * with Manage Server (a server can open it to an editor role in its Integrations settings), and held at run
 * time to Manage Server or a role in EDITOR_ROLE_IDS, for its buttons and forms as for its commands.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { EDITOR_PREFIX } from '../../render/publish.js';
import { defineCommand } from '../command.js';
import { publish } from './publish.js';
import { pressEditorButton, submitBriefForm } from './steps.js';
import { unpublish } from './unpublish.js';

export const editorCommand = defineCommand({
  name: 'editor',
  description: 'Publish and unpublish briefings (editors)',
  // Server settings: only where the server installed the bot.
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  defaultMemberPermissions: String(PermissionFlagsBits.ManageGuild),
  preconditions: ['guild-only', 'editor'],
  ephemeral: true,
  subcommands: [publish, unpublish],
  buttons: { prefix: EDITOR_PREFIX, replacesMessage: true, press: pressEditorButton },
  modals: { prefix: EDITOR_PREFIX, submit: submitBriefForm },
});
