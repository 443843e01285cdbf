import { describe, expect, it } from 'vitest';
import { ConfigError, configSecrets, environmentSecrets, readConfig } from '../../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('readConfig', () => {
  it('gives local mode and the documented defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config.discordToken).toBeUndefined();
    expect(config.briefingsDir).toBe('./briefings');
    expect(config.databasePath).toBe('./data/briefing-bot.sqlite');
    expect(config.defaultTimezone).toBe('UTC');
    expect(config.digestGraceMs).toBe(12 * 3_600_000);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(readConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ' }).discordGuildId).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = readConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:3000/api',
      BRIEFINGS_DIR: '/srv/briefings',
      DATABASE_PATH: '/srv/db.sqlite',
      DEFAULT_TIMEZONE: 'Europe/Berlin',
      DIGEST_GRACE_HOURS: '3',
      LOG_LEVEL: 'debug',
      EDITOR_ROLE_IDS: '323456789012345678, 423456789012345678',
    });
    expect(config).toMatchObject({
      editorRoleIds: ['323456789012345678', '423456789012345678'],
      discordToken: TOKEN,
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:3000/api',
      defaultTimezone: 'Europe/Berlin',
      digestGraceMs: 3 * 3_600_000,
      logLevel: 'debug',
    });
  });

  it('has no editor roles unless told, and refuses a role that is not an id', () => {
    expect(readConfig({}).editorRoleIds).toEqual([]);
    expect(problemsOf({ EDITOR_ROLE_IDS: '323456789012345678,@editors' })).toEqual([
      expect.stringMatching(
        /^EDITOR_ROLE_IDS: expected Discord role ids \(17 to 20 digits\), comma-separated/,
      ),
    ]);
  });

  it('names each malformed variable on its own line with what to put there', () => {
    const problems = problemsOf({
      DISCORD_GUILD_ID: 'my-server',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      DISCORD_API_URL: 'not a url',
    });
    expect(problems).toHaveLength(3);
    expect(problems.find((line) => line.startsWith('DISCORD_GUILD_ID:'))).toMatch(
      /17 to 20 digits.*"my-server"/,
    );
    expect(problems.find((line) => line.startsWith('DEFAULT_TIMEZONE:'))).toMatch(/Europe\/Berlin/);
    expect(problems.find((line) => line.startsWith('DISCORD_API_URL:'))).toMatch(/http/);
  });

  it('takes a grace of 0 (no catch-up) or of a minute or more, and refuses one in between', () => {
    expect(readConfig({ DIGEST_GRACE_HOURS: '0' }).digestGraceMs).toBe(0);
    expect(readConfig({ DIGEST_GRACE_HOURS: '0.02' }).digestGraceMs).toBe(72_000);
    const [problem] = problemsOf({ DIGEST_GRACE_HOURS: '0.01' });
    expect(problem).toMatch(
      /^DIGEST_GRACE_HOURS: expected 0 \(no catch-up after downtime\) or at least one minute/,
    );
  });

  it('puts the index beside the database, and refuses an index path that is the database itself', () => {
    expect(readConfig({ DATABASE_PATH: '/srv/bot/db.sqlite' }).indexPath).toBeUndefined();
    expect(readConfig({ INDEX_PATH: '/srv/cache/index.sqlite' }).indexPath).toBe('/srv/cache/index.sqlite');
    const problems = problemsOf({ DATABASE_PATH: './data/db.sqlite', INDEX_PATH: 'data/../data/db.sqlite' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^INDEX_PATH: expected a file of its own, not DATABASE_PATH/);
  });

  it('never echoes a malformed token back', () => {
    const [problem] = problemsOf({ DISCORD_TOKEN: 'short-secret' });
    expect(problem).toMatch(/^DISCORD_TOKEN:/);
    expect(problem).not.toContain('short-secret');
  });

  it('never echoes a token, or another secret-looking value, pasted into an id or URL variable', () => {
    const clientSecret = 'Xy7kQ2mP9vL4nR8sT1wZ5bC3dF6gH0jK';
    const problems = problemsOf({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: TOKEN,
      DISCORD_GUILD_ID: clientSecret,
      DISCORD_API_URL: TOKEN,
    });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual([
      'DISCORD_API_URL',
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
    ]);
    for (const line of problems) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(clientSecret);
      expect(line).not.toContain('MTIzNDU2');
      expect(line).toContain('the value is not shown: it looks like a token or another secret');
    }
    expect(problems.find((line) => line.startsWith('DISCORD_CLIENT_ID:'))).toMatch(/17 to 20 digits/);
  });

  it('quotes a bad URL without its user:password', () => {
    const [problem] = problemsOf({ DISCORD_API_URL: 'ftp://someone:hunter2secret@proxy.example/api' });
    expect(problem).toMatch(/^DISCORD_API_URL: .*\(got "ftp:\/\/proxy\.example\/api"\)/);
    expect(problem).not.toContain('hunter2secret');
    expect(problem).not.toContain('someone');
  });

  it('lists the values no line may carry, from the config and from a raw environment', () => {
    expect(configSecrets({ discordToken: TOKEN, discordApiUrl: 'http://bot:p%40ssword1@host/api' })).toEqual([
      TOKEN,
      'p%40ssword1',
      'p@ssword1',
    ]);
    expect(configSecrets({})).toEqual([]);
    expect(
      environmentSecrets({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_CLIENT_ID: 'Xy7kQ2mP9vL4nR8sT1wZ5bC3dF6gH0jK',
      }),
    ).toEqual([TOKEN, 'Xy7kQ2mP9vL4nR8sT1wZ5bC3dF6gH0jK']);
  });

  it('reads the settings of several instances: Postgres, shards, the hold on a digest, the instance name', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://bot:secret@db.internal:5432/briefings',
      SHARD_COUNT: '4',
      SHARD_IDS: '0, 2',
      DIGEST_LEASE_SECONDS: '5',
      INSTANCE_NAME: 'eu-1',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://bot:secret@db.internal:5432/briefings',
      shardCount: 4,
      shardIds: [0, 2],
      digestLeaseMs: 5_000,
      instanceName: 'eu-1',
    });
    expect(readConfig({})).toMatchObject({
      databaseUrl: undefined,
      shardIds: undefined,
      digestLeaseMs: 30_000,
    });
  });

  it('says what to put for a database URL, shard list or instance name it cannot use, and never echoes a password', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://bot:hunter2secret@db/briefings',
      SHARD_COUNT: '0',
      SHARD_IDS: 'first',
      INSTANCE_NAME: 'two words',
    });
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'DATABASE_URL',
      'SHARD_COUNT',
      'SHARD_IDS',
      'INSTANCE_NAME',
    ]);
    expect(problems[0]).toMatch(/expected a Postgres URL such as postgres:\/\//);
    expect(problems[2]).toMatch(/comma-separated, such as 0,1/);
    expect(problems.join('\n')).not.toContain('hunter2secret');
  });

  it('scrubs the database password from every line', () => {
    expect(configSecrets({ databaseUrl: 'postgres://bot:s%3Dcret99@db/briefings' })).toEqual([
      's%3Dcret99',
      's=cret99',
    ]);
    expect(environmentSecrets({ DATABASE_URL: 'postgres://bot:s3cret99@db/briefings' })).toEqual([
      's3cret99',
    ]);
  });
});
