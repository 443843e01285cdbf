/**
 * One question's own work at a time, each in a task of its own. The gateway may hand over many interactions in
 * one go; run as they arrive, their work would run back to back in one task, and no reply, deferral or timer
 * could go out until the last was done. Here each piece of work runs in its own setImmediate callback, and the
 * next is only scheduled once it is over: between two, the event loop sends and receives, and fires timers.
 */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Runs `work` at its turn; resolves with what it returns (a promise it returns is followed). */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
      this.schedule();
    });
  }

  /** Questions waiting for their turn. */
  get length(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      // Scheduled from within this callback: it runs in the next turn of the event loop, after its I/O.
      this.schedule();
    });
  }
}
