/**
 * Questions acknowledged first, through real discord.js clients against the fake. Two instances of shard 0 on one
 * database both receive `/digest send-now`: each defers before any work, Discord takes one deferral, and only that
 * instance posts the digest; the other logs that it did not run the question. And a party question asked while
 * the statement model is not loaded yet is deferred before its work starts, whose first stance read loads the
 * model, so that load never holds up the first response.
 */
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { stanceModelLoaded } from '../../src/party/stance/nlp.js';
import { briefingAbout, briefingFolder } from '../../tools/briefing-files.js';
import { type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import type { RecordedRequest } from '../../tools/fake-discord/request-log.js';
import { type LogLine, Logs } from '../support/log-lines.js';
import { titleOf } from '../support/message-text.js';
import { freshDatabase } from '../support/postgres.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, ids, startBot } from './harness.js';

const CALLBACK_ROUTE = '/interactions/{interaction_id}/{interaction_token}/callback';
const EDIT_ROUTE = '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}';

const isCallback = (request: RecordedRequest) =>
  request.method === 'POST' && request.route === CALLBACK_ROUTE;
const isEdit = (request: RecordedRequest) => request.method === 'PATCH' && request.route === EDIT_ROUTE;

let fake: FakeDiscord | undefined;
const apps: RunningApp[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await fake?.close();
  fake = undefined;
}, E2E_TEST_TIMEOUT_MS);

/** Where instances keep the schedule: a SQLite file, or a Postgres database (DATABASE_URL). */
interface Database {
  path: string;
  url?: string;
}

/**
 * An instance of the bot (shard 0 of 1) logging at debug level into `logs`: on the same `database` as another, a
 * second instance of the shard. The archive index is its own, as on a host of its own.
 */
async function startInstance(
  on: FakeDiscord,
  logs: Logs,
  { briefingsDir, database, name }: { briefingsDir: string; database: Database; name: string },
): Promise<RunningApp> {
  const app = await startBot(on, {
    briefingsDir,
    databasePath: database.path,
    env: {
      LOG_LEVEL: 'debug',
      INSTANCE_NAME: name,
      INDEX_PATH: join(await databasePath(), '..', 'index.sqlite'),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    },
    logDestination: logs.destination,
  });
  apps.push(app);
  return app;
}

/**
 * The line an instance ends a question with: it answered; it left the question to the instance Discord let
 * acknowledge it; or it ran the question and then lost the race to answer.
 */
const endOf = (interaction: string) => (line: LogLine) =>
  line.interaction === interaction && (line.msg === 'command answered' || /another instance/.test(line.msg));

