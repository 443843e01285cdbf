/**
 * The composition root: config in, a running bot out (on Discord with a token, in the terminal without).
 * `npm start` and the end-to-end tests both come through startApp.
 */
import type { Readable, Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { CommandDispatcher } from './commands/dispatch.js';
import { allCommands } from './commands/index.js';
import { type Config, configSecrets, defaultIndexPath } from './config.js';
import { ConsoleDirectMessages } from './console/direct-messages.js';
import { runConsole } from './console/repl.js';
import { ConsoleSink } from './console/sink.js';
import type { DigestSink } from './digest/delivery/sink.js';
import { DigestService } from './digest/service.js';
import { startDiscordBot } from './discord/bot.js';
import { createDiscordClient } from './discord/client.js';
import { DiscordDirectMessages } from './discord/dm.js';
import { DiscordSink } from './discord/sink.js';
import { readTextUrl } from './files/read-text-url.js';
import type { DirectMessages } from './follow/direct-messages.js';
import { FollowService } from './follow/service.js';
import { LiveLibrary } from './library/live-library.js';
import { createLogger, type Logger } from './log.js';
import { Publisher } from './publish/publisher.js';
import { Publishing } from './publish/publishing.js';
import { digestRenderer } from './render/digest.js';
import { followRenderer } from './render/follow.js';
import { forumPostTitle } from './render/forum-post.js';
import { openStores } from './stores.js';

/**
 * Resends and catch-up can take a while (retries): start-up does not wait for them. The schedule starts once the
 * index holds the whole folder, so a digest never goes out while briefings are still being indexed.
 */
function startSchedule(
  digests: DigestService,
  live: LiveLibrary,
  log: Logger,
  stopping: () => boolean,
): void {
  live.ready
    .then(() => (stopping() ? undefined : digests.start()))
    .catch((error: unknown) => log.error({ err: error }, 'digest schedule failed to start'));
}

/** Digests and alerts stop side by side: each may wait for sends in flight, and shutdown has 5 s in all. */
async function stopSchedules(digests: DigestService, follows: FollowService): Promise<void> {
  await Promise.all([digests.stop(), follows.stop()]);
}

/** An attached brief is a few KB on Discord's CDN: ten seconds is plenty, and well within the 15 minutes a deferred answer has. */
const ATTACHMENT_TIMEOUT_MS = 10_000;

export interface AppOptions {
  config: Config;
  /** Where local mode reads commands and prints answers. */
  input?: Readable;
  output?: Writable;
  interactive?: boolean;
  logDestination?: DestinationStream;
  now?: () => Date;
  /** Follow the briefing folder for changes (off in some tests). */
  watch?: boolean;
  /** How long an attached brief may take to download (tests make it short). */
  attachmentTimeoutMs?: number;
  /** Waits between the quick attempts of a digest Discord did not take (tests make them short). */
  digestRetryDelaysMs?: readonly number[];
}

export interface RunningApp {
  mode: 'discord' | 'local';
  log: Logger;
  live: LiveLibrary;
  digests: DigestService;
  /** Party alerts: readers' follows and their daily direct messages. */
  follows: FollowService;
  /** Local mode: settles when the input ends. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config } = options;
  const local = !config.discordToken;
  const log = createLogger({
    level: config.logLevel ?? (local ? 'warn' : 'info'),
    secrets: configSecrets(config),
    destination: options.logDestination,
  });
  const now = options.now ?? (() => new Date());
  // First, so an unusable database stops start-up before anything else is loaded or watched.
  const stores = await openStores(config, log);
  const { digests: store, follows: followStore, instance } = stores;
  // Answers are served at once; a first build of a large archive goes on meanwhile (live.ready).
  const live = await LiveLibrary.open(config.briefingsDir, log, {
    indexPath: config.indexPath ?? defaultIndexPath(config.databasePath),
  });
  if (options.watch !== false) await live.watch();
  const output = options.output ?? process.stdout;

  // The digest service needs a sink, the sink needs the client: the client is made first when there is one.
  const publishing = new Publishing(
    new Publisher(config.briefingsDir, log),
    config.editorRoleIds,
    (attachment) =>
      readTextUrl(attachment.url, {
        timeoutMs: options.attachmentTimeoutMs ?? ATTACHMENT_TIMEOUT_MS,
        what: 'a brief',
      }),
    (files) => live.refresh(files),
  );
  const services = {
    library: () => live.library(),
    defaultTimezone: config.defaultTimezone,
    now,
    publishing,
  };
  const makeDigests = (sink: DigestSink) =>
    new DigestService({
      store,
      sink,
      briefingsSince: (date) => live.library().since(date),
      mentions: (briefingId, party) => live.library().mentions(briefingId, party),
      ...digestRenderer,
      renderPostTitle: forumPostTitle,
      now,
      graceMs: config.digestGraceMs,
      retryDelaysMs: options.digestRetryDelaysMs,
      // Shutdown must finish within 5 s; a send still unanswered by then stays pending and is resent on start.
      stopTimeoutMs: 2_500,
      log,
      instance,
    });

  const makeFollows = (dms: DirectMessages) =>
    new FollowService({
      store: followStore,
      dms,
      ...followRenderer,
      briefingsSince: (date) => live.library().since(date),
      mentions: (briefingId, party) => live.library().mentions(briefingId, party),
      timezone: config.defaultTimezone,
      now,
      log,
      instance,
    });
  let stopping = false;
  const shutdown = async (parts: (() => Promise<void>)[]) => {
    stopping = true;
    for (const part of parts) {
      try {
        await part();
      } catch (error) {
        log.error({ err: error }, 'error while shutting down');
      }
    }
    await stores.close();
  };

  // Like digests, alerts wait for the whole archive to be indexed.
  const startFollows = (follows: FollowService) =>
    void live.ready
      .then(() => (stopping ? undefined : follows.start()))
      .catch((error: unknown) => log.error({ err: error }, 'follow alerts failed to start'));

  if (local) {
    const digests = makeDigests(new ConsoleSink(output));
    const follows = makeFollows(new ConsoleDirectMessages(output));
    const dispatcher = new CommandDispatcher(allCommands, { ...services, digests, follows }, log);
    process.stderr.write('No DISCORD_TOKEN set: local mode, commands are answered here in the terminal.\n');
    startSchedule(digests, live, log, () => stopping);
    startFollows(follows);
    const done = runConsole(dispatcher, {
      input: options.input ?? process.stdin,
      output,
      interactive: options.interactive ?? Boolean(process.stdin.isTTY),
    });
    return {
      mode: 'local',
      log,
      live,
      digests,
      follows,
      done,
      stop: () => shutdown([() => stopSchedules(digests, follows), () => live.close()]),
    };
  }

  const client = createDiscordClient({
    apiUrl: config.discordApiUrl,
    shards: config.shardIds,
    shardCount: config.shardCount,
    instance: instance.owner,
  });
  const digests = makeDigests(new DiscordSink(client));
  const follows = makeFollows(new DiscordDirectMessages(client));
  const dispatcher = new CommandDispatcher(allCommands, { ...services, digests, follows }, log);
  const bot = await startDiscordBot({
    client,
    token: config.discordToken!,
    clientId: config.discordClientId,
    guildId: config.discordGuildId,
    dispatcher,
    log,
  }).catch(async (error: unknown) => {
    // Nothing is left open behind a failed start: the caller may try again, or exit.
    await shutdown([() => live.close()]);
    throw error;
  });
  // Catch-up and resends need the gateway: the schedule starts once the bot is ready, and runs on its own.
  startSchedule(digests, live, log, () => stopping);
  startFollows(follows);
  return {
    mode: 'discord',
    log,
    live,
    digests,
    follows,
    done: new Promise(() => {}),
    stop: () => shutdown([() => stopSchedules(digests, follows), () => bot.stop(), () => live.close()]),
  };
}
