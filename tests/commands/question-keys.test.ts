/** Long questions ride in page buttons as short keys, and resolve back to the very text asked. */
import { describe, expect, it } from 'vitest';
import { questionKey, questionOf } from '../../src/commands/briefing/question-keys.js';
import { isHashKey, KEY_MAX } from '../../src/text/short-key.js';

describe('question keys', () => {
  it('carry a short question as it is, and a long one as the same hash every time', () => {
    expect(questionKey('Donetsk')).toBe('Donetsk');
    expect(questionOf('Donetsk')).toBe('Donetsk');
    const long = 'a question of a hundred characters '.repeat(3).slice(0, 100);
    const key = questionKey(long);
    expect(isHashKey(key)).toBe(true);
    expect(key.length).toBeLessThanOrEqual(KEY_MAX);
    expect(questionKey(long)).toBe(key);
    expect(questionOf(key)).toBe(long);
  });

  it('never take a short question that looks like a hash for one', () => {
    const tricky = '~AAAAAAAAAAAAAAAA';
    const key = questionKey(tricky);
    expect(key).not.toBe(tricky);
    expect(questionOf(key)).toBe(tricky);
    expect(questionOf('~BBBBBBBBBBBBBBBB')).toBeUndefined();
  });
});
