/** Who asks, and where, when a command comes from the terminal (local mode, the editor tools). */
import type { ChannelOption, CommandInput, Invoker } from '../commands/types.js';

export const TERMINAL_USER = { id: 'terminal', name: 'you' };

/** The terminal user, where they are: a manager of their own "server", who may also publish. */
export const TERMINAL_INVOKER: Invoker = {
  user: TERMINAL_USER,
  guildId: 'terminal',
  channelId: 'terminal',
  canManageServer: true,
};

/** Every channel option names the terminal: digests subscribed here print here. */
export const TERMINAL_CHANNEL: ChannelOption = {
  id: 'terminal',
  name: 'terminal',
  kind: 'text',
  missingPermissions: [],
};

/** A command asked at the terminal, before its options: the terminal user manages its own "server". */
export function terminalInput(command: string, subcommand: string): CommandInput {
  return {
    command,
    subcommand,
    // No prototype: an option typed as `__proto__` or `constructor` is just an unknown option.
    options: Object.create(null),
    channels: Object.create(null),
    ...TERMINAL_INVOKER,
  };
}
