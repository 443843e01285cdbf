/**
 * /briefing anywhere: registered for server and user installs, in servers, DMs with the bot and other DMs and
 * group DMs; /digest and /editor only where a server installed the bot. A reader's user install answers in a
 * server that has not installed the bot, to the asker alone where the server does not let members use external
 * apps. Through the real discord.js client against the fake Discord, with commands registered globally.
 */
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingFolder } from '../../tools/briefing-files.js';
import {
  type FakeDiscord,
  type InteractionExchange,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, ids, startBot } from './harness.js';

let fake: FakeDiscord;
let app: RunningApp;
const reader = ids.users.reader;

beforeAll(async () => {
  fake = await startFakeDiscord();
  app = await startBot(fake, {
    briefingsDir: await briefingFolder(),
    databasePath: await databasePath(),
    // Global registration: user installs see only global commands.
    env: { DISCORD_GUILD_ID: '' },
  });
}, E2E_TEST_TIMEOUT_MS);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const flagsOf = (exchange: InteractionExchange) => Number(exchange.callback.data?.flags ?? 0);
const isEphemeral = (exchange: InteractionExchange) => (flagsOf(exchange) & MessageFlags.Ephemeral) !== 0;
/** Everything the answer shows, as one string, to look for a briefing's title in. */
const shown = (exchange: InteractionExchange) => JSON.stringify(exchange.callback.data ?? {});
const LATEST = 'Berlin talks go into a second day';

describe('/briefing anywhere', () => {
  it('registers /briefing for server and user installs everywhere, the management commands for servers only', () => {
    const commands = Object.fromEntries(fake.commands().map((command) => [command.name, command]));
    expect(commands.briefing).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(commands.digest).toMatchObject({ integration_types: [0], contexts: [0] });
    expect(commands.editor).toMatchObject({ integration_types: [0], contexts: [0] });
  });

  it('answers a user install in a server without the bot: publicly where external apps are allowed', async () => {
    const answer = await fake.command(
      'briefing latest',
      {},
      { user: reader, installedBy: 'user', elsewhere: 'foreign-guild' },
    );
    expect(answer.callback.type).toBe(4);
    expect(isEphemeral(answer)).toBe(false);
    expect(shown(answer)).toContain(LATEST);
  });

  it('answers the asker alone where the server does not let its members use external apps', async () => {
    const answer = await fake.command(
      'briefing latest',
      {},
      {
        user: reader,
        installedBy: 'user',
        elsewhere: 'foreign-guild',
        permissions: ['ViewChannel', 'SendMessages'],
      },
    );
    expect(isEphemeral(answer)).toBe(true);
    expect(shown(answer)).toContain(LATEST);
  });

  it('answers in a group DM between users and in a DM with the bot', async () => {
    const group = await fake.command(
      'briefing latest',
      {},
      { user: reader, installedBy: 'user', elsewhere: 'private-channel' },
    );
    expect(isEphemeral(group)).toBe(false);
    expect(shown(group)).toContain(LATEST);
    const dm = await fake.command(
      'briefing search',
      { query: 'donetsk' },
      { user: reader, installedBy: 'user', guildId: null },
    );
    expect(shown(dm)).toMatch(/donetsk/i);
  });

  it('still answers where a server installed it, and nothing broke a limit or pinged anyone', async () => {
    const answer = await fake.command('briefing latest', {}, { user: reader });
    expect(isEphemeral(answer)).toBe(false);
    expect(shown(answer)).toContain(LATEST);
    expect(fake.describeViolations()).toBe('');
  });

  it('offers /digest and /editor to no user install, as Discord would not', async () => {
    await expect(
      fake.command('digest list', {}, { user: reader, installedBy: 'user', elsewhere: 'foreign-guild' }),
    ).rejects.toThrow(/not registered for a user install/);
    await expect(
      fake.command('editor publish', {}, { user: reader, installedBy: 'user', guildId: null }),
    ).rejects.toThrow(/not registered for a DM with the bot/);
  });
});
