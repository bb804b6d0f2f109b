/**
 * Wall-clock time in an IANA time zone, both ways, with the runtime's own zone data (Intl):
 * what a UTC instant reads on a clock there, and which instant a wall-clock time there is,
 * including the two daylight-saving edge cases a schedule meets:
 *
 * - a time the clocks skip (01:30 on the spring-forward night in London) is taken as the
 *   instant the clocks would have shown it had they not jumped: 01:30 GMT, which reads 02:30;
 * - a time the clocks show twice (01:30 on the fall-back night) is its first occurrence.
 */

/** A calendar date and time of day as a clock in some zone shows it. Months are 1-12. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/**
 * What a clock in `zone` shows at `instant` (seconds dropped).
 *
 * @example wallTimeAt(new Date('2024-07-01T08:00:00Z'), 'Europe/London') → { year: 2024, month: 7, day: 1, hour: 9, minute: 0 }
 */
export function wallTimeAt(instant: Date | number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/** The zone's offset from UTC at `instant`, in minutes (London in summer: 60). */
export function offsetMinutes(instant: number, zone: string): number {
  const wall = wallTimeAt(instant, zone);
  const seconds = new Date(instant).getUTCSeconds();
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, seconds);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

const DAY = 86_400_000;

/**
 * The instant at which a clock in `zone` shows `wall` (the first time, when it shows it
 * twice; the shifted time, when it skips it).
 *
 * @example instantOf({ year: 2024, month: 3, day: 31, hour: 9, minute: 0 }, 'Europe/London') → 2024-03-31T08:00:00.000Z
 */
export function instantOf(wall: WallTime, zone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Offsets a day either side: a zone changes offset at most once in such a span.
  const before = offsetMinutes(asUtc - DAY, zone);
  const after = offsetMinutes(asUtc + DAY, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => sameWall(wallTimeAt(instant, zone), wall))
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before * 60_000);
}

/** Day of the week of a calendar date, 0 = Sunday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The calendar date `days` after the given one. */
export function addDays(date: Pick<WallTime, 'year' | 'month' | 'day'>, days: number): { year: number; month: number; day: number } {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}
