/** Every slash command the bot serves, in one list: registration, routing, local mode and the editor tools read it. */
import { briefingCommand } from './briefing/index.js';
import type { SlashCommand } from './command.js';
import { digestCommand } from './digest/index.js';
import { editorCommand } from './editor/index.js';

export const allCommands: readonly SlashCommand[] = [briefingCommand, digestCommand, editorCommand];

export function commandDefinitions() {
  return allCommands.map((command) => command.definition);
}
