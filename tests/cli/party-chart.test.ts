/**
 * `briefings party NAME --chart FILE` on a folder of briefings made here: the PNG it writes decodes at the chart's
 * size, the table it prints counts the briefings naming the party per day as the folder has them, and a name in no
 * registry or a path that cannot be written is one line on stderr, exit 1, and no file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT_MS, runCli } from './run.js';

/** Each briefing's date and whether it names Russia; the others name Ukraine and France only. */
const FOLDER: { date: string; russia: boolean }[] = [
  { date: '2025-11-03', russia: true },
  { date: '2025-11-03', russia: true },
  { date: '2025-11-03', russia: false },
  { date: '2025-11-04', russia: false },
  { date: '2025-11-05', russia: true },
  { date: '2025-11-10', russia: true },
  { date: '2025-11-10', russia: true },
  { date: '2025-11-10', russia: true },
  { date: '2025-11-12', russia: false },
];

function briefing(index: number, date: string, russia: boolean): string {
  const actor = russia ? 'Russia' : 'France';
  return `---
id: talks-${index}
title: Talks round ${index}
date: ${date}
summary: Delegations met again in round ${index}.
---

## What happened

- ${actor} said it wants a ceasefire with Ukraine before winter.

## Why it matters

- Ukraine rejected any deal that gives up territory.

## Implications

- More rounds of talks are expected.
`;
}

/** The briefings naming Russia per day, every day from the folder's first to its last, as `3 Nov 2025`. */
function expectedCounts(): Map<string, number> {
  const dates = FOLDER.map((entry) => entry.date).sort();
  const counts = new Map<string, number>();
  for (let day = Date.parse(dates[0]!); day <= Date.parse(dates.at(-1)!); day += 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    const named = FOLDER.filter((entry) => entry.date === iso && entry.russia).length;
    const shown = new Date(day).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    counts.set(shown, named);
  }
  return counts;
}

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefings-chart-'));
  dir = join(root, 'briefings');
  await mkdir(dir);
  await Promise.all(
    FOLDER.map(({ date, russia }, index) =>
      writeFile(join(dir, `${date}-talks-${index}.md`), briefing(index, date, russia)),
    ),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const chart = (args: string[]) => runCli(['party', ...args], { env: { BRIEFINGS_DIR: dir } });

describe('briefings party --chart', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('writes the coverage PNG at 1000×500 and prints the counts per day and where the file went', async () => {
    const file = join(root, 'russia.png');
    const result = await chart(['Russia', '--chart', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const png = PNG.sync.read(readFileSync(file));
    expect([png.width, png.height]).toEqual([1000, 500]);

    // The table's first column of figures is the party's own: one row per day, the folder's days all there.
    const rows = new Map(
      [...result.stdout.matchAll(/^(\d{1,2} [A-Z][a-z]{2} \d{4})\s+(\d+)\s/gm)].map((match) => [
        match[1]!,
        Number(match[2]),
      ]),
    );
    expect(rows).toEqual(expectedCounts());
    expect(result.stdout).toMatch(/^Russia: 6 briefings in 10 days/m);
    expect(result.stdout).toMatch(/^Day\s+Russia\s+Ukraine/m);
    const bytes = readFileSync(file).length;
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      `Chart written to ${file}: 1000×500 PNG, ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB).`,
    );
  });

  it('refuses a name in no registry with the closest known names, exit 1, and writes nothing', async () => {
    const file = join(root, 'unknown.png');
    const result = await chart(['Rusia', '--chart', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^"Rusia" is not a known party; did you mean Russia/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });

  it('says why a path cannot be written, exit 1, without a stack trace', async () => {
    const file = join(root, 'no-such-folder', 'russia.png');
    const result = await chart(['Russia', '--chart', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`${file}: cannot write the chart there: its folder does not exist.`);
    expect(existsSync(file)).toBe(false);
  });

  it('wants a file name after --chart: exit 2', async () => {
    const missing = await chart(['Russia', '--chart']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      '--chart goes with party and a file name: briefings party Russia --chart russia.png',
    );
  });
});
