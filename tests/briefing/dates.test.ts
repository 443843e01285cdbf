import { describe, expect, it } from 'vitest';
import { checkDate, fileNameParts } from '../../src/briefing/dates.js';

describe('dates', () => {
  it('accepts real calendar dates, and timestamps by their written date', () => {
    expect(checkDate('2025-12-15')).toEqual({ ok: true, date: '2025-12-15' });
    expect(checkDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
    expect(checkDate('2025-12-15T23:30:00-08:00')).toEqual({ ok: true, date: '2025-12-15' });
  });

  it('refuses days that do not exist and other spellings', () => {
    expect(checkDate('2025-02-29')).toMatchObject({ ok: false });
    expect(checkDate('2025-02-30')).toEqual({
      ok: false,
      message: 'date 2025-02-30 does not exist in the calendar',
    });
    expect(checkDate('2025-13-01')).toMatchObject({ ok: false });
    expect(checkDate('2100-02-29')).toMatchObject({ ok: false });
    expect(checkDate('15 December 2025')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/YYYY-MM-DD/),
    });
    expect(checkDate('2025-12-150')).toMatchObject({ ok: false });
  });

  it('splits a file name into date prefix and id', () => {
    expect(fileNameParts('briefings/2025-12-15-berlin-talks.md')).toEqual({
      date: '2025-12-15',
      id: 'berlin-talks',
    });
    expect(fileNameParts('briefings/sub/berlin-talks.txt')).toEqual({ id: 'berlin-talks' });
    expect(fileNameParts('2025-12-15.json')).toEqual({ date: '2025-12-15', id: '2025-12-15' });
  });
});
