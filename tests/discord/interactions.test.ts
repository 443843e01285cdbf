/**
 * The interaction router under a burst: each question's own work runs in a task of its own, never inside the
 * gateway's handler, so replies and deferrals go out between questions; a question whose turn comes late is
 * deferred before its work starts; one whose work waits on something is deferred by the timer meanwhile; one its
 * command acknowledges first is deferred at once, and its work runs only once Discord took the deferral.
 * The clock is the test's: lateness is decided by it, not by how fast the machine is.
 */

import { Writable } from 'node:stream';
import { DiscordAPIError, type Interaction, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { defineCommand, type SlashCommand } from '../../src/commands/command.js';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { defineSubcommand } from '../../src/commands/subcommand.js';
import { InteractionRouter } from '../../src/discord/interactions.js';
import { Library } from '../../src/library/library.js';
import type { Reply } from '../../src/message/payload.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { readerServices } from '../support/services.js';

type Work = () => Reply | Promise<Reply>;

/** A command of one subcommand, `go`, that does the work. */
function command(
  name: string,
  work: Work,
  declared: { acknowledgeFirst?: true; ephemeral?: boolean } = {},
): SlashCommand {
  return defineCommand({
    name,
    description: `The ${name} command`,
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    ...declared,
    subcommands: [defineSubcommand({ name: 'go', description: 'Does the work', run: () => work() })],
  });
}

/** A pino logger writing into `lines`, parsed. */
function recordingLog(lines: { level: number; msg: string; [field: string]: unknown }[]) {
  return pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
}

/** What Discord answers a callback for an interaction another instance answered first (or one too old). */
function refusal(code: number): DiscordAPIError {
  return new DiscordAPIError(
    { code, message: 'Interaction has already been acknowledged.' },
    code,
    code === RESTJSONErrorCodes.UnknownInteraction ? 404 : 400,
    'POST',
    'http://127.0.0.1/api/v10/interactions/1/token/callback',
    { body: undefined, files: undefined },
  );
}

/** A few turns of the event loop: what the router would do meanwhile, were it not waiting, it would do first. */
async function loopTurns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function dispatcherFor(commands: SlashCommand[]) {
  const library = Library.of([], PartyRegistry.builtIn());
  return new CommandDispatcher(commands, readerServices(library), pino({ level: 'silent' }));
}

/** A chat input interaction as the router reads it; what the bot sends is written to `events`. */
function chatInput(
  name: string,
  events: string[],
  onDefer?: () => void,
  forged: {
    options?: unknown[];
    replies?: unknown[];
    /** Discord's answer to the deferral: taken (the default) or refused with this error. */
    deferral?: () => Promise<void>;
    deferrals?: unknown[];
  } = {},
): Interaction {
  const interaction = {
    id: `id-${name}`,
    type: 2,
    commandName: name,
    user: { id: '222222222222222222', username: 'reader' },
    guildId: '111111111111111111',
    channelId: '333333333333333331',
    guild: null,
    memberPermissions: null,
    options: { getSubcommand: () => 'go', data: forged.options ?? [] },
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isButton: () => false,
    isRepliable: () => true,
    async deferReply(options: unknown) {
      events.push(`${name} defer`);
      forged.deferrals?.push(options);
      await forged.deferral?.();
      interaction.deferred = true;
      onDefer?.();
    },
    async reply(message: unknown) {
      events.push(`${name} reply`);
      forged.replies?.push(message);
      interaction.replied = true;
    },
    async editReply() {
      events.push(`${name} edit`);
    },
    async followUp() {
      events.push(`${name} follow-up`);
    },
  };
  return interaction as unknown as Interaction;
}

function autocomplete(name: string, events: string[]): Interaction {
  return {
    ...(chatInput(name, events) as unknown as Record<string, unknown>),
    isAutocomplete: () => true,
    isChatInputCommand: () => false,
    options: { getSubcommand: () => 'go', data: [], getFocused: () => ({ name: 'name', value: 'ru' }) },
    async respond() {
      events.push(`${name} choices`);
    },
  } as unknown as Interaction;
}

describe('InteractionRouter', () => {
  it('runs each question in a task of its own, never inside the handler the gateway called', async () => {
    const events: string[] = [];
    const dispatcher = dispatcherFor([
      command('first', () => {
        events.push('first work');
        // Something the first question's work starts: it gets its turn before the next question's work.
        setImmediate(() => events.push('the event loop turned'));
        return { content: 'one' };
      }),
      command('second', () => {
        events.push('second work');
        return { content: 'two' };
      }),
    ]);
    const router = new InteractionRouter(dispatcher, pino({ level: 'silent' }));
    router.handle(chatInput('first', events));
    router.handle(chatInput('second', events));
    router.handle(autocomplete('third', events));
    expect(events).toEqual([]);
    await router.drain();
    expect(events.indexOf('first work')).toBeLessThan(events.indexOf('the event loop turned'));
    expect(events.indexOf('the event loop turned')).toBeLessThan(events.indexOf('second work'));
    expect(events).toContain('first reply');
    expect(events).toContain('second reply');
    expect(events).toContain('third choices');
  });

  it('defers a question whose turn comes late before its own work starts, then edits the deferral', async () => {
    const events: string[] = [];
    let now = 0;
    const dispatcher = dispatcherFor([
      command('slow', () => {
        events.push('slow work');
        now += 61_000; // as long as it takes, by the test's clock
        return { content: 'slow' };
      }),
      command('waiting', () => {
        events.push('waiting work');
        return { content: 'waited' };
      }),
    ]);
    const router = new InteractionRouter(dispatcher, pino({ level: 'silent' }), {
      now: () => now,
      deferAfterMs: 60_000,
    });
    router.handle(chatInput('slow', events));
    router.handle(chatInput('waiting', events));
    await router.drain();
    expect(events).toEqual(['slow work', 'slow reply', 'waiting defer', 'waiting work', 'waiting edit']);
  });

  it('defers a question whose work waits on something, by the timer, and answers by editing the deferral', async () => {
    const events: string[] = [];
    let deferred: () => void = () => undefined;
    const deferral = new Promise<void>((resolve) => {
      deferred = resolve;
    });
    const dispatcher = dispatcherFor([
      command('send', async () => {
        events.push('send work starts');
        await deferral; // a digest sent now, waiting on Discord: the timer defers meanwhile
        events.push('send work ends');
        return { content: 'sent' };
      }),
    ]);
    const router = new InteractionRouter(dispatcher, pino({ level: 'silent' }), {
      now: () => 0,
      deferAfterMs: 0,
    });
    router.handle(chatInput('send', events, () => deferred()));
    await router.drain();
    // Whether the timer fired before the work began or while it waited, the answer is an edit of the deferral.
    expect(events).toContain('send work starts');
    expect(events.slice(-2)).toEqual(['send work ends', 'send edit']);
    expect(events.indexOf('send defer')).toBeLessThan(events.indexOf('send work ends'));
    expect(events.filter((event) => event === 'send defer')).toHaveLength(1);
  });

  it('reads a forged option named __proto__ or constructor as an unknown option, not as the prototype', async () => {
    const events: string[] = [];
    const replies: unknown[] = [];
    const dispatcher = dispatcherFor([
      command('plain', () => {
        events.push('plain work');
        return { content: 'should not run' };
      }),
    ]);
    const router = new InteractionRouter(dispatcher, pino({ level: 'silent' }));
    for (const name of ['__proto__', 'constructor']) {
      router.handle(
        chatInput('plain', events, undefined, {
          options: [{ name, type: 3, value: 'x' }],
          replies,
        }),
      );
    }
    await router.drain();
    expect(events).not.toContain('plain work');
    expect(replies).toEqual([
      expect.objectContaining({ content: '/plain go has no option "__proto__". Its options: none.' }),
      expect.objectContaining({ content: '/plain go has no option "constructor". Its options: none.' }),
    ]);
  });

  it('acknowledges first a question its command says to: deferred at once, its work run once Discord took that', async () => {
    const events: string[] = [];
    const deferrals: unknown[] = [];
    const dispatcher = dispatcherFor([
      command(
        'post',
        () => {
          events.push('post work');
          return { content: 'posted' };
        },
        { acknowledgeFirst: true, ephemeral: true },
      ),
    ]);
    // The test's clock never moves: no timer or lateness defers this question, only its declaration.
    const router = new InteractionRouter(dispatcher, pino({ level: 'silent' }), {
      now: () => 0,
      deferAfterMs: 60_000,
    });
    router.handle(
      chatInput('post', events, undefined, {
        deferrals,
        // Discord takes its time to accept: the work waits for it, however many turns the loop takes meanwhile.
        deferral: async () => {
          await loopTurns(5);
          events.push('post deferral taken');
        },
      }),
    );
    await router.drain();
    expect(events).toEqual(['post defer', 'post deferral taken', 'post work', 'post edit']);
    // As the answer will be: for the asker alone.
    expect(deferrals).toEqual([{ flags: MessageFlags.Ephemeral }]);
  });

  it('never runs the work of a question acknowledged first that Discord refused: another instance has it', async () => {
    for (const code of [
      RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
      RESTJSONErrorCodes.UnknownInteraction,
    ]) {
      const events: string[] = [];
      const lines: { level: number; msg: string }[] = [];
      const dispatcher = dispatcherFor([
        command(
          'post',
          () => {
            events.push('post work');
            return { content: 'posted twice' };
          },
          { acknowledgeFirst: true },
        ),
      ]);
      const router = new InteractionRouter(dispatcher, recordingLog(lines), { now: () => 0 });
      router.handle(
        chatInput('post', events, undefined, {
          deferral: async () => {
            throw refusal(code);
          },
        }),
      );
      await router.drain();
      // Nothing but the refused deferral: no work, no reply, no apology to a user who has the other's answer.
      expect(events).toEqual(['post defer']);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 30,
          command: 'post',
          subcommand: 'go',
          interaction: 'id-post',
          msg: expect.stringMatching(/another instance: its work was not run here$/),
        }),
      );
    }
  });

  it('runs no work after a deferral that failed otherwise, and tells the asker something went wrong', async () => {
    const events: string[] = [];
    const lines: { level: number; msg: string }[] = [];
    const dispatcher = dispatcherFor([
      command(
        'post',
        () => {
          events.push('post work');
          return { content: 'posted' };
        },
        { acknowledgeFirst: true },
      ),
    ]);
    const router = new InteractionRouter(dispatcher, recordingLog(lines), { now: () => 0 });
    router.handle(
      chatInput('post', events, undefined, {
        deferral: async () => {
          throw new Error('socket hang up');
        },
      }),
    );
    await router.drain();
    expect(events).toEqual(['post defer', 'post reply']);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: 'interaction failed' }));
  });
});
