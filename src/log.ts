/** pino, with every secret scrubbed from every line: a token must never reach a log. */
import { type DestinationStream, type Logger, pino } from 'pino';
import { createScrubber, REDACTED } from './secrets.js';

export type { Logger };

export interface LogOptions {
  level?: string;
  /**
   * Values (tokens) to replace with [redacted] wherever they appear, in messages or fields. Token-shaped
   * strings and URL userinfo are scrubbed without being listed.
   */
  secrets?: string[];
  destination?: DestinationStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  const scrub = createScrubber(options.secrets);
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'config.discordToken',
        ],
        censor: REDACTED,
      },
      // Last line of defence: the serialised line itself is scrubbed, whatever field a token hid in,
      // with the scrubber the process's plain lines go through too (src/secrets.ts).
      hooks: { streamWrite: scrub },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
