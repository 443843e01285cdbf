/**
 * The bot and the editor CLI share one index file: several processes building it from nothing at once, then
 * bringing it up to date after edits at once, leave a whole index with the answers of one built from scratch.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ask, type QuestionName, questionDispatcher } from '../../../src/cli/ask.js';
import { memoryOutput } from '../../../src/cli/output.js';
import { LiveLibrary } from '../../../src/library/live-library.js';
import { type CliResult, runCli } from '../../cli/run.js';
import { PROCESS_TEST_TIMEOUT_MS } from '../../support/processes.js';
import {
  answersOf,
  type BriefingSpec,
  briefingMarkdown,
  type Questions,
  silentLog,
  TempDirs,
} from './folder.js';

const root = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(import.meta.dirname, 'open-index-process.ts');

const dirs = new TempDirs();
const opened: LiveLibrary[] = [];
const processes: IndexProcess[] = [];

afterEach(async () => {
  await Promise.all(processes.splice(0).map((child) => child.stop()));
  await Promise.all(opened.splice(0).map((live) => live.close()));
  await dirs.removeAll();
});

/**
 * open-index-process.ts: a process that opens the index given on each line of its stdin and answers with the
 * library's answers, so several processes can be made to open one index at the same moment.
 */
class IndexProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private stderr = '';
  private ended = false;
  readonly exited: Promise<number | null>;

  constructor(dir: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, JSON.stringify(questions)], {
      cwd: root,
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    });
    this.exited = new Promise((done) => {
      this.child.on('close', (code) => {
        this.ended = true;
        for (const waiter of this.waiting.splice(0)) waiter(undefined);
        done(code);
      });
    });
  }

  /** The next line it prints; fails when it exits first. */
  async next(): Promise<string> {
    const line =
      this.lines.shift() ??
      (this.ended ? undefined : await new Promise<string | undefined>((done) => this.waiting.push(done)));
    if (line === undefined) throw new Error(`open-index-process exited: ${this.stderr}`);
    return line;
  }

  /** Opens the index at `path` now; resolves with its answers once it has. */
  async open(path: string): Promise<unknown> {
    const answer = this.next();
    this.child.stdin.write(`${path}\n`);
    const line = JSON.parse(await answer) as { answers?: unknown; error?: string };
    if (line.error !== undefined) throw new Error(`a process could not open the index: ${line.error}`);
    return line.answers;
  }

  /** Ends it (stdin closed) and waits for its exit code. */
  async stop(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }
}

const FILES = 280;
const PARTIES = ['Russia', 'Ukraine', 'France', 'Germany', 'Poland', 'Turkey'];
const CITIES = ['Geneva', 'Istanbul', 'Brussels', 'Warsaw'];

function spec(index: number, edited = false): BriefingSpec {
  const a = PARTIES[index % PARTIES.length]!;
  const b = PARTIES[(index * 7 + 1) % PARTIES.length]!;
  const city = CITIES[index % CITIES.length]!;
  return {
    title: `${edited ? 'Revised talks' : 'Talks'} ${index} in ${city}`,
    date: `2026-01-${String((index % 28) + 1).padStart(2, '0')}`,
    parties: [a],
    summary: `Negotiators from ${a} and ${b} met in ${city}.${index % 5 === 0 ? ' The Quillon envoy attended.' : ''}`,
    whatHappened: [`Delegations met for ${(index % 9) + 1} hours.`, `${b} asked for a pause.`],
    whyItMatters: [`${a} wants a deal before winter.`],
    implications: [edited ? 'The talks were revised.' : 'A second round is planned.'],
  };
}

const fileOf = (index: number) => `b${String(index).padStart(3, '0')}.md`;

const questions: Questions = {
  ids: ['b000', 'b007', 'b150', 'b279', 'b300', 'b301', 'nope'],
  dates: ['2026-01-01', '2026-01-08', '2026-01-28'],
  words: ['Geneva', 'revised', 'pause winter', 'Quillon'],
  parties: ['Russia', 'Poland', 'Quillon Accord'],
  prefixes: ['', 'talks 1', 'revised', 'b0'],
  mentionParties: ['Russia', 'Quillon Accord'],
};

