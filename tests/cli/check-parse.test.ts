import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/briefing/model.js';
import { parseArgs } from '../../src/cli/args.js';
import { check, checkOutcome } from '../../src/cli/check.js';
import { memoryOutput } from '../../src/cli/output.js';
import { parse } from '../../src/cli/parse.js';
import { PROCESS_TEST_TIMEOUT_MS, root, runCli } from './run.js';

const brief = join(root, 'tests/fixtures/briefings/brief/2025-12-14-pasted-brief.txt');

/** A markdown briefing without its Implications section: it loads, with a warning. */
const WITHOUT_IMPLICATIONS = `---
title: Talks resume
date: 2025-12-15
summary: The delegations meet again.
---

## What happened

- The talks resumed.

## Why it matters

- A deal is in reach.
`;

const temporary: string[] = [];
async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefings-check-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('briefings check', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('exits 0 on a folder with only warnings, printing them as file:line: warning: message', async () => {
    const dir = await folderWith({ '2025-12-15-talks.md': WITHOUT_IMPLICATIONS });
    const result = await runCli(['check', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^.+2025-12-15-talks\.md:\d+: warning: no Implications section/m);
    expect(result.stderr.trim()).toBe(`1 briefing(s) loaded, 0 error(s), 1 warning(s) in ${dir}`);
  });

  it('--strict counts warnings as errors: exit 1', async () => {
    const dir = await folderWith({ '2025-12-15-talks.md': WITHOUT_IMPLICATIONS });
    const result = await runCli(['check', dir, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 briefing(s) loaded, 0 error(s), 1 warning(s)');
  });

  it('exits 1 on errors, with or without --strict, and counts errors and warnings apart', async () => {
    const dir = await folderWith({
      '2025-12-15-talks.md': WITHOUT_IMPLICATIONS,
      'undated.md': '---\ntitle: No date\nsummary: s\n---\n\n## What happened\n\n- x\n',
    });
    for (const strict of [false, true]) {
      const io = memoryOutput();
      expect(await check(dir, strict, io)).toBe(1);
      expect(io.stdout).toContainEqual(expect.stringMatching(/undated\.md(:\d+)?: no date/));
      expect(io.stdout).toContainEqual(expect.stringMatching(/talks\.md:\d+: warning: /));
      expect(io.stderr).toEqual([
        expect.stringMatching(/^1 briefing\(s\) loaded, 1 error\(s\), \d+ warning\(s\) in /),
      ]);
    }
  });
});

describe('checkOutcome', () => {
  const warning: Problem = { file: 'a.md', line: 3, message: 'w', severity: 'warning' };
  const error: Problem = { file: 'b.md', message: 'e' };

  it('fails on errors; on warnings only when strict', () => {
    expect(checkOutcome([], false)).toEqual({ errors: 0, warnings: 0, exitCode: 0 });
    expect(checkOutcome([warning, warning], false)).toEqual({ errors: 0, warnings: 2, exitCode: 0 });
    expect(checkOutcome([warning], true)).toEqual({ errors: 0, warnings: 1, exitCode: 1 });
    expect(checkOutcome([warning, error], false)).toEqual({ errors: 1, warnings: 1, exitCode: 1 });
  });
});

describe('briefings parse', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('prints warnings on stderr and exits 0 when the briefing loaded with only warnings', async () => {
    const dir = await folderWith({ '2025-12-15-talks.md': WITHOUT_IMPLICATIONS });
    const result = await runCli(['parse', join(dir, '2025-12-15-talks.md')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      title: 'Talks resume',
      sections: { implications: [] },
    });
    expect(result.stderr).toMatch(/2025-12-15-talks\.md:\d+: warning: no Implications section/);
  });

  it('--explain lists, after the briefing, every line that went into no field or section', async () => {
    const io = memoryOutput();
    expect(await parse(brief, { json: false, explain: true }, io)).toBe(0);
    const blank = io.stdout.indexOf('');
    expect(JSON.parse(io.stdout.slice(0, blank).join('\n'))).toMatchObject({ id: 'pasted-brief' });
    const listed = io.stdout.slice(blank + 1);
    expect(listed[0]).toMatch(/^Lines that went into no field or section \(\d+\):$/);
    expect(listed).toContainEqual(expect.stringMatching(/^line \d+: trailer: Latest Articles$/));
    for (const line of listed.slice(1)) expect(line).toMatch(/^line \d+: [a-z ]+: .+/);
  });

  it('--explain with --json keeps stdout one JSON document and lists the lines on stderr', async () => {
    const io = memoryOutput();
    await parse(brief, { json: true, explain: true }, io);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ id: 'pasted-brief' });
    expect(io.stderr).toContainEqual(expect.stringMatching(/^line \d+: trailer: Latest Articles$/));
  });
});

describe('parseArgs', () => {
  it('takes the known flags out wherever they stand, and keeps a query of several words', () => {
    expect(parseArgs(['search', '--json', 'security', 'guarantees'])).toEqual({
      command: 'search',
      argument: 'security guarantees',
      flags: new Set(['--json']),
      values: new Map(),
    });
    expect(parseArgs(['import', '-', '--write'])).toMatchObject({
      argument: '-',
      flags: new Set(['--write']),
    });
    expect(parseArgs([])).toEqual({ command: undefined, argument: '', flags: new Set(), values: new Map() });
  });

  it('takes an option with its value out of the argument, written as two words or with =', () => {
    expect(parseArgs(['party', 'United', '--chart', 'out.png', 'States'])).toEqual({
      command: 'party',
      argument: 'United States',
      flags: new Set(),
      values: new Map([['--chart', 'out.png']]),
    });
    expect(parseArgs(['party', '--chart=a b.png', 'Russia', '--json'])).toMatchObject({
      argument: 'Russia',
      flags: new Set(['--json']),
      values: new Map([['--chart', 'a b.png']]),
    });
  });

  it('says which option lacks its value, and never takes the next flag for it', () => {
    expect(parseArgs(['party', 'Russia', '--chart'])).toMatchObject({
      argument: 'Russia',
      missing: '--chart',
    });
    expect(parseArgs(['party', 'Russia', '--chart', '--json'])).toMatchObject({
      argument: 'Russia',
      flags: new Set(['--json']),
      missing: '--chart',
    });
    expect(parseArgs(['party', 'Russia', '--chart='])).toMatchObject({ missing: '--chart' });
  });
});
