import { describe, expect, it } from 'vitest';
import {
  listTimezones,
  normalizeTime,
  normalizeTimezone,
  ScheduleError,
} from '../../src/schedule/validate.js';

describe('normalizeTime', () => {
  it('accepts 24-hour times and pads the hour', () => {
    expect(normalizeTime('08:05')).toBe('08:05');
    expect(normalizeTime('8:05')).toBe('08:05');
    expect(normalizeTime(' 23:59 ')).toBe('23:59');
    expect(normalizeTime('00:00')).toBe('00:00');
  });

  it.each(['24:00', '12:60', '7', '7:5', '07:30 pm', '', 'noon', '-1:00'])(
    'refuses %j with a usable message',
    (input) => {
      expect(() => normalizeTime(input)).toThrow(ScheduleError);
      expect(() => normalizeTime(input)).toThrow(/HH:MM on a 24-hour clock/);
    },
  );
});

describe('normalizeTimezone', () => {
  it('accepts IANA zones and returns their canonical spelling', () => {
    expect(normalizeTimezone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(normalizeTimezone('europe/berlin')).toBe('Europe/Berlin');
    expect(normalizeTimezone('utc')).toBe('UTC');
    expect(normalizeTimezone('America/New_York')).toBe('America/New_York');
  });

  it('refuses unknown zones and offsets typed as names', () => {
    for (const zone of ['Mars/Olympus', 'CEST and a half', '']) {
      const error = (() => {
        try {
          normalizeTimezone(zone);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ScheduleError);
      expect((error as ScheduleError).code).toBe('invalid-timezone');
    }
  });
});

describe('listTimezones', () => {
  it('offers UTC and the IANA zones, each valid', () => {
    const zones = listTimezones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('America/New_York');
    expect(new Set(zones).size).toBe(zones.length);
    for (const zone of zones.slice(0, 40)) expect(() => normalizeTimezone(zone)).not.toThrow();
  });
});
