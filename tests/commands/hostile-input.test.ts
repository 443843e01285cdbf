/**
 * Input no Discord client would send (forged interactions, typed lines): names thousands of characters long,
 * subcommands and values named like object methods. Each gets an ephemeral notice saying what to type instead;
 * none reaches a handler, a regular expression or an object's prototype.
 */

import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { briefingCommand } from '../../src/commands/briefing/index.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { allCommands } from '../../src/commands/index.js';
import { UsageError } from '../../src/commands/types.js';
import { Library } from '../../src/library/library.js';
import type { Reply } from '../../src/message/payload.js';
import { parsePartiesFile } from '../../src/party/parties-file.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { decodePageId } from '../../src/render/page-id.js';
import { makeBriefing } from '../support/briefings.js';
import { buttonsOf, smallPrintOf, titleOf } from '../support/message-text.js';
import { readerServices, testDispatcher } from '../support/services.js';

const briefings = [
  makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    title: 'Berlin talks enter a second day',
    summary: 'Russia and Ukraine are far apart.',
  }),
];

/** A notice only the asker sees, short enough to read. */
function expectNotice(reply: Reply, pattern: RegExp): void {
  expect(reply.ephemeral).toBe(true);
  expect(reply.content).toMatch(pattern);
  expect(reply.content?.length).toBeLessThan(400);
  expect(reply.content).not.toMatch(/Something went wrong/);
}

describe('a party name thousands of characters long', () => {
  const { dispatcher, input } = testDispatcher(briefings);

  it('gets an ephemeral notice giving the limit and what to type instead', async () => {
    const reply = await dispatcher.run(input('briefing', 'party', { name: 'x'.repeat(9_000) }));
    expectNotice(reply, /at most 100 characters; this one has 9,000\. .*\/briefing party name:Russia/);
    // A digest filter too: held to its option's limit.
    const digest = await dispatcher.run(
      input('digest', 'subscribe', { channel: '333333333333333331', time: '08:00', party: 'y'.repeat(500) }),
    );
    expectNotice(digest, /party option takes at most 80 characters; this one has 500/);
  });

  it('is refused by the handler itself, past the dispatcher, with the library limit', () => {
    const { library } = testDispatcher(briefings);
    const run = () =>
      briefingCommand.run(
        {
          command: 'briefing',
          subcommand: 'party',
          options: { name: 'x'.repeat(9_000) },
          channels: {},
          user: { id: '1', name: 'someone' },
          guildId: null,
          channelId: null,
          canManageServer: false,
        },
        readerServices(library),
      );
    expect(run).toThrow(UsageError);
    expect(run).toThrow(/at most 100 characters; this one has 9,000\. Type a shorter name/);
  });
});

describe('forged subcommands, options and values', () => {
  const { dispatcher, input } = testDispatcher(briefings);

  it('a subcommand named like an object method is unknown, for both commands', async () => {
    for (const subcommand of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expectNotice(
        await dispatcher.run(input('briefing', subcommand)),
        /^\/briefing has no subcommand ".+"\. Try one of: latest, today/,
      );
      expectNotice(
        await dispatcher.run(input('digest', subcommand)),
        /^\/digest has no subcommand ".+"\. Try one of: subscribe/,
      );
    }
  });

  it('past the dispatcher, the handlers know only their own subcommands', () => {
    const { library } = testDispatcher(briefings);
    for (const subcommand of ['toString', 'constructor']) {
      const run = () =>
        briefingCommand.run(
          {
            command: 'briefing',
            subcommand,
            options: {},
            channels: {},
            user: { id: '1', name: 'someone' },
            guildId: null,
            channelId: null,
            canManageServer: false,
          },
          readerServices(library),
        );
      expect(run).toThrow(UsageError);
    }
  });

  it('an unknown option, a value outside the choices and a value of the wrong type get notices', async () => {
    expectNotice(
      await dispatcher.run(input('briefing', 'party', { name: 'Russia', constructor: 'x' })),
      /^\/briefing party has no option "constructor"\. Its options: name, view, versus, section\.$/,
    );
    expectNotice(
      await dispatcher.run(input('briefing', 'party', { name: 'Russia', section: 'toString' })),
      /^section must be one of: whatHappened, whyItMatters, implications\.$/,
    );
    expectNotice(
      await dispatcher.run(input('briefing', 'list', { page: 'constructor' })),
      /^page must be a whole number\.$/,
    );
    expectNotice(await dispatcher.run(input('briefing', 'show', { id: 42 })), /^id must be text\.$/);
  });

  it('a forged button id is no longer valid, whatever it names', () => {
    for (const customId of [
      'page:toString:222222222222222222:1::Russia',
      'page:constructor:222222222222222222:1::',
      'page:__proto__:222222222222222222:1::',
      'page:party:222222222222222222:1:toString:Russia',
      'page:party:222222222222222222:1:constructor:Russia',
    ]) {
      const { reply, update } = dispatcher.page(customId, '222222222222222222');
      expect(update).toBe(false);
      expectNotice(reply, /This button is no longer valid/);
    }
  });
});

describe('a party with a name over 100 characters', () => {
  const longName = `The ${'Very '.repeat(20)}Long Commission`;
  const { entries } = parsePartiesFile(
    'parties.yml',
    `- name: ${longName}\n  kind: organisation\n  aliases: [Long Commission]\n`,
  );
  const many = Array.from({ length: 40 }, (_, index) =>
    makeBriefing({
      id: `commission-${String(index).padStart(2, '0')}`,
      date: `2025-11-${String((index % 28) + 1).padStart(2, '0')}`,
      summary: `The Long Commission met for the ${index + 1}th time. ${'It talked at length. '.repeat(10)}`,
      sections: {
        whatHappened: [`The Long Commission published report ${index + 1}. ${'Details follow. '.repeat(20)}`],
        whyItMatters: [`The Long Commission sets the rules. ${'More detail here. '.repeat(20)}`],
        implications: ['Nothing changes yet.'],
      },
    }),
  );
  const library = Library.of(many, PartyRegistry.builtIn().withFile(entries));
  const dispatcher = new CommandDispatcher(
    allCommands,
    readerServices(library, () => new Date('2025-12-15T10:00:00Z')),
    pino({ level: 'silent' }),
  );
  const user = { id: '222222222222222222', name: 'reader' };
  const base = {
    command: 'briefing',
    subcommand: 'party',
    channels: {},
    user,
    guildId: '111111111111111111',
    channelId: '333333333333333331',
    canManageServer: false,
  };

  it('is chosen from autocomplete, found, and found again by its page buttons', async () => {
    const [choice] = dispatcher.autocomplete({
      ...base,
      options: { name: 'The Very' },
      focused: { name: 'name', value: 'The Very' },
    });
    expect(longName.length).toBeGreaterThan(100);
    expect(choice?.value.length).toBeLessThanOrEqual(80);
    const reply = await dispatcher.run({ ...base, options: { name: choice!.value } });
    expect(reply.ephemeral).toBeFalsy();
    expect(titleOf(reply)).toMatch(/^The Very Very .*· organisation$/);
    const customId = buttonsOf(reply).find((button) => button.label === 'Next')?.customId;
    if (!customId) throw new Error('the report has no Next button');
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(decodePageId(customId)?.query).toBe(choice?.value);
    const { reply: page2, update } = dispatcher.page(customId, user.id);
    expect(update).toBe(true);
    expect(titleOf(page2)).toBe(titleOf(reply));
    expect(smallPrintOf(page2).join('\n')).toMatch(/Page 2\//);
  });
});