/** The CLI questions each process asks (its argv after the script), and the answer expected of each. */
const ASKED: [QuestionName, string][] = [
  ['party', 'Russia'],
  ['search', 'Geneva talks'],
  ['show', 'b007'],
];

type Exit = CliResult;

/** `briefings <args>` as a process on the shared index (env names it); resolves when it has exited. */
const briefings = (args: string[], env: Record<string, string>): Promise<Exit> => runCli(args, { env });

/** Every CLI run of the question list ended well, with nothing on stderr. */
function expectAllAnswered(exits: readonly Exit[], asked: typeof ASKED): void {
  for (const [index, exit] of exits.entries()) {
    expect(exit.stderr, `briefings ${asked[index]!.join(' ')}`).toBe('');
    expect(exit.code).toBe(0);
  }
}

/** What the CLI prints for the question, answered in this process from the library given. */
async function expectedOutput(live: LiveLibrary, name: QuestionName, argument: string): Promise<string> {
  const io = memoryOutput();
  const code = await ask(questionDispatcher(live.library(), silentLog), name, argument, { json: true }, io);
  expect(code).toBe(0);
  return `${io.stdout.join('\n')}\n`;
}

function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** The library on the shared index, and the CLI's answers, are those of an index built from scratch now. */
async function expectFreshAnswers(dir: string, shared: LiveLibrary, exits: Exit[], asked: typeof ASKED) {
  const fresh = await LiveLibrary.load(dir, silentLog, {
    indexPath: join(await dirs.make('briefing-fresh-'), 'index.sqlite'),
  });
  opened.push(fresh);
  expect(answersOf(shared.library(), dir, questions)).toEqual(answersOf(fresh.library(), dir, questions));
  for (const [index, [name, argument]] of asked.entries())
    expect(exits[index]!.stdout, `briefings ${name} ${argument}`).toBe(
      await expectedOutput(fresh, name, argument),
    );
}

/** Answers as a child process prints them: through JSON. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function freshAnswers(dir: string) {
  const fresh = await LiveLibrary.load(dir, silentLog, {
    indexPath: join(await dirs.make('briefing-fresh-'), 'index.sqlite'),
  });
  try {
    return answersOf(fresh.library(), dir, questions);
  } finally {
    await fresh.close();
  }
}

async function writeFolder(): Promise<string> {
  const dir = await dirs.make('briefing-folder-');
  for (let index = 0; index < FILES; index++)
    await writeFile(join(dir, fileOf(index)), briefingMarkdown(spec(index)));
  await writeFile(
    join(dir, 'parties.yml'),
    '- name: Quillon Accord\n  kind: organisation\n  aliases: [Quillon]\n',
  );
  return dir;
}

/** Edits made while no process follows the folder: some briefings changed, two deleted, two added. */
async function editFolder(dir: string): Promise<void> {
  for (let index = 0; index < 40; index += 3)
    await writeFile(join(dir, fileOf(index)), briefingMarkdown(spec(index, true)));
  await rm(join(dir, fileOf(279)));
  await rm(join(dir, fileOf(150)));
  await writeFile(join(dir, fileOf(300)), briefingMarkdown(spec(300)));
  await writeFile(
    join(dir, fileOf(301)),
    briefingMarkdown({ ...spec(301), title: 'Revised plan for Geneva' }),
  );
}

