/**
 * Local mode: the same commands and handlers as on Discord, typed at a prompt (or piped in line by line)
 * and shown as readable text.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandDispatcher } from '../commands/dispatch.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import { replyToText } from '../render/text.js';
import { enabledButton } from './buttons.js';
import { completions, usageLines } from './help.js';
import { parseLine } from './parse-line.js';
import { TERMINAL_USER } from './terminal.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** A terminal gets a prompt and tab completion; a pipe is read to its end. */
  interactive: boolean;
}

const HELP_FOOTER = [
  '',
  'Page through long answers with "next" and "prev". "help" shows this list, "exit" quits.',
  'Example: /briefing party name:Russia section:implications',
];

export async function runConsole(dispatcher: CommandDispatcher, options: ConsoleOptions): Promise<void> {
  const commands = dispatcher.list();
  const words = completions(commands);
  const lines = createInterface({
    input: options.input,
    output: options.interactive ? options.output : undefined,
    terminal: options.interactive,
    completer: (line: string) => [words.filter((word) => word.startsWith(line)), line],
  });
  const print = (text: string) => options.output.write(`${text}\n`);
  const show = (reply: Reply) => print(replyToText(reply));
  let lastAnswer: MessagePayload | undefined;

  if (options.interactive) {
    print('Type a command, e.g. /briefing latest ("help" lists them all).');
    lines.setPrompt('briefing> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      if (options.interactive) lines.prompt();
      continue;
    }
    if (/^(exit|quit)$/i.test(line)) break;
    if (/^help$/i.test(line)) {
      print([...usageLines(commands), ...HELP_FOOTER].join('\n'));
    } else if (/^(next|prev|previous)$/i.test(line)) {
      const id = enabledButton(lastAnswer, line.toLowerCase().startsWith('n') ? 'next' : 'prev');
      if (!id) print('No page to turn to: ask something with several pages first.');
      else {
        const { reply } = dispatcher.page(id, TERMINAL_USER.id);
        show(reply);
        if (!reply.ephemeral) lastAnswer = reply;
      }
    } else {
      const parsed = parseLine(line, commands);
      if (!parsed.ok) print(parsed.error);
      else {
        const reply = await dispatcher.run(parsed.input);
        show(reply);
        if (!reply.ephemeral) lastAnswer = reply;
      }
    }
    if (options.interactive) lines.prompt();
  }
  lines.close();
}
