import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packLines, shorten, splitText, takeChunk } from '../../src/render/split.js';
import { words } from './helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('  one two  ', 20)).toEqual(['one two']);
    expect(splitText('   ', 20)).toEqual([]);
  });

  it('prefers line boundaries over word boundaries', () => {
    const chunks = splitText('first line here\nsecond line here', 20);
    expect(chunks).toEqual(['first line here', 'second line here']);
  });

  it('cuts a long line at a word boundary, never inside a word', () => {
    const text = words(1, 50);
    const chunks = splitText(text, 40);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(40);
      for (const word of chunk.split(' ')) expect(word).toMatch(/^w1x\d+$/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('cuts a word longer than the limit, and only then', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('does not split a surrogate pair', () => {
    const chunks = splitText('😀'.repeat(5), 3);
    for (const chunk of chunks) expect(chunk).toMatch(/^(😀)+$/u);
    expect(chunks.join('')).toBe('😀'.repeat(5));
  });

  it('loses no text and respects the limit for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const chunks = splitText(text, max);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(max);
          expect(chunk.trim()).not.toBe('');
        }
        expect(chunks.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});

describe('takeChunk', () => {
  it('returns the remainder for the next chunk', () => {
    expect(takeChunk('alpha beta gamma', 11)).toEqual({ head: 'alpha beta', rest: 'gamma' });
  });
});

describe('packLines', () => {
  it('packs whole bullets and splits only a bullet longer than the limit', () => {
    const long = `• ${words(2, 30)}`;
    const chunks = packLines(['• short one', long, '• short two'], 60);
    expect(chunks[0]).toBe('• short one');
    expect(chunks.every((chunk) => chunk.length <= 60)).toBe(true);
    expect(squash(chunks.join(' '))).toBe(squash(`• short one ${long} • short two`));
  });

  it('keeps a bullet with inner line breaks on one line', () => {
    expect(packLines(['• one\ntwo'], 100)).toEqual(['• one two']);
  });
});

describe('shorten', () => {
  it('marks an abbreviation with an ellipsis and stays within the limit', () => {
    const short = shorten(words(3, 100), 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith('…')).toBe(true);
    expect(shorten('fits', 10)).toBe('fits');
  });
});
