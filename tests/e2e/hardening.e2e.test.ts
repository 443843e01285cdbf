/**
 * `npm start` and `npm run deploy-commands` as processes, on the paths the hardening issue reproduced:
 * a database path that cannot exist, secrets reaching stderr, parties.yml replaced by a FIFO.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { briefingFolder } from '../../tools/briefing-files.js';
import { FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { fifo } from '../files/helpers.js';
import { entryArgs, PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';
import { databasePath, eventually, ids } from './harness.js';

const root = resolve(import.meta.dirname, '../..');

interface Run {
  child: ChildProcess;
  /** stdout and stderr together, as they arrive. */
  output: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
let fake: FakeDiscord | undefined;

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  fake = undefined;
});

function run(entry: 'main' | 'deploy-commands', env: Record<string, string>): Run {
  const child = spawn(process.execPath, entryArgs(entry), {
    cwd: root,
    // DISCORD_TOKEN empty: nothing from a developer's .env or shell leaks into the test.
    env: { ...process.env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
    stderr += chunk;
  });
  // 'close', not 'exit': the output is complete only once the pipes have closed too.
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  return { child, output: () => output, stderr: () => stderr, exited };
}

describe('npm start', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('stops promptly with one line naming a DATABASE_PATH that cannot exist', async () => {
    const bot = run('main', {
      DATABASE_PATH: '/proc/nope/db.sqlite',
      BRIEFINGS_DIR: await briefingFolder(),
    });
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Could not start: Cannot write the schedule database \/proc\/nope\/db\.sqlite /,
    );
  });

  it('scrubs the token from the fatal line when a REST error echoes it', async () => {
    fake = await startFakeDiscord();
    fake.failNext((request) => request.method === 'GET' && request.path.endsWith('/commands'), 403, {
      message: `Missing Access for Bot ${FAKE_TOKEN}`,
      code: 50001,
    });
    const bot = run('main', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: ids.guild,
      BRIEFINGS_DIR: await briefingFolder(),
      DATABASE_PATH: await databasePath(),
      LOG_LEVEL: 'silent',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/^Could not start: could not register the slash commands \(.*\[redacted\]/);
    expect(bot.output()).not.toContain(FAKE_TOKEN);
  });

  it('names a token pasted into DISCORD_CLIENT_ID without echoing it', async () => {
    const bot = run('main', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_CLIENT_ID: FAKE_TOKEN,
      BRIEFINGS_DIR: await briefingFolder(),
      DATABASE_PATH: await databasePath(),
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/^DISCORD_CLIENT_ID: expected a Discord id .*the value is not shown/);
    expect(bot.output()).not.toContain(FAKE_TOKEN);
    expect(bot.output()).not.toContain('fake-token-for-local-tests-only');
  });

  it('logs DISCORD_API_URL without its user:password, and starts with parties.yml a FIFO', async () => {
    fake = await startFakeDiscord();
    const briefings = await briefingFolder();
    // The shipped parties.yml replaced by a FIFO nobody writes to.
    fifo(join(briefings, '.parties.fifo'));
    await rename(join(briefings, '.parties.fifo'), join(briefings, 'parties.yml'));
    const bot = run('main', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl.replace('http://', 'http://someone:hunter2secret@'),
      DISCORD_GUILD_ID: ids.guild,
      BRIEFINGS_DIR: briefings,
      DATABASE_PATH: await databasePath(),
      LOG_LEVEL: 'info',
    });
    await eventually(
      () => bot.output().includes('"msg":"commands registered"'),
      'the bot started and registered its commands',
      PROCESS_TEST_TIMEOUT_MS - 10_000,
    );
    const complete = bot.output().slice(0, bot.output().lastIndexOf('\n'));
    const lines = complete.split('\n').map((line) => JSON.parse(line) as { msg: string; api?: string });
    expect(lines.find((line) => line.msg === 'logging in')?.api).toBe(fake.apiUrl);
    expect(lines.map((line) => line.msg)).toContain(`${join(briefings, 'parties.yml')}: not a regular file`);
    expect(bot.output()).not.toMatch(/hunter2secret|someone/);
  });
});

describe('npm run deploy-commands', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('scrubs the token from the failure line when a REST error echoes it', async () => {
    fake = await startFakeDiscord();
    fake.failNext((request) => request.method === 'GET' && request.path.endsWith('/applications/@me'), 403, {
      message: `Unknown application for ${FAKE_TOKEN}`,
      code: 50001,
    });
    const deploy = run('deploy-commands', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(await deploy.exited).toBe(1);
    expect(deploy.stderr()).toBe('Could not register commands: Unknown application for [redacted]\n');
    expect(deploy.output()).not.toContain(FAKE_TOKEN);
  });
});
