/** /digest: daily digests for server managers. Guards are declared here, not buried in the handlers. */
import { listTimezones, ScheduleError } from '../../schedule/validate.js';
import type { CommandInput, Services, SlashCommand } from '../types.js';
import { UsageError } from '../types.js';
import { digestDefinition } from './definition.js';
import { preview, sendNow } from './deliver.js';
import { list, pause, resume, status, unsubscribe } from './manage.js';
import { subscribe } from './subscribe.js';

const handlers: Record<string, (input: CommandInput, services: Services) => ReturnType<SlashCommand['run']>> =
  {
    subscribe,
    unsubscribe,
    list,
    pause,
    resume,
    preview,
    'send-now': sendNow,
    status,
  };

function completeTimezone(typed: string) {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = listTimezones();
  const starts = zones.filter((zone) => zone.toLowerCase().startsWith(wanted));
  // "berlin" finds Europe/Berlin: the city part counts as much as the region.
  const cities = zones.filter((zone) => !starts.includes(zone) && zone.toLowerCase().includes(wanted));
  return [...starts, ...cities].slice(0, 25).map((zone) => ({ name: zone, value: zone }));
}

export const digestCommand: SlashCommand = {
  definition: digestDefinition,
  preconditions: ['guild-only', 'manage-server'],
  ephemeral: true,
  async run(input, services) {
    const handler = handlers[input.subcommand];
    if (!handler)
      throw new UsageError(`Unknown subcommand. Try /digest ${Object.keys(handlers).join(', ')}.`);
    try {
      return await handler(input, services);
    } catch (error) {
      // The schedule's refusals are written for the manager: show them as they are.
      if (error instanceof ScheduleError) throw new UsageError(error.message);
      throw error;
    }
  },
  autocomplete(input, services) {
    if (input.focused.name === 'timezone') return completeTimezone(input.focused.value);
    if (input.focused.name === 'party') return services.library().completeParties(input.focused.value);
    return [];
  },
};
