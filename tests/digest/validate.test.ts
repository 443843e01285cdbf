import { describe, expect, it } from 'vitest';
import { DigestError } from '../../src/digest/errors.js';
import { fireOn } from '../../src/digest/plan/fire-time.js';
import { searchTimezones } from '../../src/digest/subscriptions/timezones.js';
import { listTimezones, normalizeTime, normalizeTimezone } from '../../src/digest/subscriptions/validate.js';
import { describeDigestProblem } from '../../src/render/digest-problems.js';

/** The problem a call throws, or undefined when it does not throw one. */
function problemOf(call: () => unknown) {
  try {
    call();
  } catch (error) {
    if (error instanceof DigestError) return error.problem;
  }
  return undefined;
}

describe('normalizeTime', () => {
  it('accepts 24-hour times and pads the hour', async () => {
    expect(normalizeTime('08:05')).toBe('08:05');
    expect(normalizeTime('8:05')).toBe('08:05');
    expect(normalizeTime(' 23:59 ')).toBe('23:59');
    expect(normalizeTime('00:00')).toBe('00:00');
  });

  it.each(['24:00', '12:60', '7', '7:5', '07:30 pm', '', 'noon', '-1:00'])(
    'refuses %j with a usable message',
    (input) => {
      const problem = problemOf(() => normalizeTime(input));
      expect(problem).toEqual({ code: 'invalid-time', input });
      expect(describeDigestProblem(problem!)).toMatch(/HH:MM on a 24-hour clock/);
    },
  );
});

describe('normalizeTimezone', () => {
  it('accepts IANA zones and returns their canonical spelling', async () => {
    expect(normalizeTimezone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(normalizeTimezone('europe/berlin')).toBe('Europe/Berlin');
    expect(normalizeTimezone('utc')).toBe('UTC');
    expect(normalizeTimezone('America/New_York')).toBe('America/New_York');
  });

  it('refuses unknown zones and offsets typed as names', async () => {
    for (const zone of ['Mars/Olympus', 'CEST and a half', '']) {
      expect(problemOf(() => normalizeTimezone(zone))).toMatchObject({
        code: 'invalid-timezone',
        input: zone,
      });
    }
  });
});

describe('time zones by their current names', () => {
  it('stores renamed zones as IANA calls them now, whichever name or spelling was typed', async () => {
    expect(normalizeTimezone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('europe/kyiv')).toBe('Europe/Kyiv');
    expect(normalizeTimezone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(normalizeTimezone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(normalizeTimezone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(normalizeTimezone('America/Godthab')).toBe('America/Nuuk');
    expect(normalizeTimezone('US/Eastern')).toBe('America/New_York');
  });

  it('lists no old name, and every listed zone is stored as listed', async () => {
    const zones = listTimezones();
    for (const old of ['Europe/Kiev', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon', 'America/Godthab'])
      expect(zones).not.toContain(old);
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('Asia/Kolkata');
    for (const zone of zones) expect(normalizeTimezone(zone)).toBe(zone);
  });

  it('a city or country typed instead of a zone is refused with the zones it names', async () => {
    const kyiv = problemOf(() => normalizeTimezone('kyiv'));
    expect(describeDigestProblem(kyiv!)).toMatch(
      /"kyiv" is not a known time zone\. Did you mean Europe\/Kyiv\?/,
    );
    expect(problemOf(() => normalizeTimezone('india'))).toMatchObject({
      suggestions: expect.arrayContaining(['Asia/Kolkata']),
    });
  });

  it('fires at the local time of a renamed zone', async () => {
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

  it('labels each zone with its country', async () => {
    expect(searchTimezones('india')[0]?.label).toBe('Asia/Kolkata (India)');
    expect(searchTimezones('utc')[0]?.label).toBe('UTC');
  });

  it('finds nothing for nonsense, and at most the limit', async () => {
    expect(zones('qqqqzz')).toEqual([]);
    expect(searchTimezones('a', 7)).toHaveLength(7);
  });
});

describe('listTimezones', () => {
  it('offers UTC and the IANA zones, each valid', async () => {
    const zones = listTimezones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('America/New_York');
    expect(new Set(zones).size).toBe(zones.length);
    for (const zone of zones.slice(0, 40)) expect(() => normalizeTimezone(zone)).not.toThrow();
  });
});
