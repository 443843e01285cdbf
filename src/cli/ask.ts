/**
 * `briefings party|search|show`: /briefing questions asked from the command line. They go through the bot's own
 * dispatcher and subcommand modules, and print what local mode shows for the same question, every page of it
 * (without buttons: there is nothing to click); with --json, the model the answer is rendered from.
 */
import { briefingCommand } from '../commands/briefing/index.js';
import { party } from '../commands/briefing/party.js';
import { search } from '../commands/briefing/search.js';
import { show } from '../commands/briefing/show.js';
import { inputProblem } from '../commands/check-input.js';
import { CommandDispatcher } from '../commands/dispatch.js';
import type { OptionSpecs } from '../commands/options.js';
import type { Subcommand } from '../commands/subcommand.js';
import { enabledButton } from '../console/buttons.js';
import { TERMINAL_USER, terminalInput } from '../console/terminal.js';
import type { Library } from '../library/library.js';
import type { Logger } from '../log.js';
import type { Reply } from '../message/payload.js';
import { replyToText } from '../render/text.js';
import { noDigests } from './no-digests.js';
import type { Output } from './output.js';

/** The subcommand a CLI command asks, and the option its argument fills (renaming the option breaks this). */
function question<Options extends OptionSpecs>(
  subcommand: Subcommand<Options>,
  option: keyof Options & string,
) {
  return { subcommand: subcommand.name, option };
}

const QUESTIONS = {
  party: question(party, 'name'),
  search: question(search, 'query'),
  show: question(show, 'id'),
};

export type QuestionName = keyof typeof QUESTIONS;

export function isQuestion(command: string | undefined): command is QuestionName {
  return command !== undefined && Object.hasOwn(QUESTIONS, command);
}

/** A dispatcher serving /briefing from a library read once; the questions asked here do not depend on the day. */
export function questionDispatcher(library: Library, log: Logger): CommandDispatcher {
  const services = {
    library: () => library,
    digests: noDigests,
    defaultTimezone: 'UTC',
    now: () => new Date(),
  };
  return new CommandDispatcher([briefingCommand], services, log);
}

/** The answer and the pages after it, turned as the terminal's `next` turns them. */
async function everyPage(dispatcher: CommandDispatcher, first: Reply): Promise<Reply[]> {
  const pages = [first];
  for (let next = enabledButton(first, 'next'); next; next = enabledButton(pages.at(-1), 'next')) {
    pages.push(dispatcher.page(next, TERMINAL_USER.id).reply);
  }
  return pages;
}

function questionInput(name: QuestionName, argument: string) {
  const { subcommand, option } = QUESTIONS[name];
  const input = terminalInput(briefingCommand.definition.name, subcommand);
  input.options[option] = argument;
  return input;
}

/**
 * Why the question cannot be asked as typed (a name or query over the option's length, as /briefing refuses
 * it), with an example of what to type; undefined when it can.
 */
export function questionProblem(name: QuestionName, argument: string): string | undefined {
  return inputProblem(
    briefingCommand,
    questionInput(name, argument),
    (_usage, _option, value) => `briefings ${name} ${value}`,
  );
}

/** Exit codes: 0 answered, 1 nothing answers the question (its notice on stderr), 2 the question is malformed. */
export async function ask(
  dispatcher: CommandDispatcher,
  name: QuestionName,
  argument: string,
  options: { json: boolean },
  io: Output,
): Promise<number> {
  const input = questionInput(name, argument);
  const problem = questionProblem(name, argument);
  if (problem) {
    io.err(problem);
    return 2;
  }
  const json = options.json ? await dispatcher.json(input) : undefined;
  if (json !== undefined) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const reply = await dispatcher.run(input);
  // A notice (only for the asker) is an answer too, unless nothing answers: no briefing has that id.
  const answered = !options.json && (!reply.ephemeral || (await dispatcher.json(input)) !== undefined);
  const write = answered ? io.out : io.err;
  for (const page of await everyPage(dispatcher, reply)) write(replyToText(page, { buttons: false }));
  return answered ? 0 : 1;
}
