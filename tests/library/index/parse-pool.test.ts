import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysedFile, analyseFile } from '../../../src/library/index/analyse.js';
import {
  type AnalyseOptions,
  analyseFiles,
  IN_THREAD_BELOW,
  liveParseWorkers,
} from '../../../src/library/index/parse-pool.js';
import { type PartyFileEntry, PartyRegistry } from '../../../src/party/registry.js';

// Starting a worker through tsx takes seconds on a busy two-core machine: room for it.
const WORKER_TEST_MS = 60_000;

const partyEntries: PartyFileEntry[] = [
  { name: 'Acme Corp', kind: 'organisation', aliases: ['Acme'], members: [] },
];

const PAIRS = [
  ['Russia', 'Ukraine'],
  ['India', 'Pakistan'],
  ['Armenia', 'Azerbaijan'],
  ['China', 'Japan'],
] as const;

function briefingText(index: number): string {
  const [a, b] = PAIRS[index % PAIRS.length]!;
  const acme = index % 5 === 0 ? ' Acme supplied the interpreters.' : '';
  return `---
title: Talks ${index} resume in Geneva
date: 2026-01-15
---
## Summary
Negotiators from ${a} and ${b} met in Geneva.${acme}

## What happened
- Delegations met for ${(index % 9) + 1} hours.

## Why it matters
- The first direct talks this year.

## Implications
- A second round is planned.
`;
}

const BROKEN_TEXT = 'broken/2026-01-15-no-sections.md';
const BROKEN_BINARY = 'broken/2026-01-15-binary.md';

let dir: string;
let relatives: string[];
let registry: PartyRegistry;

/** Every batch of the job, and the most workers seen alive while it ran. */
async function run(files: readonly string[], options: AnalyseOptions) {
  const batches: AnalysedFile[][] = [];
  let workersSeen = liveParseWorkers();
  for await (const batch of analyseFiles({ dir, relatives: files, partyEntries }, options)) {
    workersSeen = Math.max(workersSeen, liveParseWorkers());
    batches.push(batch);
  }
  return { batches, files: batches.flat(), workersSeen };
}

function byRelative(files: AnalysedFile[]): Map<string, AnalysedFile> {
  return new Map(files.map((file) => [file.relative, file]));
}

/** The OS threads of this process, where /proc tells. */
function threadCount(): number | undefined {
  return existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : undefined;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-pool-'));
  relatives = [];
  for (const folder of ['2025', '2026', 'broken']) await mkdir(join(dir, folder));
  for (let index = 0; index < 400; index++) {
    const relative = `${index % 2 ? '2025' : '2026'}/2026-01-15-talks-${index}.md`;
    await writeFile(join(dir, relative), briefingText(index));
    relatives.push(relative);
  }
  await writeFile(join(dir, BROKEN_TEXT), 'Just a line of text.\nNo title, no sections.\n');
  await writeFile(join(dir, BROKEN_BINARY), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0x0a]));
  relatives.push(BROKEN_TEXT, BROKEN_BINARY);
  registry = PartyRegistry.builtIn().withFile(partyEntries);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyseFiles on workers', () => {
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    result = await run(relatives, { workers: 2 });
  }, WORKER_TEST_MS);

  it('ran on two workers, in batches, and stopped them at the end', () => {
    expect(result.workersSeen).toBe(2);
    expect(result.batches.length).toBeGreaterThan(1);
    for (const batch of result.batches) expect(batch.length).toBeLessThanOrEqual(200);
    expect(liveParseWorkers()).toBe(0);
  });

  it('gives every file exactly once, as analyseFile gives it in this thread', () => {
    expect(result.files.map((file) => file.relative).sort()).toEqual([...relatives].sort());
    for (const file of result.files) {
      const here = analyseFile(dir, file.relative, registry);
      expect(file.briefing).toStrictEqual(here.briefing);
      expect(file.problems).toStrictEqual(here.problems);
      expect(file.hash).toBe(here.hash);
      expect(file.mentions).toStrictEqual(here.mentions);
      expect(file).toStrictEqual(here);
    }
  });

  it('gives broken files back with problems and no briefing, the others whole', () => {
    const files = byRelative(result.files);
    for (const broken of [BROKEN_TEXT, BROKEN_BINARY]) {
      const file = files.get(broken)!;
      expect(file.briefing).toBeNull();
      expect(file.problems.length).toBeGreaterThan(0);
      expect(file.mentions).toEqual([]);
    }
    expect(files.get(BROKEN_BINARY)!.problems[0]!.message).toMatch(/binary/);
    const good = result.files.filter((file) => !file.relative.startsWith('broken/'));
    expect(good).toHaveLength(400);
    for (const file of good) {
      expect(file.briefing).not.toBeNull();
      expect(file.problems).toEqual([]);
      expect(file.hash).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('finds a party declared in partyEntries by its alias', () => {
    const acme = registry.resolve('Acme Corp')!.id;
    const files = byRelative(result.files);
    const named = files.get('2026/2026-01-15-talks-0.md')!;
    expect(named.mentions.find((row) => row.party === acme)?.statements.length).toBeGreaterThan(0);
    const notNamed = files.get('2025/2026-01-15-talks-1.md')!;
    expect(notNamed.mentions.some((row) => row.party === acme)).toBe(false);
    expect(result.files.filter((file) => file.mentions.some((row) => row.party === acme))).toHaveLength(80);
  });

  it(
    'gives the same results with workers: 0, without starting a worker',
    async () => {
      const inThread = await run(relatives, { workers: 0 });
      expect(inThread.workersSeen).toBe(0);
      expect(inThread.files).toHaveLength(relatives.length);
      const onWorkers = byRelative(result.files);
      for (const file of inThread.files) expect(file).toStrictEqual(onWorkers.get(file.relative));
    },
    WORKER_TEST_MS,
  );
});

describe('analyseFiles in this thread', () => {
  it('analyses a small job here', async () => {
    const few = relatives.slice(0, IN_THREAD_BELOW - 1);
    const { files, workersSeen } = await run(few, {});
    expect(workersSeen).toBe(0);
    expect(files.map((file) => file.relative)).toEqual(few);
  });

  it('yields nothing for no files', async () => {
    expect((await run([], { workers: 2 })).batches).toEqual([]);
  });
});

describe('stopping early', () => {
  it(
    'terminates the workers when the consumer breaks out of for await',
    async () => {
      const threadsBefore = threadCount();
      let seenDuring = 0;
      let threadsDuring: number | undefined;
      let batches = 0;
      for await (const batch of analyseFiles({ dir, relatives, partyEntries }, { workers: 2 })) {
        expect(batch.length).toBeGreaterThan(0);
        seenDuring = liveParseWorkers();
        threadsDuring = threadCount();
        batches++;
        break;
      }
      expect(batches).toBe(1);
      expect(seenDuring).toBe(2);
      expect(liveParseWorkers()).toBe(0);
      if (threadsBefore !== undefined) {
        expect(threadsDuring).toBeGreaterThanOrEqual(threadsBefore + 2);
        expect(threadCount()).toBe(threadsBefore);
      }
    },
    WORKER_TEST_MS,
  );
});