describe('two processes on one index', () => {
  it('processes opening one index at the same moment, with none there yet and after edits, all answer right', {
    timeout: PROCESS_TEST_TIMEOUT_MS,
  }, async () => {
    const dir = await writeFolder();
    const children = Array.from({ length: 3 }, () => new IndexProcess(dir));
    processes.push(...children);
    // Each has loaded its code and waits: from here on they open the index within moments of each other.
    for (const child of children) expect(await child.next()).toBe('ready');

    /** `count` processes and this one open the index at `path` at once; each answers as a fresh index does. */
    const together = async (path: string, count: number, what: string) => {
      const openings = [
        ...children.slice(0, count).map((child) => child.open(path)),
        (async () => {
          const here = await LiveLibrary.load(dir, silentLog, { indexPath: path, workers: 0 });
          try {
            return asJson(answersOf(here.library(), dir, questions));
          } finally {
            await here.close();
          }
        })(),
      ];
      const results = await Promise.allSettled(openings);
      const failed = results.flatMap((result, index) =>
        result.status === 'rejected'
          ? [
              `${index === count ? 'this process' : `process ${index + 1}`}: ${String(result.reason).split('\n', 3).join(' ')}`,
            ]
          : [],
      );
      expect(failed, `${what}: every process opened the index`).toEqual([]);
      expect(integrity(path), what).toBe('ok');
      // No process took the index another one was making for a damaged one.
      expect(existsSync(`${path}.damaged`), what).toBe(false);
      const want = asJson(await freshAnswers(dir));
      for (const result of results)
        expect((result as PromiseFulfilledResult<unknown>).value, `${what}: answers`).toEqual(want);
    };

    // A race lost shows only now and then: a few rounds, each on an index no process has made yet.
    let path = '';
    for (let round = 0; round < 3; round++) {
      path = join(await dirs.make('briefing-index-'), 'index.sqlite');
      await together(path, children.length, `round ${round + 1}, no index yet`);
    }

    await editFolder(dir);
    await together(path, 2, 'after edits');

    for (const child of children) expect(await child.stop()).toBe(0);
  });

  it('the bot and editor CLIs building and updating one index at once leave it whole and right', {
    timeout: PROCESS_TEST_TIMEOUT_MS,
  }, async () => {
    const dir = await dirs.make('briefing-folder-');
    for (let index = 0; index < FILES; index++)
      await writeFile(join(dir, fileOf(index)), briefingMarkdown(spec(index)));
    await writeFile(
      join(dir, 'parties.yml'),
      '- name: Quillon Accord\n  kind: organisation\n  aliases: [Quillon]\n',
    );
    const indexPath = join(await dirs.make('briefing-index-'), 'index.sqlite');
    const env = { BRIEFINGS_DIR: dir, INDEX_PATH: indexPath };

    // No index yet: three CLIs start at once, and the bot-like library opens it as soon as one has made it.
    const children = ASKED.map(([name, argument]) => briefings([name, argument, '--json'], env));
    let settled = false;
    void Promise.all(children).finally(() => {
      settled = true;
    });
    await vi.waitFor(
      () => {
        if (!settled && !existsSync(indexPath)) throw new Error('no process has made the index yet');
      },
      { timeout: PROCESS_TEST_TIMEOUT_MS / 2, interval: 5 },
    );
    const bot = await LiveLibrary.load(dir, silentLog, { indexPath, workers: 0 });
    opened.push(bot);
    const exits = await Promise.all(children);
    expectAllAnswered(exits, ASKED);
    expect(integrity(indexPath)).toBe('ok');
    expect(bot.library().size).toBe(FILES);
    await expectFreshAnswers(dir, bot, exits, ASKED);

    // Edits while nobody follows the folder; then two CLIs and a restarted bot bring the index up to date at once.
    await bot.close();
    opened.splice(opened.indexOf(bot), 1);
    await editFolder(dir);
    const again: typeof ASKED = [
      ['party', 'Russia'],
      ['search', 'revised'],
    ];
    const updating = again.map(([name, argument]) => briefings([name, argument, '--json'], env));
    const restarted = await LiveLibrary.load(dir, silentLog, { indexPath, workers: 0 });
    opened.push(restarted);
    const updated = await Promise.all(updating);
    expectAllAnswered(updated, again);
    expect(integrity(indexPath)).toBe('ok');
    expect(restarted.library().size).toBe(FILES);
    expect(restarted.library().get('b150')).toBeUndefined();
    expect(restarted.library().get('b000')?.title).toBe('Revised talks 0 in Geneva');
    await expectFreshAnswers(dir, restarted, updated, again);
  });
});
