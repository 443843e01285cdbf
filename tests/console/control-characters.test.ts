/** Local mode prints briefing text to a terminal: nothing in a briefing file may drive the terminal. */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/repl.js';
import { ConsoleSink } from '../../src/console/sink.js';
import { renderDigest } from '../../src/render/digest.js';
import { makeBriefing } from '../support/briefings.js';
import { testDispatcher } from '../support/services.js';

const ESC = '\u001b';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const hostile = makeBriefing({
  id: 'hostile',
  title: `${ESC}[2J${ESC}[3JWiped ${ESC}]0;owned\u0007screen`,
  summary: `Click ${ESC}]8;;https://evil.example/${ESC}\\here${ESC}]8;;${ESC}\\ now.`,
  sections: { whatHappened: [`${ESC}[31mRed${ESC}[0m alert\u0007`], whyItMatters: [], implications: [] },
});

function collect(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
}

describe('local mode output', () => {
  it('answers a command without the escape sequences of the briefing it shows', async () => {
    const { dispatcher } = testDispatcher([hostile]);
    const output = new PassThrough();
    const printed = collect(output);
    await runConsole(dispatcher, {
      input: Readable.from(['/briefing show id:hostile\n']),
      output,
      interactive: false,
    });
    expect(printed()).toContain('Wiped screen');
    expect(printed()).toContain('Click here now.');
    expect(printed()).toContain('Red alert');
    expect(printed()).not.toMatch(CONTROL);
    expect(printed()).not.toContain('evil.example');
  });

  it('prints digests without them either', async () => {
    const output = new PassThrough();
    const printed = collect(output);
    const sink = new ConsoleSink(output);
    const [message] = renderDigest([hostile], { heading: `${ESC}]0;x\u0007Digest` });
    if (!message) throw new Error('no digest message');
    await sink.send('terminal', message, 'nonce-1');
    expect(printed()).toContain('Wiped screen');
    expect(printed()).not.toMatch(CONTROL);
  });
});
