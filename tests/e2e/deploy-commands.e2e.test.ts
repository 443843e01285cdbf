/**
 * `npm run deploy-commands` against the fake: registers once, then finds nothing to change. Each test waits for
 * its processes to exit; PROCESS_TEST_TIMEOUT_MS is what a loaded machine needs for them to start.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { entryArgs, PROCESS_TEST_TIMEOUT_MS } from '../support/processes.js';
import { ids } from './harness.js';

const root = resolve(import.meta.dirname, '../..');
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord();
});

afterAll(async () => {
  await fake.close();
});

function deploy(env: Record<string, string>) {
  return promisify(execFile)(process.execPath, entryArgs('deploy-commands'), {
    cwd: root,
    env: {
      ...process.env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
}

describe('npm run deploy-commands', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('registers globally, reading the application id from Discord, and is idempotent', async () => {
    const first = await deploy({});
    expect(first.stdout).toMatch(/^Registered 3 command\(s\) globally/);
    expect(
      fake
        .commands()
        .map((command) => command.name)
        .sort(),
    ).toEqual(['briefing', 'digest', 'editor']);
    const puts = () => fake.requests.filter((request) => request.method === 'PUT').length;
    expect(puts()).toBe(1);

    const second = await deploy({});
    expect(second.stdout).toMatch(/^Already up to date: 3 command\(s\)/);
    expect(puts()).toBe(1);
  });

  it('registers in one server when DISCORD_GUILD_ID is set', async () => {
    const result = await deploy({ DISCORD_GUILD_ID: ids.guild, DISCORD_CLIENT_ID: ids.application });
    expect(result.stdout).toContain(`in server ${ids.guild}`);
    expect(fake.commands(ids.guild)).toHaveLength(3);
    expect(fake.describeViolations()).toBe('');
  });
});
