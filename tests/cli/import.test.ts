import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { importBrief } from '../../src/cli/import.js';
import { memoryOutput } from '../../src/cli/output.js';
import { detectParties } from '../../src/party/detect-parties.js';
import { loadPartyRegistry } from '../../src/party/parties-file.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { PROCESS_TEST_TIMEOUT_MS, root, runCli } from './run.js';

const brief = join(root, 'tests/fixtures/briefings/brief/2025-12-14-pasted-brief.txt');
const briefText = () => readFile(brief, 'utf8');

/** What the markdown encodes: everything but where the briefing came from. */
function content(briefing: Briefing | null) {
  if (!briefing) throw new Error('expected a briefing');
  const { id: _id, file: _file, format: _format, ...rest } = briefing;
  return rest;
}

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefings-import-'));
  temporary.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('briefings import', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('prints a brief file as canonical markdown that reads back as the same briefing, parties added', async () => {
    const result = await runCli(['import', brief]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: Europe Drafts Plans for a Reassurance Force in Ukraine\n/);
    expect(result.stdout).toContain('\n## What happened\n\n- European capitals drew up plans');

    const original = parseBriefing(brief, await briefText()).briefing!;
    const { registry } = await loadPartyRegistry(join(root, 'briefings'));
    const detected = detectParties(original, registry).map((party) => party.name);
    expect(detected).toEqual(expect.arrayContaining(['Ukraine', 'France', 'Russia']));

    const imported = parseBriefing('briefings/2025-12-14-europe-drafts-plans.md', result.stdout);
    expect(imported.problems).toEqual([]);
    expect(content(imported.briefing)).toEqual({
      ...content(original),
      parties: [...original.parties, ...detected],
    });
  });

  it('tells on stderr what it understood: sections with bullet counts, parties, dropped lines', async () => {
    const result = await runCli(['import', brief]);
    expect(result.stderr).toContain('read as a plain-text brief');
    expect(result.stderr).toMatch(/^ {2}What happened: 3 bullet\(s\)$/m);
    expect(result.stderr).toMatch(/^ {2}Why it matters: 2 bullet\(s\)$/m);
    expect(result.stderr).toMatch(/^ {2}Implications: 2 bullet\(s\)$/m);
    expect(result.stderr).toMatch(/^ {2}parties detected: .*Ukraine/m);
    expect(result.stderr).toMatch(/^ {2}line \d+: trailer: Latest Articles$/m);
    expect(result.stdout).not.toContain('Latest Articles');
  });

  it('reads a brief piped to stdin as a plain-text brief', async () => {
    const result = await runCli(['import', '-'], { stdin: `Date: 2025-12-14\n${await briefText()}` });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('stdin.txt: read as a plain-text brief');
    const imported = parseBriefing('x/2025-12-14-europe.md', result.stdout).briefing;
    const original = parseBriefing(brief, await briefText()).briefing!;
    expect(content(imported)).toMatchObject({ ...content(original), parties: expect.any(Array) });
  });

  it('refuses a brief it cannot read: exit 1, the problems on stderr, nothing on stdout', async () => {
    const result = await runCli(['import', '-'], { stdin: await briefText() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^stdin\.txt(:\d+)?: no date/m);
    expect(result.stderr).toContain('stdin.txt: not imported');
  });

  it('--write saves YYYY-MM-DD-<slug>.md in BRIEFINGS_DIR and will not overwrite it', async () => {
    const dir = await tempDir();
    const first = await runCli(['import', brief, '--write'], { env: { BRIEFINGS_DIR: dir } });
    expect(first.code).toBe(0);
    const name = '2025-12-14-europe-drafts-plans-for-a-reassurance-force-in-ukraine.md';
    expect(await readdir(dir)).toEqual([name]);
    expect(first.stdout.trim()).toBe(join(dir, name));
    const written = await readFile(join(dir, name), 'utf8');
    expect(parseBriefing(join(dir, name), written).briefing?.title).toBe(
      'Europe Drafts Plans for a Reassurance Force in Ukraine',
    );

    const second = await runCli(['import', brief, '--write'], { env: { BRIEFINGS_DIR: dir } });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${join(dir, name)} already exists: not overwritten`);
    expect(await readFile(join(dir, name), 'utf8')).toBe(written);
  });
});

describe('importBrief', () => {
  it('imports a brief that lacks a section, showing the warning', async () => {
    const text = (await briefText()).replace(/IMPLICATIONS[\s\S]*?(?=This briefing)/, '');
    const io = memoryOutput();
    const code = await importBrief({ name: 'x/2025-12-14-brief.txt', text }, PartyRegistry.builtIn(), {}, io);
    expect(code).toBe(0);
    expect(io.stderr).toContain('  Implications: none');
    expect(
      io.stderr.some((line) => /^x\/2025-12-14-brief\.txt:\d+: warning: no Implications section/.test(line)),
    ).toBe(true);
    expect(io.stdout.join('\n')).not.toContain('## Implications');
  });

  it('does not declare a detected party twice when the brief declares it under another name', async () => {
    const text = `Parties: US\n${await briefText()}`;
    const io = memoryOutput();
    await importBrief({ name: 'x/2025-12-14-brief.txt', text }, PartyRegistry.builtIn(), {}, io);
    const parties = parseBriefing('x/2025-12-14-brief.md', io.stdout.join('\n')).briefing?.parties ?? [];
    expect(parties).toContain('US');
    expect(parties).not.toContain('United States');
  });
});
