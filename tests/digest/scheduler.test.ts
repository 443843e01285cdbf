import { getTasks } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { nextFire } from '../../src/digest/plan/fire-time.js';
import { CronScheduler, cronExpression } from '../../src/digest/plan/scheduler.js';

const schedulers: CronScheduler[] = [];
afterEach(() => {
  for (const scheduler of schedulers.splice(0)) scheduler.stop();
});

function digestTasks() {
  return [...getTasks().values()].filter((task) => task.name?.startsWith('digest'));
}

describe('CronScheduler', () => {
  it('turns HH:MM into a daily six-field expression', async () => {
    expect(cronExpression('08:05')).toBe('0 5 8 * * *');
    expect(cronExpression('00:00')).toBe('0 0 0 * * *');
  });

  it('runs a sweep and one job per slot, in the slot’s zone', async () => {
    const scheduler = new CronScheduler();
    schedulers.push(scheduler);
    scheduler.start({ onSlot() {}, onSweep() {} });
    scheduler.sync([
      { time: '08:00', timezone: 'Europe/Berlin' },
      { time: '08:00', timezone: 'America/New_York' },
    ]);
    expect(scheduler.jobNames()).toEqual(['08:00 America/New_York', '08:00 Europe/Berlin']);
    const berlin = digestTasks().find((task) => task.name === 'digest 08:00 Europe/Berlin');
    const now = new Date();
    expect(berlin?.getNextRun()?.toISOString()).toBe(
      nextFire({ time: '08:00', timezone: 'Europe/Berlin' }, now).at.toISOString(),
    );
    expect(digestTasks().some((task) => task.name === 'digest sweep')).toBe(true);
  });

  it('rebuilds to match the slots, keeping the jobs that did not change', async () => {
    const scheduler = new CronScheduler();
    schedulers.push(scheduler);
    scheduler.start({ onSlot() {}, onSweep() {} });
    scheduler.sync([{ time: '08:00', timezone: 'UTC' }]);
    const kept = digestTasks().find((task) => task.name === 'digest 08:00 UTC');
    scheduler.sync([
      { time: '08:00', timezone: 'UTC' },
      { time: '19:30', timezone: 'Asia/Tokyo' },
    ]);
    expect(digestTasks().find((task) => task.name === 'digest 08:00 UTC')).toBe(kept);
    scheduler.sync([{ time: '19:30', timezone: 'Asia/Tokyo' }]);
    expect(scheduler.jobNames()).toEqual(['19:30 Asia/Tokyo']);
  });

  it('leaves no job running after stop', async () => {
    const scheduler = new CronScheduler();
    scheduler.start({ onSlot() {}, onSweep() {} });
    scheduler.sync([{ time: '08:00', timezone: 'UTC' }]);
    scheduler.stop();
    expect(scheduler.jobNames()).toEqual([]);
    expect(digestTasks().filter((task) => task.getStatus() !== 'destroyed')).toEqual([]);
  });
});
