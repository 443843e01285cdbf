/**
 * The index kept up to date, edit after edit (by the watcher or by a restart on the index left behind), answers
 * as an index built from scratch answers, and serves what a fresh parse of the folder serves, with a broken file's
 * last good version kept. Random folders, random edit sequences.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { loadBriefingFolder } from '../../../src/briefing/load.js';
import { formatProblem, type Problem } from '../../../src/briefing/model.js';
import { parseBriefing } from '../../../src/briefing/parse.js';
import { LiveLibrary } from '../../../src/library/live-library.js';
import { readLibraryFolder } from '../../../src/library/load.js';
import {
  answersOf,
  type BriefingSpec,
  briefingMarkdown,
  type Questions,
  silentLog,
  TempDirs,
} from './folder.js';

// --- What the folders are made of --------------------------------------------------------------------------

const PATHS = [
  'a.md',
  'b.md',
  'c.md',
  'd.md',
  'e.md',
  'f.md',
  'g.markdown',
  'h.md',
  'news/i.md',
  'news/j.md',
  'news/k.md',
  'l.md',
  'm.md',
  'n.md',
  'o.md',
] as const;
const DATES = ['2026-01-13', '2026-01-14', '2026-01-15'] as const;
const EVENTS = [
  'Talks resume',
  'Grain deal stalls',
  'Ceasefire holds',
  'Sanctions widen',
  'Summit opens',
] as const;
const CITIES = ['Geneva', 'Istanbul', 'Brussels', 'Warsaw'] as const;
const PARTIES = ['Russia', 'Ukraine', 'France', 'NATO'] as const;
/** Front matter ids several files may share. */
const IDS = ['geneva-talks', 'grain-deal', 'summit'] as const;
/** The custom party parties.yml may add (its alias "Quillon" is in some briefings' text), or not. */
const CUSTOM = 'Quillon Accord';
const PARTIES_FILES = [
  null,
  `- name: ${CUSTOM}\n  kind: organisation\n  aliases: [Quillon]\n`,
  `- name: ${CUSTOM}\n  kind: organisation\n  aliases: [Quillon, Marrow Pact]\n  members: [Ukraine]\n`,
  `- name: Ukraine\n  kind: country\n  aliases: [Kyiv]\n- name: ${CUSTOM}\n  aliases: [Quillon]\n`,
  '- name: [not closed\n',
] as const;
const BROKEN = [
  '---\ntitle: [broken\n---\n',
  '',
  'not a briefing any more\n',
  '---\ntitle: Date that is not\ndate: 2026-02-30\n---\n## Summary\nNothing.\n',
  'binary\u0000file\n',
] as const;

const capitalised = (id: string) => `${id.charAt(0).toUpperCase()}${id.slice(1)}`;

