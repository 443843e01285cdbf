/** Where a command writes: answers to stdout, what went wrong and what was understood to stderr. */
import { lineWriter, type Scrubber } from '../secrets.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** The process's stdout and stderr, every line through the scrubber the logs use. */
export function processOutput(scrub: Scrubber): Output {
  return { out: lineWriter(process.stdout, scrub), err: lineWriter(process.stderr, scrub) };
}

/** Collects what a command writes, for tests. */
export function memoryOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}
