import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronExpression, isSlot, latestSlot, nextSlot, nextSlots, type DigestSchedule } from '../../../src/schedule/slots.ts';
import { wallTimeAt } from '../../../src/schedule/zoned-time.ts';
import { parseDays, parseTime, parseTimezone, scheduleOf, subscriptionSettings } from '../../../src/schedule/subscription-input.ts';

const london = (days: number[] = [0, 1, 2, 3, 4, 5, 6]): DigestSchedule => ({ every: 'day', hour: 9, minute: 0, days, timezone: 'Europe/London' });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('digest slots', () => {
  it('fall at 09:00 London time on both sides of the March 2026 clock change', () => {
    const slots = nextSlots(london(), new Date('2026-03-27T00:00Z'), new Date('2026-03-31T00:00Z'));
    expect(iso(slots)).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    for (const slot of slots) expect(wallTimeAt(slot, 'Europe/London')).toMatchObject({ hour: 9, minute: 0 });
  });

  it('fall at 09:00 London time on both sides of the October 2026 clock change', () => {
    const slots = nextSlots(london(), new Date('2026-10-23T00:00Z'), new Date('2026-10-27T00:00Z'));
    expect(iso(slots)).toEqual(['2026-10-23T08:00:00.000Z', '2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('skip Saturday and Sunday on a weekday schedule', () => {
    const slots = nextSlots(london([1, 2, 3, 4, 5]), new Date('2026-03-26T12:00Z'), new Date('2026-03-31T12:00Z'));
    expect(iso(slots)).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-31T08:00:00.000Z']);
    expect(nextSlot(london([1, 2, 3, 4, 5]), new Date('2026-03-27T09:00Z'))!.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('post hourly schedules once per wall-clock hour when the clocks skip or repeat one', () => {
    const hourly: DigestSchedule = { every: 'hour', hour: 0, minute: 30, days: [0], timezone: 'Europe/London' };
    expect(nextSlots(hourly, new Date('2026-03-28T23:00Z'), new Date('2026-03-29T23:59Z'))).toHaveLength(23);
    expect(nextSlots(hourly, new Date('2026-10-24T23:00Z'), new Date('2026-10-25T23:59Z'))).toHaveLength(24);
  });

  it('find the latest due slot and recognise slots', () => {
    expect(latestSlot(london(), new Date('2026-03-29T08:30Z'))!.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(isSlot(london(), new Date('2026-03-29T08:00Z'))).toBe(true);
    expect(isSlot(london(), new Date('2026-03-29T09:00Z'))).toBe(false);
  });

  it('wake node-cron at the same instants as computed, daylight-saving changes included', () => {
    const schedule = london([1, 2, 3, 4, 5]);
    const task = cron.createTask(cronExpression(schedule), () => {}, { timezone: schedule.timezone });
    try {
      const runs = task.getNextRuns(150); // past the next March change
      const now = new Date(runs[0]!.getTime() - 60_000);
      expect(iso(runs)).toEqual(iso(nextSlots(schedule, now, runs[runs.length - 1]!)));
    } finally {
      void task.destroy();
    }
  });
});

describe('subscription input', () => {
  it('reads times in the forms people type', () => {
    expect(parseTime('09:00')).toEqual({ time: '09:00' });
    expect(parseTime('9am')).toEqual({ time: '09:00' });
    expect(parseTime('5:30pm')).toEqual({ time: '17:30' });
    expect(parseTime(':15')).toEqual({ time: ':15' });
    expect(parseTime('30 8 * * 1-5')).toEqual({ time: '08:30', days: [1, 2, 3, 4, 5] });
  });

  it('rejects a bad time, cron string, zone or days with a valid example', () => {
    for (const bad of ['25:00', 'tea time', '9', '13pm']) expect(() => parseTime(bad)).toThrow(/e\.g\. digest subscribe 09:00 Europe\/London/);
    expect(() => parseTime('0 9 1 * *')).toThrow(/"30 8 \* \* 1-5"/);
    expect(() => parseTimezone('Mars/Olympus')).toThrow(/Europe\/London/);
    expect(() => parseTimezone('London')).toThrow(/Did you mean Europe\/London\?/);
    expect(() => parseDays('mon-funday')).toThrow(/mon-fri/);
    expect(() => subscriptionSettings({ quiet: 'loud' })).toThrow(/--quiet notice/);
  });

  it('reads days, wrapping ranges over the weekend', () => {
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseDays('Monday, wed,FRI')).toEqual([1, 3, 5]);
    expect(parseDays('weekends')).toEqual([0, 6]);
  });

  it('defaults to 09:00 every day in the bot zone, skipping empty digests', () => {
    const settings = subscriptionSettings({});
    expect(settings).toEqual({ time: '09:00', days: [0, 1, 2, 3, 4, 5, 6], timezone: null, topic: null, empty: 'skip' });
    expect(scheduleOf({ ...settings, time: ':15' }, 'UTC')).toMatchObject({ every: 'hour', minute: 15, timezone: 'UTC' });
    expect(parseTimezone('europe/london')).toBe('Europe/London');
  });
});
