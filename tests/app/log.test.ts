import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789AB';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('never writes the token, in a message, a field or an error', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: [TOKEN], destination });
    log.info(`login with ${TOKEN}`);
    log.info({ token: TOKEN, nested: { token: TOKEN }, url: `https://x/?t=${TOKEN}` }, 'fields');
    log.error({ err: new Error(`rejected ${TOKEN}`) }, 'failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain('[redacted]');
    }
  });

  it('logs URLs without their user:password, and any token-shaped value, listed or not', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination });
    const other = 'OTk5OTk5OTk5OTk5OTk5OTk5.Hxyzab.ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zy';
    log.info({ api: 'http://someone:hunter2secret@127.0.0.1:3000/api' }, 'logging in');
    log.error({ err: new Error(`401: ${other}`) }, 'login failed');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      api: 'http://127.0.0.1:3000/api',
      msg: 'logging in',
    });
    expect(lines.join('')).not.toMatch(/hunter2secret|someone|OTk5OTk5/);
    expect(lines[1]).toContain('401: [redacted]');
  });
});
