/** A bot's JSON log lines captured as they are written (startBot's logDestination), and a way to wait for one. */
import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg: string;
  interaction?: string;
  [field: string]: unknown;
}

export class Logs {
  readonly lines: LogLine[] = [];
  private readonly waiters = new Set<() => void>();

  readonly destination = new Writable({
    write: (chunk, _encoding, done) => {
      for (const line of String(chunk).split('\n').filter(Boolean))
        this.lines.push(JSON.parse(line) as LogLine);
      for (const waiter of [...this.waiters]) waiter();
      done();
    },
  });

  /** Resolves with the first line that `test` accepts, already written or still to come. */
  waitFor(test: (line: LogLine) => boolean): Promise<LogLine> {
    return new Promise((resolve) => {
      const waiter = () => {
        const found = this.lines.find(test);
        if (!found) return;
        this.waiters.delete(waiter);
        resolve(found);
      };
      this.waiters.add(waiter);
      waiter();
    });
  }

  /** Lines at error level or above. */
  get errors(): LogLine[] {
    return this.lines.filter((line) => line.level >= 50);
  }
}