describe('a question asked while the statement model is not loaded', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('is deferred before its work starts, as publicly as its answer; once loaded, questions are not', async () => {
    fake = await startFakeDiscord();
    const logs = new Logs();
    const briefingsDir = await briefingFolder();
    await startInstance(fake, logs, { briefingsDir, database: { path: await databasePath() }, name: 'solo' });
    // The bot runs in this process: the model it would load is the one asked about here.
    expect(stanceModelLoaded()).toBe(false);

    // What the model's state is when Discord takes the first response: read before the bot can hear back.
    const atDeferral = fake.waitFor(isCallback, E2E_TEST_TIMEOUT_MS).then(() => stanceModelLoaded());
    const report = await fake.command('briefing party', { name: 'Ukraine' }, { user: ids.users.reader });
    expect(await atDeferral).toBe(false);
    expect(report.callback.type).toBe(5);
    // A party answer is for everyone in the channel: so is the deferral that opens it.
    expect(Number(report.callback.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(titleOf(await report.answer(E2E_TEST_TIMEOUT_MS))).toBe('Ukraine · country');
    expect(stanceModelLoaded()).toBe(true);
    // Discord got the deferral before the edit that carries the work's answer.
    const requests = fake.requests.filter((request) => request.path.includes(report.token));
    expect(
      requests.map((request) => (isCallback(request) ? 'deferral' : isEdit(request) ? 'edit' : '?')),
    ).toEqual(['deferral', 'edit']);
    expect(await logs.waitFor(endOf(report.id))).toMatchObject({
      msg: 'command answered',
      subcommand: 'party',
      deferred: true,
      acknowledgedFirst: true,
    });

    // The model is in memory now: the next party question is answered as it comes, not acknowledged first.
    const next = await fake.command('briefing party', { name: 'Russia' }, { user: ids.users.reader });
    expect(titleOf(await next.answer(E2E_TEST_TIMEOUT_MS))).toBe('Russia · country');
    const answered = await logs.waitFor(endOf(next.id));
    expect(answered).toMatchObject({ msg: 'command answered', subcommand: 'party' });
    expect(answered).not.toHaveProperty('acknowledgedFirst');
    expect(logs.errors).toEqual([]);
    expect(fake.describeViolations()).toBe('');
  });
});

describe.each([
  { store: 'one SQLite file', database: async (): Promise<Database> => ({ path: await databasePath() }) },
  {
    store: 'one Postgres database',
    database: async (): Promise<Database> => ({ path: await databasePath(), url: await freshDatabase() }),
  },
])('two instances of shard 0 on $store', { timeout: E2E_TEST_TIMEOUT_MS }, ({ database: shared }) => {
  it('post a digest sent now once: Discord lets one instance answer, and only that one sends', async () => {
    fake = await startFakeDiscord();
    const first = new Logs();
    const second = new Logs();
    // A briefing of today's: what a digest subscribed today has to post.
    const today = new Date().toISOString().slice(0, 10);
    const briefingsDir = await briefingFolder({
      [`${today}-desk-today.md`]: briefingAbout('desk-today', today, 'Ukraine'),
    });
    const database = await shared();
    const [app] = [
      await startInstance(fake, first, { briefingsDir, database, name: 'first' }),
      await startInstance(fake, second, { briefingsDir, database, name: 'second' }),
    ];
    await fake.waitForShard(0, 1, 2);
    const channel = ids.channels.briefings;
    // Due twelve hours from now: nothing is scheduled to go out while the test runs, only what is sent now.
    const hour = String((new Date().getUTCHours() + 12) % 24).padStart(2, '0');
    await app!.digests.subscriptions.subscribe({
      guildId: ids.guild,
      channelId: channel,
      channelName: 'briefings',
      time: `${hour}:00`,
      timezone: 'UTC',
      createdBy: ids.users.manager,
    });
    expect(fake.messages(channel)).toEqual([]);

    const exchange = await fake.command('digest send-now', { channel }, { user: ids.users.manager });
    expect(exchange.deliveredTo).toHaveLength(2);
    const [ofFirst, ofSecond] = await Promise.all(
      [first, second].map((logs) => logs.waitFor(endOf(exchange.id))),
    );
    // One instance answered; the other was refused its deferral and ran nothing.
    const ends = [ofFirst, ofSecond].map((line) => line?.msg).sort();
    expect(ends).toEqual([
      'command answered',
      'question taken by another instance: its work was not run here',
    ]);
    expect([ofFirst, ofSecond].find((line) => line?.msg === 'command answered')).toMatchObject({
      subcommand: 'send-now',
      acknowledgedFirst: true,
    });
    expect(exchange.refusedCallbacks).toBe(1);

    // The asker sees one answer: the deferral, for them alone, edited once into what was posted.
    expect(exchange.callback).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const answer = await exchange.answer(E2E_TEST_TIMEOUT_MS);
    expect(String(answer.content)).toMatch(/^Posted \d+ new briefings? in <#\d+> \(\d+ messages?\)\.$/);
    expect(exchange.edits).toHaveLength(1);
    expect(exchange.followUps).toEqual([]);

    // The digest went out once: one delivery in the ledger the instances share, and its messages alone.
    const deliveries = await app!.digests.status(ids.guild, channel);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ kind: 'manual', status: 'sent' });
    const posted = fake.messages(channel).map((message) => message.id);
    expect(posted).toEqual(deliveries[0]?.messageIds);
    expect(String(answer.content)).toContain(`(${posted.length} message`);

    expect([...first.errors, ...second.errors]).toEqual([]);
    expect(fake.describeViolations()).toBe('');
  });
});