const questions: Questions = {
  // Each id as written, and capitalised (what a duplicate with its id in another case has).
  ids: [...IDS, ...PATHS.map((path) => path.replace(/^.*\//, '').replace(/\.\w+$/, ''))].flatMap((id) => [
    id,
    capitalised(id),
  ]),
  dates: [...DATES, '2026-01-16'],
  words: ['Geneva', 'talks', 'grain', 'sanctions Warsaw', 'summit opens', 'quillon', 'Istambul'],
  parties: ['Russia', 'Ukraine', 'NATO', CUSTOM, 'Quillon', 'Marrow Pact', 'Kyiv'],
  prefixes: ['', 'g', 'ta', 'gen', 'sanc', 'summit o', 'news', 'x'],
  mentionParties: ['Russia', 'Ukraine', CUSTOM, 'Quillon'],
};

const specArbitrary: fc.Arbitrary<BriefingSpec> = fc
  .record({
    id: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
    event: fc.constantFrom(...EVENTS),
    city: fc.constantFrom(...CITIES),
    date: fc.constantFrom(...DATES),
    parties: fc.subarray([...PARTIES], { maxLength: 2 }),
    pair: fc.subarray([...PARTIES], { minLength: 2, maxLength: 2 }),
    hours: fc.integer({ min: 1, max: 12 }),
    quillon: fc.boolean(),
    marrow: fc.boolean(),
  })
  .map(({ id, event, city, date, parties, pair, hours, quillon, marrow }) => ({
    ...(id === undefined ? {} : { id }),
    title: `${event} in ${city}`,
    date,
    parties,
    summary: `Negotiators from ${pair[0]} and ${pair[1]} met in ${city}.`,
    whatHappened: [
      `Delegations met for ${hours} hours.`,
      ...(quillon ? ['The Quillon envoy took notes.'] : []),
    ],
    whyItMatters: [`${pair[1]} wants a deal before winter.`],
    implications: [marrow ? 'The Marrow Pact may join the next round.' : 'A second round is planned.'],
  }));

type Content = { good: BriefingSpec } | { broken: string };
const textOf = (content: Content) => ('good' in content ? briefingMarkdown(content.good) : content.broken);

type Op =
  | { kind: 'add'; path: number; spec: BriefingSpec }
  | { kind: 'edit'; pick: number; spec: BriefingSpec }
  | { kind: 'break'; pick: number; broken: number }
  | { kind: 'fix'; pick: number; spec: BriefingSpec }
  | { kind: 'rename'; pick: number; path: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'duplicate'; pick: number; path: number; title: string; capitalise: boolean }
  | { kind: 'parties'; variant: number }
  | { kind: 'restart' };

interface Step {
  op: Op;
  /** How the index learns of the edit: the watcher of the running library, or a restart on the same index. */
  sync: 'watch' | 'restart';
}

const nat = fc.nat({ max: 1000 });
const pathIndex = fc.nat({ max: PATHS.length - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), path: pathIndex, spec: specArbitrary }),
  fc.record({ kind: fc.constant('edit' as const), pick: nat, spec: specArbitrary }),
  fc.record({ kind: fc.constant('break' as const), pick: nat, broken: fc.nat({ max: BROKEN.length - 1 }) }),
  fc.record({ kind: fc.constant('fix' as const), pick: nat, spec: specArbitrary }),
  fc.record({ kind: fc.constant('rename' as const), pick: nat, path: pathIndex }),
  fc.record({ kind: fc.constant('delete' as const), pick: nat }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    pick: nat,
    path: pathIndex,
    title: fc.constantFrom('Copy of the talks', 'Second copy'),
    capitalise: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('parties' as const), variant: fc.nat({ max: PARTIES_FILES.length - 1 }) }),
  fc.constant({ kind: 'restart' as const }),
);
const stepArbitrary: fc.Arbitrary<Step> = fc
  .record({ op: opArbitrary, sync: fc.constantFrom('watch' as const, 'restart' as const) })
  .map((step) => (step.op.kind === 'restart' ? { ...step, sync: 'restart' as const } : step));

const initialArbitrary = fc.record({
  files: fc.uniqueArray(
    fc.tuple(
      pathIndex,
      fc.oneof(
        { weight: 5, arbitrary: specArbitrary },
        { weight: 1, arbitrary: fc.nat({ max: BROKEN.length - 1 }) },
      ),
    ),
    {
      maxLength: 12,
      selector: ([path]) => path,
    },
  ),
  parties: fc.nat({ max: PARTIES_FILES.length - 1 }),
});

// --- The model: the folder, and each file's last good version ----------------------------------------------

class FolderModel {
  readonly files = new Map<string, Content>();
  /** The version the index must serve for a file that is broken now: the one it last read good at that path. */
  readonly lastGood = new Map<string, BriefingSpec>();
  parties: string | null = null;

  constructor(readonly dir: string) {}

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  served(path: string): BriefingSpec | undefined {
    const content = this.files.get(path);
    if (!content) return undefined;
    return 'good' in content ? content.good : this.lastGood.get(path);
  }

  /** Some file is broken and still served in its last good version: a fresh index of the folder would not serve it. */
  servesLastGood(): boolean {
    return this.paths().some((path) => {
      const content = this.files.get(path)!;
      return 'broken' in content && this.lastGood.has(path);
    });
  }

  async write(path: string, content: Content): Promise<void> {
    await mkdir(dirname(join(this.dir, path)), { recursive: true });
    await writeFile(join(this.dir, path), textOf(content));
    this.files.set(path, content);
    // What the reader makes of the text decides, not what the test meant: a "good" spec must parse.
    const parsed = parseBriefing(join(this.dir, path), textOf(content));
    if ('good' in content) {
      expect(parsed.briefing, `${path} should parse`).not.toBeNull();
      this.lastGood.set(path, content.good);
    } else {
      expect(parsed.briefing, `${path} should not parse`).toBeNull();
    }
  }

  async remove(path: string): Promise<void> {
    await rm(join(this.dir, path));
    this.files.delete(path);
    this.lastGood.delete(path);
  }

  async rename(from: string, to: string): Promise<void> {
    const content = this.files.get(from)!;
    await mkdir(dirname(join(this.dir, to)), { recursive: true });
    await rename(join(this.dir, from), join(this.dir, to));
    this.files.delete(from);
    this.lastGood.delete(from);
    this.files.set(to, content);
    // A file new to its path has no last good version there: broken, it serves nothing.
    if ('good' in content) this.lastGood.set(to, content.good);
    else this.lastGood.delete(to);
  }

