/** A dispatcher over real handlers, library and digest service, with no network: for command tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Briefing } from '../../src/briefing/model.js';
import type { SlashCommand } from '../../src/commands/command.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { allCommands } from '../../src/commands/index.js';
import type { ChannelOption, CommandInput, Services } from '../../src/commands/types.js';
import type { DigestSink } from '../../src/digest/delivery/sink.js';
import type { Digests } from '../../src/digest/digests.js';
import { DigestService } from '../../src/digest/service.js';
import { Library } from '../../src/library/library.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { renderDigest, renderNothingNew } from '../../src/render/digest.js';
import { forumPostTitle } from '../../src/render/forum-post.js';
import { SqliteDigestStore } from '../../src/store/sqlite/digest-store.js';

export const GUILD = '111111111111111111';
export const USER = { id: '222222222222222222', name: 'editor' };

export const channels = {
  briefings: { id: '333333333333333331', name: 'briefings', kind: 'text', missingPermissions: [] },
  news: { id: '333333333333333332', name: 'news', kind: 'announcement', missingPermissions: [] },
  voice: { id: '333333333333333333', name: 'voice', kind: 'other', missingPermissions: [] },
  readOnly: {
    id: '333333333333333334',
    name: 'read-only',
    kind: 'text',
    missingPermissions: ['Send Messages'],
  },
} satisfies Record<string, ChannelOption>;

/** For tests of commands that never reach the digest: any call is a test bug, and says so. */
export const noDigests: Digests = new Proxy({} as Digests, {
  get(_target, name) {
    throw new Error(`this test did not expect the digest to be used (digests.${String(name)})`);
  },
});

/** What a command handler sees, for tests of commands that only read the library. */
export function readerServices(library: Library, now = () => new Date()): Services {
  return { library: () => library, digests: noDigests, defaultTimezone: 'UTC', now };
}

export class RecordingSink implements DigestSink {
  readonly sent: { channelId: string; message: MessagePayload; nonce: string }[] = [];
  async send(channelId: string, message: MessagePayload, nonce: string) {
    this.sent.push({ channelId, message, nonce });
    return { messageId: String(this.sent.length) };
  }
  async findPosted(channelId: string, markers: readonly string[]) {
    const found = new Map<string, string>();
    this.sent.forEach((item, index) => {
      if (item.channelId === channelId && markers.includes(item.nonce))
        found.set(item.nonce, String(index + 1));
    });
    return { found, complete: true };
  }
}

export function testDispatcher(
  briefings: Briefing[],
  now = new Date('2025-12-15T10:00:00Z'),
  commands: readonly SlashCommand[] = allCommands,
) {
  const library = Library.of(briefings, PartyRegistry.builtIn());
  const store = SqliteDigestStore.open(join(mkdtempSync(join(tmpdir(), 'briefing-commands-')), 'db.sqlite'));
  const sink = new RecordingSink();
  const digests = new DigestService({
    store,
    sink,
    briefingsSince: (date) => library.since(date),
    mentions: (id, party) => library.mentions(id, party),
    render: (list, _sub, marker) => renderDigest(list, { marker }),
    renderNothingNew: (_sub, marker) => renderNothingNew({ marker }),
    renderPostTitle: forumPostTitle,
    now: () => now,
    retryDelaysMs: [],
  });
  const dispatcher = new CommandDispatcher(
    commands,
    { library: () => library, digests, defaultTimezone: 'UTC', now: () => now },
    pino({ level: 'silent' }),
  );
  const input = (
    command: string,
    subcommand: string,
    options: CommandInput['options'] = {},
    extra: Partial<CommandInput> = {},
  ): CommandInput => ({
    command,
    subcommand,
    options,
    channels: {},
    user: USER,
    guildId: GUILD,
    channelId: channels.briefings.id,
    canManageServer: true,
    ...extra,
  });
  return { dispatcher, digests, sink, store, input, library };
}
