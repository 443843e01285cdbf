/** /briefing: reading the briefings. Each subcommand is a module beside this file, listed here in Discord's order. */
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { NameTooLongError } from '../../party/name-pattern.js';
import { PAGE_VIEWS } from '../../render/page-id.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../types.js';
import { date } from './date.js';
import { DIGEST_BUTTON_PREFIX, readFromDigest } from './digest-read.js';
import { follow, unfollow } from './follow.js';
import { following } from './following.js';
import { latest } from './latest.js';
import { list } from './list.js';
import { turnPage } from './paged.js';
import { parties } from './parties.js';
import { party } from './party.js';
import { search } from './search.js';
import { show } from './show.js';
import { today } from './today.js';

export const briefingCommand = defineCommand({
  name: 'briefing',
  description: 'Read the daily news briefings',
  // Read-only, so it goes anywhere: installed by a server, or by a reader for use in any server, DM or group DM.
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  subcommands: [latest, today, date, show, search, party, parties, list, follow, unfollow, following],
  pageViews: PAGE_VIEWS,
  page: turnPage,
  buttons: { prefix: DIGEST_BUTTON_PREFIX, press: readFromDigest },
  // The library refuses a name in no registry past its limit: said to the asker as what to type instead.
  explain: (error) =>
    error instanceof NameTooLongError
      ? new UsageError(`${error.message} Type a shorter name, e.g. /briefing party name:Russia`)
      : undefined,
});
