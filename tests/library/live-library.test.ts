import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/live-library.js';
import { briefingAbout } from '../../tools/briefing-files.js';
import { eventually } from '../e2e/harness.js';

let live: LiveLibrary | undefined;

afterEach(async () => {
  await live?.close();
  live = undefined;
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-live-'));
  await cp(resolve(import.meta.dirname, '../../briefings'), dir, { recursive: true });
  return dir;
}

// Several file-system events in one test, each of which a loaded machine may deliver seconds late.
describe('LiveLibrary', { timeout: 60_000 }, () => {
  it('follows the folder: added, broken (last good kept), deleted briefings and parties.yml changes', async () => {
    const dir = await folder();
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    live = await LiveLibrary.load(dir, log);
    await live.watch();
    expect(live.library().size).toBe(2);

    const file = join(dir, '2026-01-05-kenya-vote.md');
    await writeFile(file, briefingAbout('kenya-vote', '2026-01-05', 'Kenya'));
    await eventually(() => live?.library().get('kenya-vote'), 'the new briefing');

    await writeFile(file, '---\ntitle: [broken\n---\n');
    await eventually(() => warnings.some((line) => line.startsWith(file)), 'the problem logged as file:line');
    expect(live.library().get('kenya-vote')?.title).toBe('Kenya in the news (kenya-vote)');

    await rm(file);
    await eventually(() => !live?.library().get('kenya-vote'), 'the briefing gone');

    // A new person in parties.yml is asked about by name at once.
    const parties = join(dir, 'parties.yml');
    await writeFile(
      parties,
      `${await readFile(parties, 'utf8')}\n- name: Friedrich Merz\n  kind: person\n  aliases: [Merz]\n`,
    );
    await eventually(() => live?.library().registry.resolve('Merz'), 'the registry reloaded');
  });
});
