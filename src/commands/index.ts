/** Every slash command the bot serves, in one list: registration, routing and local mode all read it. */
import { briefingCommand } from './briefing/index.js';
import { digestCommand } from './digest/index.js';
import type { SlashCommand } from './types.js';

export const allCommands: readonly SlashCommand[] = [briefingCommand, digestCommand];

export function commandDefinitions() {
  return allCommands.map((command) => command.definition);
}
