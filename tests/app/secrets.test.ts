import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createScrubber, lineWriter, looksLikeSecret, withoutUserinfo } from '../../src/secrets.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789AB';
const OTHER_TOKEN = 'OTk5OTk5OTk5OTk5OTk5OTk5.Hxyzab.ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zy';

describe('createScrubber', () => {
  it('replaces the secrets it is given, wherever they appear', () => {
    const scrub = createScrubber(['plain-secret-value', undefined]);
    expect(scrub('a plain-secret-value and plain-secret-value')).toBe('a [redacted] and [redacted]');
  });

  it('replaces anything shaped like a Discord token, listed or not', () => {
    const scrub = createScrubber([]);
    expect(scrub(`401: invalid token ${OTHER_TOKEN} (was "${TOKEN}")`)).toBe(
      '401: invalid token [redacted] (was "[redacted]")',
    );
  });

  it('drops the user:password of every URL, in plain text and in JSON lines', () => {
    const scrub = createScrubber([]);
    expect(scrub('GET http://user:secret@127.0.0.1:3000/api/v10/gateway failed')).toBe(
      'GET http://127.0.0.1:3000/api/v10/gateway failed',
    );
    expect(scrub(JSON.stringify({ api: 'https://bot:p%40ss@proxy.example/api', msg: 'logging in' }))).toBe(
      '{"api":"https://proxy.example/api","msg":"logging in"}',
    );
  });

  it('leaves ordinary text alone: ids, paths, e-mail addresses, URLs without credentials', () => {
    const scrub = createScrubber(['short']);
    const text =
      'briefings/2025-12-15-berlin-talks.md: 1190000000000000100 short mail@example.org http://127.0.0.1:3000/api';
    expect(scrub(text)).toBe(text);
  });
});

describe('withoutUserinfo', () => {
  it('keeps the rest of the URL', () => {
    expect(withoutUserinfo('http://user:secret@host:8080/api?x=1#y')).toBe('http://host:8080/api?x=1#y');
    expect(withoutUserinfo('http://user@host/api')).toBe('http://host/api');
  });
});

describe('looksLikeSecret', () => {
  it('is true of tokens and long random keys', () => {
    expect(looksLikeSecret(TOKEN)).toBe(true);
    expect(looksLikeSecret(`https://discord.com/api/${TOKEN}`)).toBe(true);
    expect(looksLikeSecret('Xy7kQ2mP9vL4nR8sT1wZ5bC3dF6gH0jK')).toBe(true);
    expect(looksLikeSecret('0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c')).toBe(true);
  });

  it('is false of what people mistype into ids and URLs', () => {
    for (const value of [
      'my-server',
      '1234567890123456789012345',
      'http://127.0.0.1:3000/api',
      'https://my-discord-proxy-production-eu-west-1.example.com/api/v10',
      'Europe/Berlin',
      'not a url',
    ])
      expect(looksLikeSecret(value)).toBe(false);
  });
});

describe('lineWriter', () => {
  it('writes whole scrubbed lines', () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    lineWriter(stream, createScrubber([TOKEN]))(`Could not start: rejected ${TOKEN}`);
    expect(chunks).toEqual(['Could not start: rejected [redacted]\n']);
  });
});
