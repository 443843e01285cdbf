import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, NameTooLongError, namePattern } from '../../src/party/name-pattern.js';

function finds(name: string, text: string): boolean {
  const pattern = namePattern(name);
  if (!pattern) throw new Error(`no pattern for ${name}`);
  return [...text.matchAll(pattern)].length > 0;
}

describe('namePattern', () => {
  it('ignores case and diacritics, precomposed or not', () => {
    expect(finds('donetsk', 'fighting near Donétsk')).toBe(true);
    expect(finds('Donétsk', 'FIGHTING NEAR DONETSK')).toBe(true);
    expect(finds('donetsk', 'near Done\u0301tsk')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(finds('done', 'Donetsk is not done yet')).toBe(true);
    expect(finds('done', 'Donetsk is undone')).toBe(false);
    expect(finds('Kushner', 'Kushnerism')).toBe(false);
  });

  it('takes any apostrophe and possessive', () => {
    expect(finds("O'Brien", 'Mr O’Brien’s office')).toBe(true);
  });

  it('lets the words of a name be split by spaces, hyphens or line breaks', () => {
    expect(finds('Rameen Siddiqui', 'by Rameen\nSiddiqui')).toBe(true);
    expect(finds('Rameen Siddiqui', 'Rameen-Siddiqui')).toBe(true);
    expect(finds('Rameen Siddiqui', 'Rameen, and Siddiqui')).toBe(false);
  });

  it('handles letters beyond the Latin alphabet', () => {
    expect(finds('Песков', 'сказал ПЕСКОВ')).toBe(true);
  });

  it('has nothing to look for in punctuation', () => {
    expect(namePattern(' -- ')).toBeUndefined();
  });
});

describe('namePattern and hostile names', () => {
  it('refuses a name past 100 characters before building anything, with a message a reader can act on', () => {
    let thrown: unknown;
    try {
      namePattern('x'.repeat(9_000));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NameTooLongError);
    expect((thrown as Error).message).toBe('A name is at most 100 characters; this one has 9,000.');
    expect(MAX_NAME_LENGTH).toBe(100);
    expect(namePattern('x'.repeat(100))).toBeInstanceOf(RegExp);
  });

  it('takes pattern syntax in a name as text, never as a pattern', () => {
    expect(finds('Ursula (Stern)+ $', 'a letter to Ursula Stern today')).toBe(true);
    expect(finds('a.*', 'a quick test')).toBe(true);
    expect(finds('a.*', 'nothing here')).toBe(false);
  });

  it('builds a valid pattern from any text up to the limit, with no character of it left unescaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MAX_NAME_LENGTH, unit: 'grapheme' }), (name) => {
        if (name.length > MAX_NAME_LENGTH) return;
        const pattern = namePattern(name);
        if (!pattern) return;
        // Take away what the builder itself writes: what is left came from the name, and is letters and digits.
        const fromName = pattern.source
          .replace('(?<![\\p{L}\\p{N}])', '')
          .replace('(?![\\p{L}\\p{N}])', '')
          .replaceAll("[\\s\\-‐‑–.'’]+", '')
          .replaceAll("['’ʼ‘]", '')
          .replace(/\[[^\]]*\]\\p\{M\}\*/g, '')
          .replace(/\\u\{[0-9a-f]+\}/g, '');
        expect(fromName).toMatch(/^[\p{L}\p{N}]*$/u);
      }),
    );
  });
});
