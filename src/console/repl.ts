/**
 * Local mode: the same commands and handlers as on Discord, typed at a prompt (or piped in line by line)
 * and shown as readable text. Buttons are pressed by typing their label; forms are filled in at the prompt.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandDispatcher } from '../commands/dispatch.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import { replyToText } from '../render/text.js';
import { buttonLabels, buttonNamed } from './buttons.js';
import { fillForm } from './form.js';
import { completions, usageLines } from './help.js';
import { parseLine } from './parse-line.js';
import { TERMINAL_INVOKER } from './terminal.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** A terminal gets a prompt and tab completion; a pipe is read to its end. */
  interactive: boolean;
}

const HELP_FOOTER = [
  '',
  'Page through long answers with "next" and "prev"; press any other button by typing its label ("save").',
  '"help" shows this list, "exit" quits.',
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
  const typed = lines[Symbol.asyncIterator]();
  const nextLine = async () => {
    const next = await typed.next();
    return next.done ? undefined : next.value;
  };
  const print = (text: string) => options.output.write(`${text}\n`);
  /** The last answer with buttons: typing a label presses one. */
  let withButtons: MessagePayload | undefined;

  /** Shows an answer; a form it opens is filled in here and sent, and its answer shown in turn. */
  const answer = async (reply: Reply): Promise<void> => {
    if (reply.modal) {
      const form = reply.modal;
      const values = await fillForm(form, nextLine, print);
      const sent = await dispatcher.modal(form.custom_id, values, TERMINAL_INVOKER, true);
      return answer(sent.reply);
    }
    print(replyToText(reply));
    if (reply.components?.length) {
      withButtons = reply;
      const labels = buttonLabels(reply).filter((label) => label !== 'previous' && label !== 'next');
      if (labels.length && reply.ephemeral) print(`(type ${labels.map((label) => `"${label}"`).join(', ')})`);
    }
  };

  if (options.interactive) {
    print('Type a command, e.g. /briefing latest ("help" lists them all).');
    lines.setPrompt('briefing> ');
    lines.prompt();
  }
  for (let raw = await nextLine(); raw !== undefined; raw = await nextLine()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      if (options.interactive) lines.prompt();
      continue;
    }
    if (/^(exit|quit)$/i.test(line)) break;
    const button = line.startsWith('/') ? undefined : buttonNamed(withButtons, line);
    if (/^help$/i.test(line)) {
      print([...usageLines(commands), ...HELP_FOOTER].join('\n'));
    } else if (button) {
      await answer((await dispatcher.button(button, TERMINAL_INVOKER)).reply);
    } else if (/^(next|prev|previous)$/i.test(line)) {
      print('No page to turn to: ask something with several pages first.');
    } else {
      const parsed = parseLine(line, commands);
      if (!parsed.ok) print(parsed.error);
      else await answer(await dispatcher.run(parsed.input));
    }
    if (options.interactive) lines.prompt();
  }
  lines.close();
}
