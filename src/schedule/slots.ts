/**
 * When a digest is due: the slots of a schedule, computed from the schedule alone (pure), so a
 * test clock can drive the scheduler through any day, daylight-saving changes included, and
 * node-cron only has to wake it.
 */
import { addDays, instantOf, wallTimeAt, weekday } from './zoned-time.ts';

/** A daily digest at hour:minute, or an hourly one at minute past each hour, on some days. */
export interface DigestSchedule {
  readonly every: 'day' | 'hour';
  /** For a daily schedule, 0-23; ignored for an hourly one. */
  readonly hour: number;
  readonly minute: number;
  /** Days of the week, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  /** An IANA time zone: the schedule follows its wall clock. */
  readonly timezone: string;
}

/** Slots are searched this many days either side of a range (a week, and a day for zones). */
const MARGIN_DAYS = 8;

/** The slots of one calendar day in the schedule's zone, in time order. */
function slotsOfDay(schedule: DigestSchedule, date: { year: number; month: number; day: number }): number[] {
  if (!schedule.days.includes(weekday(date.year, date.month, date.day))) return [];
  const hours = schedule.every === 'day' ? [schedule.hour] : Array.from({ length: 24 }, (_, h) => h);
  // A skipped wall time shifts onto the next hour's slot: keep one of them.
  return [...new Set(hours.map((hour) => instantOf({ ...date, hour, minute: schedule.minute }, schedule.timezone).getTime()))].sort((a, b) => a - b);
}

/**
 * Every slot after `from` and up to `to` (inclusive), oldest first.
 *
 * @example nextSlots({ every: 'day', hour: 9, minute: 0, days: [1, 2, 3, 4, 5], timezone: 'Europe/London' },
 *   new Date('2024-03-29T00:00Z'), new Date('2024-04-02T00:00Z'))
 *   → [2024-03-29T09:00Z (Fri, GMT), 2024-04-01T08:00Z (Mon, BST)]
 */
export function nextSlots(schedule: DigestSchedule, from: Date, to: Date): Date[] {
  if (schedule.days.length === 0 || to.getTime() <= from.getTime()) return [];
  const first = wallTimeAt(from, schedule.timezone);
  const last = wallTimeAt(to, schedule.timezone);
  const span = Math.round((Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / 86_400_000);
  const slots: Date[] = [];
  for (let offset = -1; offset <= span + 1; offset++) {
    for (const instant of slotsOfDay(schedule, addDays(first, offset))) {
      if (instant > from.getTime() && instant <= to.getTime()) slots.push(new Date(instant));
    }
  }
  return slots;
}

/** The first slot after `after`, or null when the schedule has no days. */
export function nextSlot(schedule: DigestSchedule, after: Date): Date | null {
  if (schedule.days.length === 0) return null;
  return nextSlots(schedule, after, new Date(after.getTime() + MARGIN_DAYS * 86_400_000))[0] ?? null;
}

/** The last slot at or before `at`, or null when there is none in the week before it. */
export function latestSlot(schedule: DigestSchedule, at: Date): Date | null {
  const slots = nextSlots(schedule, new Date(at.getTime() - MARGIN_DAYS * 86_400_000), at);
  return slots[slots.length - 1] ?? null;
}

/** Whether `instant` is one of the schedule's slots. */
export function isSlot(schedule: DigestSchedule, instant: Date): boolean {
  return nextSlots(schedule, new Date(instant.getTime() - 1), instant).length === 1;
}

/**
 * The node-cron expression that fires at the schedule's slots in its zone (seconds field 0).
 *
 * @example cronExpression({ every: 'day', hour: 9, minute: 30, days: [1, 2, 3, 4, 5], … }) === '0 30 9 * * 1,2,3,4,5'
 */
export function cronExpression(schedule: DigestSchedule): string {
  const hour = schedule.every === 'day' ? String(schedule.hour) : '*';
  const days = schedule.days.length === 7 ? '*' : schedule.days.join(',');
  return `0 ${schedule.minute} ${hour} * * ${days}`;
}
