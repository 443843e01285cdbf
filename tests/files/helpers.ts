/** Odd things to find where a text file should be. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';

/** A FIFO with nobody writing to it: opening it blocking waits for a writer forever. */
export function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * A FIFO with a read-write end held open by the test, so that even a reader that opens it blocking (the
 * bug) returns instead of hanging the test worker: it then reads nothing, and the test fails, not hangs.
 */
export function heldFifo(path: string): { close(): void } {
  fifo(path);
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
  return { close: () => closeSync(fd) };
}
