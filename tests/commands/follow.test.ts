/**
 * /briefing follow, unfollow and following through the dispatcher, the note a paused reader gets once with their
 * next /briefing answer, and /digest subscribe's mention_role.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { allCommands } from '../../src/commands/index.js';
import type { CommandInput, RoleOption } from '../../src/commands/types.js';
import { parseLine } from '../../src/console/parse-line.js';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { clock, FakeDirectMessages, makeFollowService, Shelf } from '../follow/helpers.js';
import { makeBriefing } from '../support/briefings.js';
import { channels, GUILD, noDigests, testDispatcher, USER } from '../support/services.js';

const briefings = [
  makeBriefing({ id: 'berlin-talks', date: '2026-03-01', summary: 'Russia and Ukraine are far apart.' }),
];

function followDispatcher() {
  const library = Library.of(briefings, PartyRegistry.builtIn());
  const time = clock('2026-03-02T10:00:00Z');
  const dms = new FakeDirectMessages();
  const { service, store } = makeFollowService({ time, shelf: new Shelf(), dms });
  const dispatcher = new CommandDispatcher(
    allCommands,
    { library: () => library, digests: noDigests, defaultTimezone: 'UTC', now: time.now, follows: service },
    pino({ level: 'silent' }),
  );
  const run = (
    subcommand: string,
    options: CommandInput['options'] = {},
    extra: Partial<CommandInput> = {},
  ) =>
    dispatcher.run({
      command: 'briefing',
      subcommand,
      options,
      channels: {},
      user: USER,
      guildId: GUILD,
      channelId: channels.briefings.id,
      canManageServer: false,
      ...extra,
    });
  return { run, service, store, dms };
}

describe('/briefing follow, unfollow, following', () => {
  it('follows a known party by its name, says what comes and when, and lists it', async () => {
    const { run } = followDispatcher();
    const followed = await run('follow', { party: 'ukraine' });
    expect(followed).toMatchObject({
      ephemeral: true,
      content: expect.stringMatching(/^You follow \*\*Ukraine\*\*\./),
    });
    expect(followed.content).toContain('at most one direct message a day, from 09:00 (Europe/Berlin)');
    expect((await run('follow', { party: 'Ukraine' })).content).toMatch(
      /^You already follow \*\*Ukraine\*\*/,
    );
    expect((await run('follow', { party: 'Narnia' })).content).toMatch(/not a party I know/);
    await run('follow', { party: 'Russia' });

    const list = await run('following');
    expect(list.ephemeral).toBe(true);
    expect(list.content).toContain('• Russia · since 2 Mar 2026');
    expect(list.content).toContain('• Ukraine · since 2 Mar 2026');
    expect(list.content).toMatch(/Next alert: as soon as a new briefing names one of them/);

    expect((await run('unfollow', { party: 'Ukraine' })).content).toBe(
      'You no longer follow **Ukraine**.\nYou follow: Russia.',
    );
    expect((await run('unfollow', { party: 'Ukraine' })).content).toMatch(
      /^You do not follow \*\*Ukraine\*\*/,
    );
    await run('unfollow', { party: 'Russia' });
    expect((await run('following')).content).toMatch(/^You follow no party/);
  });

  it('tells a paused reader once, privately, with their next /briefing answer', async () => {
    const { run, store } = followDispatcher();
    await run('follow', { party: 'Ukraine' });
    await store.pause(USER.id, { code: 'dms-closed' }, new Date('2026-03-02T10:00:00Z'));

    const first = await run('latest');
    expect(first.ephemeral).toBe(true);
    expect(first.followUps?.at(-1)?.content).toMatch(
      /Your alerts are paused.*direct messages are closed to me/,
    );
    expect(first.followUps?.at(-1)?.content).toContain('/briefing follow');

    const second = await run('latest');
    expect(second.ephemeral).toBeFalsy();
    expect(second.followUps ?? []).toEqual([]);
    expect((await run('following')).content).toMatch(/Your alerts are paused/);

    const resumed = await run('follow', { party: 'Ukraine' });
    expect(resumed.content).toMatch(/they are on again/);
    expect((await run('following')).content).not.toMatch(/paused/);
  });
});

describe('/digest subscribe mention_role', () => {
  const watchers: RoleOption = { id: '444444444444444441', name: 'Ukraine watchers', mentionable: true };
  const quiet: RoleOption = { id: '444444444444444442', name: 'Quiet', mentionable: false };

  function subscribe(options: CommandInput['options'], role: RoleOption) {
    const { dispatcher, input, digests } = testDispatcher(briefings);
    const reply = dispatcher.run(
      input(
        'digest',
        'subscribe',
        { time: '08:00', mention_role: role.id, ...options },
        { channels: { channel: channels.briefings }, roles: { mention_role: role } },
      ),
    );
    return { reply, digests };
  }

  it('needs a party, and says what to type', async () => {
    const { reply, digests } = subscribe({}, watchers);
    expect(await reply).toMatchObject({
      ephemeral: true,
      content: expect.stringContaining(
        'mention_role needs party: @Ukraine watchers is mentioned when a digest has briefings about that party. Add one, e.g. /digest subscribe channel:#briefings time:08:00 party:Ukraine mention_role:@Ukraine watchers',
      ),
    });
    expect(await digests.subscriptions.get(channels.briefings.id)).toBeUndefined();
  });

  it('refuses @everyone', async () => {
    const { reply } = subscribe({ party: 'Ukraine' }, { id: GUILD, name: '@everyone', mentionable: true });
    expect((await reply).content).toMatch(/rather than @everyone/);
  });

  it('stores the role with the party; a role not mentionable is said to need Mention Everyone', async () => {
    const ok = subscribe({ party: 'Ukraine' }, watchers);
    expect((await ok.reply).content).not.toMatch(/Mention Everyone/);
    expect(await ok.digests.subscriptions.get(channels.briefings.id)).toMatchObject({
      party: 'Ukraine',
      mentionRoleId: watchers.id,
    });

    const warned = subscribe({ party: 'Ukraine' }, quiet);
    expect((await warned.reply).content).toMatch(
      /@Quiet is not mentionable: the bot can mention it only with \*\*Mention Everyone\*\* in #briefings/,
    );
    expect((await warned.digests.subscriptions.get(channels.briefings.id))?.mentionRoleId).toBe(quiet.id);
  });

  it('is refused at the terminal, which has no roles', () => {
    expect(
      parseLine('/digest subscribe channel:here time:08:00 party:Ukraine mention_role:@x', allCommands),
    ).toEqual({
      ok: false,
      error: 'The terminal has no roles to mention: run /digest subscribe without mention_role:.',
    });
  });
});