  async setParties(text: string | null): Promise<void> {
    const file = join(this.dir, 'parties.yml');
    if (text === null) await rm(file, { force: true });
    else await writeFile(file, text);
    this.parties = text;
  }

  /** Applies the edit; false when it does nothing in this folder (no file to pick, or no free path). */
  async apply(op: Op): Promise<boolean> {
    const paths = this.paths();
    const picked = (pick: number, among = paths) => among[pick % among.length];
    const free = (index: number) => {
      for (let step = 0; step < PATHS.length; step++) {
        const path = PATHS[(index + step) % PATHS.length]!;
        if (!this.files.has(path)) return path;
      }
      return undefined;
    };
    switch (op.kind) {
      case 'add': {
        const path = free(op.path);
        if (!path || paths.length >= 12) return false;
        await this.write(path, { good: op.spec });
        return true;
      }
      case 'edit': {
        const path = picked(op.pick);
        if (!path) return false;
        // The file keeps the id it had (a duplicate stays one); title, summary, date and parties change.
        const before = this.served(path);
        const { id: _, ...rest } = op.spec;
        await this.write(path, { good: { ...rest, ...(before?.id === undefined ? {} : { id: before.id }) } });
        return true;
      }
      case 'break': {
        const path = picked(op.pick);
        if (!path) return false;
        await this.write(path, { broken: BROKEN[op.broken]! });
        return true;
      }
      case 'fix': {
        const broken = paths.filter((path) => 'broken' in this.files.get(path)!);
        const path = picked(op.pick, broken);
        if (!path) return false;
        await this.write(path, { good: this.lastGood.get(path) ?? op.spec });
        return true;
      }
      case 'rename': {
        const from = picked(op.pick);
        const to = free(op.path);
        if (!from || !to) return false;
        await this.rename(from, to);
        return true;
      }
      case 'delete': {
        const path = picked(op.pick);
        if (!path) return false;
        await this.remove(path);
        return true;
      }
      case 'duplicate': {
        const sources = paths.filter((path) => 'good' in this.files.get(path)!);
        const source = picked(op.pick, sources);
        const path = free(op.path);
        if (!source || !path || paths.length >= 12) return false;
        const original = (this.files.get(source) as { good: BriefingSpec }).good;
        const id = parseBriefing(join(this.dir, source), briefingMarkdown(original)).briefing!.id;
        // Ids are one whatever their case: `Summit` duplicates `summit`.
        await this.write(path, {
          good: { ...original, id: op.capitalise ? capitalised(id) : id, title: op.title },
        });
        return true;
      }
      case 'parties':
        await this.setParties(PARTIES_FILES[op.variant]!);
        return true;
      case 'restart':
        return true;
    }
  }

  /** The folder as the index must serve it: each file's served version at its path, and parties.yml. */
  async writeServed(into: string): Promise<void> {
    await rm(into, { recursive: true, force: true });
    await mkdir(into, { recursive: true });
    for (const path of this.paths()) {
      const spec = this.served(path);
      if (!spec) continue;
      await mkdir(dirname(join(into, path)), { recursive: true });
      await writeFile(join(into, path), briefingMarkdown(spec));
    }
    if (this.parties !== null) await writeFile(join(into, 'parties.yml'), this.parties);
  }
}

// --- Comparing -------------------------------------------------------------------------------------------------

const isDuplicate = (problem: Problem) => problem.message.startsWith('duplicate id ');
const problemLines = (problems: readonly Problem[], dir: string) =>
  problems.map((problem) => formatProblem(problem).replaceAll(dir, '<dir>')).sort();

interface Expected {
  answers: ReturnType<typeof answersOf>;
  problems: string[];
  served: unknown[];
}

/**
 * What the library must answer now: an index built from scratch (over the folder itself, or, while a broken file
 * is served in its last good version, over the folder as served), and a fresh parse without any index.
 */
