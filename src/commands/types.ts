/** What every command handler sees and returns. Adapters (Discord, terminal) build the input and deliver the reply. */
import type { Digests } from '../digest/digests.js';
import type { Follows } from '../follow/follows.js';
import type { Library } from '../library/library.js';
import type { Publishing } from '../publish/publishing.js';

export type OptionValue = string | number | boolean;

/** A channel option as the adapter resolved it: what the handler needs to judge it, no client objects. */
export interface ChannelOption {
  id: string;
  name: string;
  /** forum and media: a digest there is a new post (a thread) each day. */
  kind: 'text' | 'announcement' | 'forum' | 'media' | 'other';
  /** Permissions the bot lacks there, by their names in Discord's UI ("Send Messages"). */
  missingPermissions: string[];
  /** Permissions it can post without but should have ("Read Message History": checking a digest after a crash). */
  missingRecommended?: string[];
}

/** A file attached to a command, as Discord describes it: its bytes are on Discord's CDN at `url`. */
export interface AttachmentOption {
  id: string;
  name: string;
  /** In bytes, as Discord says. */
  size: number;
  url: string;
  contentType?: string;
}

/** A role option as the adapter resolved it: who would be mentioned, and whether anyone may mention them. */
export interface RoleOption {
  id: string;
  name: string;
  /** Anyone may @mention it; otherwise mentioning it takes the Mention Everyone permission. */
  mentionable: boolean;
}

/** A command as an adapter received it, untyped: held to the definition (check-input.ts) before it runs. */
export interface CommandInput {
  command: string;
  subcommand: string;
  options: Record<string, OptionValue | undefined>;
  channels: Record<string, ChannelOption | undefined>;
  /** Attachment options, as the adapter resolved them. */
  attachments?: Record<string, AttachmentOption | undefined>;
  /** Role options, as the adapter resolved them (none in the terminal). */
  roles?: Record<string, RoleOption | undefined>;
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string | null;
  /** The member holds Manage Server here (the terminal user always does). */
  canManageServer: boolean;
  /** The member's roles here (none in direct messages). */
  roleIds?: readonly string[];
}

/** Who clicked a button or sent a form: what guards need to judge them again. */
export type Invoker = Pick<CommandInput, 'user' | 'guildId' | 'channelId' | 'canManageServer' | 'roleIds'>;

export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: string };
}

export interface Services {
  /** The current library: it is replaced whenever the briefing folder changes. */
  library(): Library;
  digests: Digests;
  defaultTimezone: string;
  now(): Date;
  /** Writing briefings from Discord (the /editor command); absent where the bot cannot write (editor tools). */
  publishing?: Publishing;
  /** Readers following parties (direct-message alerts); absent where there are none (editor tools). */
  follows?: Follows;
}

/** A guard declared on a command or a subcommand, checked before it runs (Sapphire's preconditions, in small). */
export type Precondition = 'guild-only' | 'manage-server' | 'editor';

/** Thrown by handlers for input the reader can fix: answered ephemerally with the message as it is. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
