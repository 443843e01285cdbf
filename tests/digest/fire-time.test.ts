import { describe, expect, it } from 'vitest';
import { dayBefore, fireOn, latestFire, nextFire } from '../../src/digest/plan/fire-time.js';

const berlin = (time: string) => ({ time, timezone: 'Europe/Berlin' });

describe('fire times', () => {
  it('places the local time in the zone, summer and winter', async () => {
    expect(fireOn('2025-06-02', berlin('08:00')).at.toISOString()).toBe('2025-06-02T06:00:00.000Z');
    expect(fireOn('2025-01-15', berlin('08:00')).at.toISOString()).toBe('2025-01-15T07:00:00.000Z');
  });

  it('moves a time the clocks skip forward by the gap, on the same local day', async () => {
    // 02:30 does not exist in Berlin on 30 March 2025: clocks jump from 02:00 to 03:00.
    const fire = fireOn('2025-03-30', berlin('02:30'));
    expect(fire.localDate).toBe('2025-03-30');
    expect(fire.at.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('gives a time that happens twice a single instant', async () => {
    const fire = fireOn('2025-10-26', berlin('02:30'));
    expect(['2025-10-26T00:30:00.000Z', '2025-10-26T01:30:00.000Z']).toContain(fire.at.toISOString());
  });

  it('latest fire is today once the time has come, else yesterday', async () => {
    expect(latestFire(berlin('08:00'), new Date('2025-06-02T05:59:00Z')).localDate).toBe('2025-06-01');
    expect(latestFire(berlin('08:00'), new Date('2025-06-02T06:00:00Z')).localDate).toBe('2025-06-02');
    expect(nextFire(berlin('08:00'), new Date('2025-06-02T06:00:00Z')).localDate).toBe('2025-06-03');
    expect(nextFire(berlin('08:00'), new Date('2025-06-02T05:00:00Z')).localDate).toBe('2025-06-02');
  });

  it('reads the local day in the zone, not in UTC', async () => {
    // 23:30 UTC on 1 June is already 2 June in Berlin.
    expect(latestFire(berlin('01:00'), new Date('2025-06-01T23:30:00Z')).localDate).toBe('2025-06-02');
    expect(dayBefore(new Date('2025-06-01T23:30:00Z'), 'Europe/Berlin')).toBe('2025-06-01');
    expect(dayBefore(new Date('2025-06-01T23:30:00Z'), 'UTC')).toBe('2025-05-31');
  });
});