async function expected(model: FolderModel, dirs: TempDirs): Promise<Expected> {
  const now = await readLibraryFolder(model.dir);
  // While a broken file is served in its last good version, the folder as served is written out and parsed too.
  const lastGood = model.servesLastGood();
  const scratch = await dirs.make('briefing-oracle-');
  const servedDir = lastGood ? join(scratch, 'served') : model.dir;
  if (lastGood) await model.writeServed(servedDir);
  // The served versions parsed afresh (the party registry plays no part in which briefings are served).
  const asServed = lastGood ? await loadBriefingFolder(servedDir) : now.briefings;
  // Every problem the fresh parse finds with the files as they are, and each duplicate among the versions served.
  const problems = [
    ...problemLines(
      now.problems.filter((problem) => !isDuplicate(problem)),
      model.dir,
    ),
    ...problemLines(asServed.problems.filter(isDuplicate), servedDir),
  ].sort();
  const served = asServed.briefings
    .map((briefing) => ({ ...briefing, file: briefing.file.slice(servedDir.length + 1) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  // A brand-new index at a fresh path, over the folder (as served).
  const oracle = await LiveLibrary.load(servedDir, silentLog, { indexPath: join(scratch, 'index.sqlite') });
  try {
    const answers = answersOf(oracle.library(), servedDir, questions);
    if (!lastGood)
      expect(problemLines(oracle.problems(), model.dir), 'the problems of a fresh index').toEqual(problems);
    return { answers, problems, served };
  } finally {
    await oracle.close();
  }
}

function check(live: LiveLibrary, dir: string, want: Expected): void {
  const library = live.library();
  const served = library
    .list(1, 1000)
    .items.map((briefing) => ({ ...briefing, file: briefing.file.slice(dir.length + 1) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(served, 'the briefings served: a fresh parse, with last good versions kept').toEqual(want.served);
  expect(problemLines(live.problems(), dir), 'the problems').toEqual(want.problems);
  expect(answersOf(library, dir, questions), 'the answers of an index built from scratch').toEqual(
    want.answers,
  );
}

// --- The property ------------------------------------------------------------------------------------------

describe('the index kept up to date', () => {
  it('reports a duplicate id as a fresh parse does, quoting the id the file itself gives', async () => {
    const dirs = new TempDirs();
    try {
      const dir = await dirs.make('briefing-folder-');
      const spec = (id: string, title: string): BriefingSpec => ({
        id,
        title,
        date: DATES[0],
        parties: ['Russia'],
        summary: 'Negotiators from Russia and Ukraine met in Geneva.',
        whatHappened: ['Delegations met for six hours.'],
        whyItMatters: ['The first direct talks this year.'],
        implications: ['A second round is planned.'],
      });
      await writeFile(join(dir, 'a.md'), briefingMarkdown(spec('geneva-talks', 'First')));
      await writeFile(join(dir, 'b.md'), briefingMarkdown(spec('Geneva-Talks', 'Second')));
      const live = await LiveLibrary.load(dir, silentLog, {
        indexPath: join(await dirs.make('briefing-index-'), 'index.sqlite'),
      });
      try {
        expect(live.library().get('geneva-talks')?.title).toBe('First');
        const fresh = await readLibraryFolder(dir);
        expect(problemLines(fresh.problems, dir)).toEqual([
          '<dir>/b.md: duplicate id "Geneva-Talks": <dir>/a.md has it too; rename one file or give it another `id`',
        ]);
        expect(problemLines(live.problems(), dir)).toEqual(problemLines(fresh.problems, dir));
      } finally {
        await live.close();
      }
    } finally {
      await dirs.removeAll();
    }
  });

  it('answers as an index built from scratch, edit after edit, restart or watch', {
    timeout: 110_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        initialArbitrary,
        fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
        async (initial, steps) => {
          const dirs = new TempDirs();
          let live: LiveLibrary | undefined;
          try {
            const dir = await dirs.make('briefing-folder-');
            const indexPath = join(await dirs.make('briefing-index-'), 'index.sqlite');
            const model = new FolderModel(dir);
            for (const [path, content] of initial.files)
              await model.write(
                PATHS[path]!,
                typeof content === 'number' ? { broken: BROKEN[content]! } : { good: content },
              );
            await model.setParties(PARTIES_FILES[initial.parties]!);

            const open = async () => {
              const opened = await LiveLibrary.load(dir, silentLog, { indexPath });
              await opened.watch();
              return opened;
            };
            live = await open();
            let want = await expected(model, dirs);
            check(live, dir, want);

            for (const step of steps) {
              if (step.sync === 'restart') {
                await live.close();
                live = undefined;
                const changed = (await model.apply(step.op)) && step.op.kind !== 'restart';
                live = await open();
                // The folder as it was: what a fresh index answered a step ago still holds.
                if (changed) want = await expected(model, dirs);
                check(live, dir, want);
              } else {
                if (!(await model.apply(step.op))) continue;
                want = await expected(model, dirs);
                const watched = live;
                const wanted = want;
                await vi.waitFor(() => check(watched, dir, wanted), { timeout: 20_000, interval: 40 });
              }
            }
          } finally {
            await live?.close();
            await dirs.removeAll();
          }
        },
      ),
      { numRuns: 15, interruptAfterTimeLimit: 80_000, markInterruptAsFailure: false },
    );
  });
});
