/**
 * Which questions are acknowledged before their work runs (Subcommand.acknowledgeFirst), as the dispatcher tells
 * the Discord adapter: a digest sent now (a post, which must go out once however many instances receive the
 * question), and a party question that reads a stance while the statement model is not loaded yet. Input that
 * cannot run is answered at once, like any other.
 */
import { Writable } from 'node:stream';
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { briefingCommand } from '../../src/commands/briefing/index.js';
import { defineCommand } from '../../src/commands/command.js';
import { digestCommand } from '../../src/commands/digest/index.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { editorCommand } from '../../src/commands/editor/index.js';
import { stringOption } from '../../src/commands/options.js';
import { defineSubcommand } from '../../src/commands/subcommand.js';
import type { CommandInput } from '../../src/commands/types.js';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { stanceModelLoaded } from '../../src/party/stance/nlp.js';
import { makeBriefing } from '../support/briefings.js';
import { channels, GUILD, readerServices, testDispatcher, USER } from '../support/services.js';

const briefings = [
  makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    summary: 'Russia rejected the ceasefire proposal on Monday.',
  }),
];

const on = { channels: { channel: channels.briefings } };

describe('which questions are acknowledged first', () => {
  it('/digest send-now, and no other /digest or /editor subcommand', () => {
    const { dispatcher, input } = testDispatcher(briefings);
    expect(dispatcher.acknowledgeFirst(input('digest', 'send-now', {}, on))).toBe(true);
    const others = [
      input('digest', 'subscribe', { time: '08:00' }, on),
      input('digest', 'unsubscribe', {}, on),
      input('digest', 'pause', {}, on),
      input('digest', 'resume', {}, on),
      input('digest', 'list'),
      input('digest', 'preview', {}, on),
      input('digest', 'status'),
      input('editor', 'publish'),
      input('editor', 'unpublish', { id: 'berlin-talks' }),
    ];
    for (const other of others) expect(dispatcher.acknowledgeFirst(other), other.subcommand).toBe(false);
  });

  it('not a question refused before it runs: it is answered at once and changes nothing', () => {
    const { dispatcher, input } = testDispatcher(briefings);
    // A member without Manage Server, a missing channel, an unknown subcommand or command.
    expect(
      dispatcher.acknowledgeFirst(input('digest', 'send-now', {}, { ...on, canManageServer: false })),
    ).toBe(false);
    expect(dispatcher.acknowledgeFirst(input('digest', 'send-now'))).toBe(false);
    expect(dispatcher.acknowledgeFirst(input('digest', 'send-later', {}, on))).toBe(false);
    expect(dispatcher.acknowledgeFirst(input('weather', 'today'))).toBe(false);
  });

  it('a party question that reads a stance, until the statement model is loaded; then none', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const party = (options: CommandInput['options']) => input('briefing', 'party', options);
    expect(stanceModelLoaded()).toBe(false);

    // Reads a stance: the statements view opens on it, the stance view, two known parties compared.
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia' }))).toBe(true);
    expect(dispatcher.acknowledgeFirst(party({ name: ' russian ', section: 'whatHappened' }))).toBe(true);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', view: 'stance' }))).toBe(true);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', versus: 'Ukraine' }))).toBe(true);
    // Reads none: the coverage chart, words in no registry, a comparison that cannot be made.
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', view: 'coverage' }))).toBe(false);
    expect(dispatcher.acknowledgeFirst(party({ name: 'ceasefire talks' }))).toBe(false);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', versus: 'Atlantis' }))).toBe(false);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', versus: 'russian' }))).toBe(false);
    // Nor any other /briefing question.
    expect(dispatcher.acknowledgeFirst(input('briefing', 'latest'))).toBe(false);
    expect(dispatcher.acknowledgeFirst(input('briefing', 'search', { query: 'Russia' }))).toBe(false);

    // The first stance read loads the model; after it, the same question is answered as it comes.
    const report = await dispatcher.run(party({ name: 'Russia' }));
    expect(JSON.stringify(report)).toContain('Russia · country');
    expect(stanceModelLoaded()).toBe(true);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia' }))).toBe(false);
    expect(dispatcher.acknowledgeFirst(party({ name: 'Russia', versus: 'Ukraine' }))).toBe(false);
  });

  it('is declared by the modules: send-now and party, and no command as a whole', () => {
    expect(digestCommand.subcommands.get('send-now')?.acknowledgeFirst).toBe(true);
    expect(typeof briefingCommand.subcommands.get('party')?.acknowledgeFirst).toBe('function');
    const declared = [briefingCommand, digestCommand, editorCommand].flatMap((command) =>
      [...command.subcommands.values()]
        .filter((subcommand) => subcommand.acknowledgeFirst !== undefined)
        .map((subcommand) => `${command.definition.name} ${subcommand.name}`),
    );
    expect(declared.sort()).toEqual(['briefing party', 'digest send-now']);
  });
});

describe('declaring it', () => {
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
  const ask = (command: string, subcommand: string, options: CommandInput['options'] = {}): CommandInput => ({
    command,
    subcommand,
    options,
    channels: {},
    user: USER,
    guildId: GUILD,
    channelId: null,
    canManageServer: false,
  });
  const base = {
    description: 'A command',
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  };
  const plain = (name: string) =>
    defineSubcommand({ name, description: name, run: () => ({ content: name }) });
  const commands = [
    // On a command: every subcommand.
    defineCommand({
      ...base,
      name: 'post',
      acknowledgeFirst: true,
      subcommands: [plain('one'), plain('two')],
    }),
    defineCommand({
      ...base,
      name: 'mixed',
      subcommands: [
        plain('read'),
        defineSubcommand({ name: 'write', description: 'Writes', acknowledgeFirst: true, run: () => ({}) }),
        // Asked of each input, its options typed as run reads them.
        defineSubcommand({
          name: 'maybe',
          description: 'Writes when told to',
          options: { mode: stringOption({ description: 'read or write', required: true }) },
          acknowledgeFirst: (input) => input.options.mode.trim() === 'write',
          run: () => ({}),
        }),
        defineSubcommand({
          name: 'broken',
          description: 'Its declaration fails',
          acknowledgeFirst: () => {
            throw new Error('the declaration broke');
          },
          run: () => ({}),
        }),
      ],
    }),
  ];
  const dispatcher = new CommandDispatcher(
    commands,
    readerServices(Library.of([], PartyRegistry.builtIn())),
    log,
  );

  it('on a command, a subcommand, or asked of the input', () => {
    expect(dispatcher.acknowledgeFirst(ask('post', 'one'))).toBe(true);
    expect(dispatcher.acknowledgeFirst(ask('post', 'two'))).toBe(true);
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'read'))).toBe(false);
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'write'))).toBe(true);
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'maybe', { mode: ' write' }))).toBe(true);
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'maybe', { mode: 'read' }))).toBe(false);
    // Missing its required option: refused before anything is asked of it.
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'maybe'))).toBe(false);
  });

  it('a declaration that fails counts as yes (acknowledging is never wrong), and is logged', () => {
    expect(dispatcher.acknowledgeFirst(ask('mixed', 'broken'))).toBe(true);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'could not tell whether to acknowledge first: acknowledging first',
        err: expect.objectContaining({ message: 'the declaration broke' }),
      }),
    );
  });

  it('changes nothing about running the question itself (the terminal and the editor tools ignore it)', async () => {
    expect(await dispatcher.run(ask('post', 'one'))).toEqual({ content: 'one' });
    expect(await dispatcher.run(ask('mixed', 'maybe', { mode: 'write' }))).toEqual({});
  });
});
