/** /digest: daily digests for server managers. Guards are declared here, not buried in the handlers. */

import { DigestError } from '../../digest/errors.js';
import { searchTimezones } from '../../digest/subscriptions/timezones.js';
import { describeDigestProblem } from '../../render/digest-problems.js';
import type { CommandInput, Services, SlashCommand } from '../types.js';
import { UsageError } from '../types.js';
import { digestDefinition } from './definition.js';
import { preview, sendNow } from './deliver.js';
import { list, pause, resume, status, unsubscribe } from './manage.js';
import { subscribe } from './subscribe.js';

type Handler = (input: CommandInput, services: Services) => ReturnType<SlashCommand['run']>;

// A Map, not an object: a subcommand named `toString` or `constructor` finds nothing here.
const handlers = new Map<string, Handler>([
  ['subscribe', subscribe],
  ['unsubscribe', unsubscribe],
  ['list', list],
  ['pause', pause],
  ['resume', resume],
  ['preview', preview],
  ['send-now', sendNow],
  ['status', status],
]);

/** Zones by name, city, country or alias ("kyiv", "india", "new york"); the label names the country. */
function completeTimezone(typed: string) {
  return searchTimezones(typed, 25).map((match) => ({ name: match.label, value: match.zone }));
}

export const digestCommand: SlashCommand = {
  definition: digestDefinition,
  preconditions: ['guild-only', 'manage-server'],
  ephemeral: true,
  async run(input, services) {
    const handler = handlers.get(input.subcommand);
    if (!handler) throw new UsageError(`Unknown subcommand. Try /digest ${[...handlers.keys()].join(', ')}.`);
    try {
      return await handler(input, services);
    } catch (error) {
      // The digest's refusals come as codes: said in words the manager can act on.
      if (error instanceof DigestError) throw new UsageError(describeDigestProblem(error.problem));
      throw error;
    }
  },
  autocomplete(input, services) {
    if (input.focused.name === 'timezone') return completeTimezone(input.focused.value);
    if (input.focused.name === 'party') return services.library().completeParties(input.focused.value);
    return [];
  },
};
