/** pino, with every secret scrubbed from every line: a token must never reach a log. */
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export interface LogOptions {
  level?: string;
  /** Values (tokens) to replace with [redacted] wherever they appear, in messages or fields. */
  secrets?: string[];
  destination?: DestinationStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
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
        censor: '[redacted]',
      },
      // Last line of defence: the serialised line itself is scrubbed, whatever field a token hid in.
      ...(secrets.length ? { hooks: { streamWrite: (line: string) => scrub(line) } } : {}),
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
