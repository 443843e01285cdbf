/** The dispatcher holds every answer to the posting cap, whatever a handler returns. */

import { Writable } from 'node:stream';
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/commands/command.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { defineSubcommand } from '../../src/commands/subcommand.js';
import { Library } from '../../src/library/library.js';
import { MAX_FOLLOW_UPS, type Reply } from '../../src/message/payload.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { GUILD, readerServices, USER } from '../support/services.js';

function dispatcherAnswering(reply: Reply) {
  const lines: string[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const command = defineCommand({
    name: 'noisy',
    description: 'Answers with many messages',
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    subcommands: [defineSubcommand({ name: 'answer', description: 'Answers', run: () => reply })],
  });
  const library = Library.of([], PartyRegistry.builtIn());
  const dispatcher = new CommandDispatcher([command], readerServices(library), log);
  const ask = () =>
    dispatcher.run({
      command: 'noisy',
      subcommand: 'answer',
      options: {},
      channels: {},
      user: USER,
      guildId: GUILD,
      channelId: null,
      canManageServer: false,
    });
  return { ask, lines };
}

describe('the posting cap', () => {
  it('sends at most MAX_FOLLOW_UPS follow-ups, and logs the answer that had more as a bug', async () => {
    const followUps = Array.from({ length: 150 }, (_, i) => ({ content: `message ${i + 2}` }));
    const { ask, lines } = dispatcherAnswering({ content: 'message 1', followUps });
    const reply = await ask();
    expect(MAX_FOLLOW_UPS).toBe(2);
    expect(reply.content).toBe('message 1');
    expect(reply.followUps?.map((message) => message.content)).toEqual(['message 2', 'message 3']);
    expect(lines.join('')).toMatch(/more follow-ups than allowed/);
  });

  it('leaves an answer within the cap as it is, and says nothing', async () => {
    const answer = { content: 'one', followUps: [{ content: 'two' }], ephemeral: true };
    const { ask, lines } = dispatcherAnswering(answer);
    expect(await ask()).toEqual(answer);
    expect(lines).toEqual([]);
  });
});
