/**
 * What a user types to subscribe a channel, read into stored settings: a time ("09:00",
 * "5:30pm", ":15" for hourly), a time zone ("Europe/London"), days ("mon-fri", "weekends",
 * "mon,wed,fri") or a cron-like string ("30 8 * * 1-5"). Every rejection is a `UserError`
 * whose message shows a valid example.
 */
import { isTimeZone } from '../config.ts';
import { echoValue } from '../core/command-text.ts';
import { UserError } from '../core/errors.ts';
import type { SubscriptionRecord, SubscriptionSettings } from '../core/ports/digest-store.ts';
import type { DigestSchedule } from './slots.ts';

export const TIME_EXAMPLE = 'digest subscribe 09:00 Europe/London --days mon-fri';
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A time of day as stored: 'HH:MM', or ':MM' for every hour at that minute. */
export interface ParsedTime {
  readonly time: string;
  /** Days the cron-like form gave, if it gave any. */
  readonly days?: readonly number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a time of day.
 *
 * @example parseTime('9am') → { time: '09:00' }; parseTime('17:30') → { time: '17:30' }; parseTime(':15') → { time: ':15' }
 * @example parseTime('30 8 * * 1-5') → { time: '08:30', days: [1, 2, 3, 4, 5] }
 * @throws UserError 'invalid-time' with an example
 */
export function parseTime(input: string): ParsedTime {
  const text = input.trim().toLowerCase();
  if (text === 'hourly') return { time: ':00' };
  const cron = text.split(/\s+/);
  if (cron.length === 5 || cron.length === 6) return parseCron(cron.length === 6 ? cron.slice(1) : cron, input);
  const hourly = /^(?:hourly\s*)?:(\d{2})$/.exec(text);
  if (hourly && Number(hourly[1]) < 60) return { time: `:${hourly[1]}` };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/.exec(text);
  if (match && (match[2] !== undefined || match[3] !== undefined)) {
    let hour = Number(match[1]);
    const minute = Number(match[2] ?? '0');
    if (match[3]) {
      if (hour < 1 || hour > 12) throw invalidTime(input);
      hour = (hour % 12) + (match[3] === 'pm' ? 12 : 0);
    }
    if (hour < 24 && minute < 60) return { time: `${pad(hour)}:${pad(minute)}` };
  }
  throw invalidTime(input);
}

function invalidTime(input: string): UserError {
  return new UserError(
    'invalid-time',
    `${echoValue(input, 40)} is not a time I can schedule. Use a 24-hour time such as 09:00 or 17:30 (or 5pm, or :15 for every hour at quarter past), e.g. ${TIME_EXAMPLE}`,
    { usage: true },
  );
}

/** The cron-like form, only as far as a digest schedule goes: "M H * * DAYS" or "M * * * DAYS". */
function parseCron(fields: readonly string[], input: string): ParsedTime {
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const invalid = () =>
    new UserError(
      'invalid-cron',
      `${echoValue(input, 40)} is not a schedule I can follow: give a minute, an hour (or *), * *, and days, e.g. "30 8 * * 1-5" for 08:30 on weekdays, or ${TIME_EXAMPLE}`,
      { usage: true },
    );
  if (!/^\d{1,2}$/.test(minute) || Number(minute) > 59 || dom !== '*' || month !== '*') throw invalid();
  if (hour !== '*' && (!/^\d{1,2}$/.test(hour) || Number(hour) > 23)) throw invalid();
  let days: number[];
  try {
    days = parseDays(dow);
  } catch {
    throw invalid();
  }
  return { time: hour === '*' ? `:${pad(Number(minute))}` : `${pad(Number(hour))}:${pad(Number(minute))}`, days };
}

/**
 * Reads the days a digest runs on, 0 = Sunday.
 *
 * @example parseDays('mon-fri') → [1, 2, 3, 4, 5]; parseDays('fri-mon') → [0, 1, 5, 6]; parseDays('weekends') → [0, 6]
 * @throws UserError 'invalid-days' with an example
 */
export function parseDays(input: string): number[] {
  const text = input.trim().toLowerCase();
  if (['*', 'daily', 'every day', 'everyday', 'all'].includes(text)) return [...ALL_DAYS];
  if (['weekdays', 'weekday', 'workdays'].includes(text)) return [1, 2, 3, 4, 5];
  if (['weekends', 'weekend'].includes(text)) return [0, 6];
  const days = new Set<number>();
  for (const piece of text.split(/\s*,\s*/)) {
    const range = piece.split(/\s*-\s*/);
    if (range.length > 2) throw invalidDays(input);
    const from = dayNumber(range[0]!, input);
    const to = range.length === 2 ? dayNumber(range[1]!, input) : from;
    // A range may wrap the week's end: fri-mon is Friday to Monday.
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(word: string, input: string): number {
  if (/^[0-7]$/.test(word)) return Number(word) % 7;
  const index = word.length < 2 ? -1 : DAY_NAMES.findIndex((name) => fullDayName(name).startsWith(word));
  if (index === -1) throw invalidDays(input);
  return index;
}

function fullDayName(short: string): string {
  return { sun: 'sunday', mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday' }[short] ?? short;
}

function invalidDays(input: string): UserError {
  return new UserError('invalid-days', `${echoValue(input, 40)} is not a set of days. Use e.g. mon-fri, weekends, daily or mon,wed,fri: ${TIME_EXAMPLE}`, {
    usage: true,
  });
}

/**
 * Checks an IANA time zone name, returning it in its canonical spelling.
 *
 * @example parseTimezone('europe/london') → 'Europe/London'
 * @throws UserError 'invalid-timezone', suggesting a zone whose city matches ("London" → Europe/London)
 */
export function parseTimezone(input: string): string {
  const name = input.trim();
  if (name.length <= 64 && isTimeZone(name)) return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
  const city = name.toLowerCase().replace(/\s+/g, '_');
  const near = Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase().split('/').pop() === city);
  const hint = near ? `Did you mean ${near}? ` : '';
  throw new UserError(
    'invalid-timezone',
    `${echoValue(name, 40)} is not a time zone I know. ${hint}Use an IANA name such as Europe/London or America/New_York, e.g. ${TIME_EXAMPLE}`,
    { usage: true },
  );
}

export interface SubscribeInput {
  readonly time?: string;
  readonly timezone?: string;
  readonly days?: string;
  readonly topic?: string;
  readonly quiet?: string;
}

/**
 * The settings a `digest subscribe` asks for: 09:00 every day, in the bot's zone, posting
 * nothing when nothing is new, unless told otherwise.
 */
export function subscriptionSettings(input: SubscribeInput): SubscriptionSettings {
  const parsed = input.time ? parseTime(input.time) : { time: '09:00' };
  const days = input.days ? parseDays(input.days) : (parsed.days ?? [...ALL_DAYS]);
  if (days.length === 0) throw invalidDays(input.days ?? '');
  const quiet = input.quiet?.trim().toLowerCase();
  if (quiet !== undefined && quiet !== 'skip' && quiet !== 'notice') {
    throw new UserError(
      'invalid-quiet',
      `--quiet takes skip (post nothing when nothing is new) or notice (post one line), e.g. digest subscribe 09:00 --quiet notice`,
      { usage: true },
    );
  }
  const topic = input.topic?.trim();
  return {
    time: parsed.time,
    days,
    timezone: input.timezone ? parseTimezone(input.timezone) : null,
    topic: topic ? topic.slice(0, 200) : null,
    empty: quiet === 'notice' ? 'post' : 'skip',
  };
}

/** The schedule a stored subscription follows. */
export function scheduleOf(subscription: Pick<SubscriptionRecord, 'time' | 'days' | 'timezone'>, defaultTimezone: string): DigestSchedule {
  const [hour, minute] = subscription.time.split(':');
  return {
    every: hour === '' ? 'hour' : 'day',
    hour: hour === '' ? 0 : Number(hour),
    minute: Number(minute),
    days: subscription.days,
    timezone: subscription.timezone ?? defaultTimezone,
  };
}

/** "09:00 on weekdays (Europe/London)", "every hour at :15 daily (UTC)". */
export function describeSchedule(subscription: Pick<SubscriptionRecord, 'time' | 'days' | 'timezone'>, defaultTimezone: string): string {
  const at = subscription.time.startsWith(':') ? `every hour at ${subscription.time}` : subscription.time;
  const days = subscription.days.join(',');
  const on =
    days === '0,1,2,3,4,5,6'
      ? 'every day'
      : days === '1,2,3,4,5'
        ? 'on weekdays'
        : days === '0,6'
          ? 'at weekends'
          : `on ${subscription.days.map((d) => DAY_NAMES[d]).join(', ')}`;
  return `${at} ${on} (${subscription.timezone ?? defaultTimezone})`;
}
