import { describe, expect, it } from 'vitest';
import { fireOn } from '../../src/schedule/fire-time.js';
import { searchTimezones } from '../../src/schedule/timezones.js';
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

describe('time zones by their current names', () => {
  it('stores renamed zones as IANA calls them now, whichever name or spelling was typed', () => {
    expect(normalizeTimezone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('europe/kyiv')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(normalizeTimezone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(normalizeTimezone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(normalizeTimezone('America/Godthab')).toBe('America/Nuuk');
    expect(normalizeTimezone('US/Eastern')).toBe('America/New_York');
  });

  it('lists no old name, and every listed zone is stored as listed', () => {
    const zones = listTimezones();
    for (const old of ['Europe/Kiev', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon', 'America/Godthab'])
      expect(zones).not.toContain(old);
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('Asia/Kolkata');
    for (const zone of zones) expect(normalizeTimezone(zone)).toBe(zone);
  });

  it('a city or country typed instead of a zone is refused with the zones it names', () => {
    expect(() => normalizeTimezone('kyiv')).toThrow(
      /"kyiv" is not a known time zone\. Did you mean Europe\/Kyiv\?/,
    );
    expect(() => normalizeTimezone('india')).toThrow(/Did you mean Asia\/Kolkata/);
  });

  it('fires at the local time of a renamed zone', () => {
    // 08:00 in Kyiv is 06:00 UTC in winter.
    const fire = fireOn('2025-12-15', { time: '08:00', timezone: normalizeTimezone('Europe/Kiev') });
    expect(fire.at.toISOString()).toBe('2025-12-15T06:00:00.000Z');
  });
});

describe('searchTimezones', () => {
  const zones = (typed: string) => searchTimezones(typed).map((match) => match.zone);

  it.each([
    ['kyiv', 'Europe/Kyiv'],
    ['kiev', 'Europe/Kyiv'],
    ['KYIV', 'Europe/Kyiv'],
    ['ukraine', 'Europe/Kyiv'],
    ['india', 'Asia/Kolkata'],
    ['new york', 'America/New_York'],
    ['new_york', 'America/New_York'],
    ['berlin', 'Europe/Berlin'],
    ['germany', 'Europe/Berlin'],
    ['usa', 'America/New_York'],
    ['united states', 'America/New_York'],
    ['uk', 'Europe/London'],
    ['japan', 'Asia/Tokyo'],
    ['washington', 'America/New_York'],
    ['europe/ber', 'Europe/Berlin'],
    ['zurich', 'Europe/Zurich'],
  ])('finds %j first as %s', (typed, zone) => {
    expect(zones(typed)[0]).toBe(zone);
  });

  it('labels each zone with its country', () => {
    expect(searchTimezones('india')[0]?.label).toBe('Asia/Kolkata (India)');
    expect(searchTimezones('utc')[0]?.label).toBe('UTC');
  });

  it('finds nothing for nonsense, and at most the limit', () => {
    expect(zones('qqqqzz')).toEqual([]);
    expect(searchTimezones('a', 7)).toHaveLength(7);
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
