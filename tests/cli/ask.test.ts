/**
 * `briefings party|search|show` ask the /briefing subcommands through the bot's dispatcher: the text is what
 * local mode prints for the same question (every page, the buttons left out), the JSON the model the answer is
 * rendered from, and the exit code says whether anything answered.
 */
import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ask, questionDispatcher } from '../../src/cli/ask.js';
import { memoryOutput } from '../../src/cli/output.js';
import { runConsole } from '../../src/console/repl.js';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { makeBriefing } from '../support/briefings.js';
import { testDispatcher } from '../support/services.js';

// Enough statements about Russia for several pages, and a search with more hits than a page shows.
const briefings = Array.from({ length: 40 }, (_, index) =>
  makeBriefing({
    id: `day-${String(index).padStart(2, '0')}`,
    title: `Talks, day ${index}`,
    date: `2025-10-${String((index % 28) + 1).padStart(2, '0')}`,
    summary: `Russia said something about the talks on day ${index}. ${'Nothing else happened. '.repeat(6)}`,
  }),
);

/** What local mode prints for these lines, without the button rows (one or more) a terminal user answers with `next`. */
async function localMode(lines: string[]): Promise<string> {
  const { dispatcher } = testDispatcher(briefings);
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  await runConsole(dispatcher, {
    input: Readable.from(lines.map((line) => `${line}\n`)),
    output,
    interactive: false,
  });
  return chunks
    .join('')
    .replace(/(\n\n(\[[^\]\n]+\] ?)+)+\n/g, '\n')
    .trimEnd();
}

async function cli(name: 'party' | 'search' | 'show', argument: string, json = false) {
  const io = memoryOutput();
  const dispatcher = questionDispatcher(
    Library.of(briefings, PartyRegistry.builtIn()),
    pino({ level: 'silent' }),
  );
  const code = await ask(dispatcher, name, argument, { json }, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('briefings party|search|show', () => {
  it('print every page of what local mode shows for the same question', async () => {
    const party = await cli('party', 'Russia');
    expect(party.code).toBe(0);
    const pages = party.stdout.match(/Page \d+\/(\d+)/)?.[1];
    expect(Number(pages)).toBeGreaterThan(1);
    const turns = Array.from({ length: Number(pages) - 1 }, () => 'next');
    expect(party.stdout).toBe(await localMode(['/briefing party name:Russia', ...turns]));
    expect(party.stdout).not.toMatch(/\[Next\]|\[Previous\]/);

    const search = await cli('search', 'talks');
    expect(search.stdout).toMatch(/^Search: talks/);
    const searchPages = Number(search.stdout.match(/Page \d+\/(\d+)/)?.[1]);
    const searchTurns = Array.from({ length: searchPages - 1 }, () => 'next');
    expect(search.stdout).toBe(await localMode(['/briefing search query:talks', ...searchTurns]));

    const show = await cli('show', 'day-03');
    expect(show.stdout).toBe(await localMode(['/briefing show id:day-03']));
  });

  it('give as JSON the model the answer is rendered from', async () => {
    const library = Library.of(briefings, PartyRegistry.builtIn());
    const party = await cli('party', 'Russia', true);
    expect(JSON.parse(party.stdout)).toEqual(JSON.parse(JSON.stringify(library.party('Russia'))));
    const search = await cli('search', 'talks', true);
    const hits = JSON.parse(search.stdout) as { id: string; score: number }[];
    expect(hits.map((hit) => hit.id)).toEqual(library.search('talks').map((hit) => hit.briefing.id));
    const show = JSON.parse((await cli('show', 'day-03', true)).stdout);
    expect(show).toMatchObject({ id: 'day-03', title: 'Talks, day 3', sections: expect.any(Object) });
  });

  it('answer a question nothing answers on stderr with exit 1, and a malformed one with exit 2', async () => {
    for (const json of [false, true]) {
      const missing = await cli('show', 'day-3', json);
      expect(missing).toMatchObject({ code: 1, stdout: '' });
      expect(missing.stderr).toMatch(/^No briefing with id day-3\. Did you mean: day-\d+/);
    }
    // Nothing found is still an answer: said on stdout, exit 0, as before.
    expect(await cli('search', 'zzzqqq')).toMatchObject({ code: 0, stdout: 'No briefing matches "zzzqqq".' });
    const long = await cli('party', 'x'.repeat(101));
    expect(long).toMatchObject({ code: 2, stdout: '' });
    expect(long.stderr).toMatch(
      /at most 100 characters; this one has 101\. .*e\.g\. briefings party Russia$/,
    );
  });
});
