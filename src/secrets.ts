/**
 * The one scrubber every line the process writes goes through: pino's JSON lines (src/log.ts), and the
 * plain lines of `npm start`, `npm run deploy-commands` and `briefings` on stdout and stderr.
 * It replaces the known secrets (the token, the API URL's password) wherever they appear, anything shaped
 * like a Discord token even when it is not ours (a REST error body echoing a token, a token pasted into
 * the wrong variable), and drops the user:password part of every URL.
 */

export type Scrubber = (text: string) => string;

export const REDACTED = '[redacted]';

/** A Discord bot token: base64url user id, timestamp and HMAC, separated by dots. JWTs have the same shape. */
const TOKEN_SHAPE = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;

/** `scheme://userinfo@`: the userinfo ends at the first character a URL's authority cannot hold unescaped. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>\\]+@/gi;

/** Shorter known secrets are not replaced: they would take ordinary words with them. */
const MIN_SECRET_LENGTH = 8;

export function createScrubber(secrets: readonly (string | undefined)[] = []): Scrubber {
  const known = [...new Set(secrets)]
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return withoutUserinfo(out.replace(TOKEN_SHAPE, REDACTED));
  };
}

/** Every URL in `text` without its `user:password@`. */
export function withoutUserinfo(text: string): string {
  return text.replace(URL_USERINFO, '$1');
}

/** A run of base64-ish characters long enough to be a key, with the mixed case and digits random keys have. */
const LONG_RUN = /[A-Za-z0-9+_=-]{24,}/g;
const LONG_HEX = /[0-9a-f]{32,}/i;

/**
 * Whether a value looks like a secret: a Discord token, or a long random-looking string (an OAuth client
 * secret, an API key). Used to never echo such a value back in an error about the variable it was put in.
 * Plain ids (digits), host names and paths do not look like secrets.
 */
export function looksLikeSecret(value: string): boolean {
  if (new RegExp(TOKEN_SHAPE.source).test(value)) return true;
  if (LONG_HEX.test(value) && /\d/.test(value) && /[a-f]/i.test(value)) return true;
  return (value.match(LONG_RUN) ?? []).some(
    (run) => /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run),
  );
}

/** Writes whole lines to a stream, scrubbed. */
export function lineWriter(stream: NodeJS.WritableStream, scrub: Scrubber): (text: string) => void {
  return (text) => {
    stream.write(`${scrub(text)}\n`);
  };
}
