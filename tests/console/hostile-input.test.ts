/** Local mode, typed at the prompt: forged subcommands, options and button ids, and names thousands of characters long. */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../src/commands/index.js';
import { parseLine } from '../../src/console/parse-line.js';
import { runConsole } from '../../src/console/repl.js';
import { TERMINAL_USER } from '../../src/console/terminal.js';
import { makeBriefing } from '../support/briefings.js';
import { testDispatcher } from '../support/services.js';

const commands = allCommands;
const briefings = [makeBriefing({ id: 'berlin-talks', summary: 'Russia and Ukraine are far apart.' })];

describe('the console line parser', () => {
  it('knows no subcommand, command or option named like an object method', () => {
    for (const line of [
      '/briefing toString',
      '/briefing constructor',
      '/briefing __proto__',
      '/digest valueOf',
    ]) {
      expect(parseLine(line, commands)).toEqual({
        ok: false,
        error: expect.stringMatching(/needs one of: /),
      });
    }
    expect(parseLine('/toString latest', commands)).toMatchObject({ ok: false, error: /Unknown command/ });
    expect(parseLine('/briefing party name:Russia constructor:1', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Unknown option "constructor"/),
    });
    expect(parseLine('/briefing party name:Russia section:toString', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/section must be one of/),
    });
  });

  it('passes a forged button id to the dispatcher, which says it is no longer valid', () => {
    const { dispatcher } = testDispatcher(briefings);
    for (const customId of [
      'page:toString:terminal:1::Russia',
      'page:constructor:terminal:1::',
      'page:party:terminal:1:toString:Russia',
      `page:party:terminal:1::${'x'.repeat(9_000)}`,
    ]) {
      const { reply } = dispatcher.page(customId, TERMINAL_USER.id);
      expect(reply).toMatchObject({
        ephemeral: true,
        content: expect.stringMatching(/no longer valid|at most/),
      });
    }
  });
});

describe('local mode', () => {
  it('answers typed lines with forged names and a 9,000-character name with a hint, and goes on answering', async () => {
    const { dispatcher } = testDispatcher(briefings);
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    await runConsole(dispatcher, {
      input: Readable.from([
        '/briefing toString\n',
        `/briefing party name:${'x'.repeat(9_000)}\n`,
        '/briefing party name:Russia\n',
      ]),
      output,
      interactive: false,
    });
    const printed = chunks.join('');
    expect(printed).toContain('/briefing needs one of: latest, today');
    expect(printed).toMatch(/The name option takes at most 100 characters; this one has 9,000\./);
    expect(printed).toContain('/briefing party name:Russia');
    expect(printed).toContain('Russia and Ukraine are far apart.');
    expect(printed.length).toBeLessThan(5_000);
  });
});
