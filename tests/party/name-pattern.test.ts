import { describe, expect, it } from 'vitest';
import { namePattern } from '../../src/party/name-pattern.js';

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
