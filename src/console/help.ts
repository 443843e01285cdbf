/** "help" in local mode: every subcommand with its options, read from the subcommand modules. */
import type { SlashCommand } from '../commands/command.js';

export function usageLines(commands: readonly SlashCommand[]): string[] {
  return commands.flatMap((command) =>
    [...command.subcommands.values()].map((subcommand) => {
      const options = Object.entries(subcommand.options ?? {})
        .map(([name, option]) => (option.required ? `${name}:…` : `[${name}:…]`))
        .join(' ');
      const usage = `/${command.definition.name} ${subcommand.name}${options ? ` ${options}` : ''}`;
      return `${usage}  ${subcommand.description}`;
    }),
  );
}

/** What tab completes at the prompt: each command with its subcommand. */
export function completions(commands: readonly SlashCommand[]): string[] {
  return commands.flatMap((command) =>
    [...command.subcommands.keys()].map((name) => `/${command.definition.name} ${name} `),
  );
}
