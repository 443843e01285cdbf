/** /digest: daily digests for server managers. Each subcommand is a module beside this file; guards are here. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { DigestError } from '../../digest/errors.js';
import { describeDigestProblem } from '../../render/digest-problems.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../types.js';
import { list } from './list.js';
import { pause } from './pause.js';
import { preview } from './preview.js';
import { resume } from './resume.js';
import { sendNow } from './send-now.js';
import { status } from './status.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';

export const digestCommand = defineCommand({
  name: 'digest',
  description: 'Daily digests of new briefings, posted in a channel at a set time',
  // Discord hides it from other members; the preconditions check again when it runs.
  defaultMemberPermissions: String(PermissionFlagsBits.ManageGuild),
  // Server settings: only where the server installed the bot.
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  preconditions: ['guild-only', 'manage-server'],
  ephemeral: true,
  subcommands: [subscribe, unsubscribe, list, pause, resume, preview, sendNow, status],
  // The digest's refusals come as codes: said in words the manager can act on.
  explain: (error) =>
    error instanceof DigestError ? new UsageError(describeDigestProblem(error.problem)) : undefined,
});
