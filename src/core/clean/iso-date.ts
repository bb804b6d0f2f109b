/**
 * Dates as ISO 8601 strings exactly as precise as the source states them: a year, a month,
 * a day, or a day with a time. Nothing is filled in: no year is assumed, no midnight added.
 * Times are kept as the wall-clock time the source printed; a zone is not applied.
 */
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';

/** Date parts a parser found; an absent part was not stated. */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats stated parts: {2014, 1, 14, 2, 11} → '2014-01-14T02:11'; {2019, 5} → '2019-05'. */
export function isoFromParts(parts: DateParts): string {
  let iso = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return iso;
  iso += `-${pad(parts.month)}`;
  if (parts.day === undefined) return iso;
  iso += `-${pad(parts.day)}`;
  if (parts.hour === undefined) return iso;
  return `${iso}T${pad(parts.hour)}:${pad(parts.minute ?? 0)}`;
}

/** The parts of a chrono result that the text stated, or null when it gave no year. */
export function statedParts(component: ParsedComponents): DateParts | null {
  if (!component.isCertain('year')) return null;
  const year = component.get('year');
  if (year === null) return null;
  const parts: { year: number; month?: number; day?: number; hour?: number; minute?: number } = { year };
  if (!component.isCertain('month')) return parts;
  parts.month = component.get('month') ?? undefined;
  if (!component.isCertain('day')) return parts;
  parts.day = component.get('day') ?? undefined;
  if (!component.isCertain('hour')) return parts;
  parts.hour = component.get('hour') ?? undefined;
  parts.minute = component.get('minute') ?? 0;
  return parts;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function validParts(month?: string, day?: string, hour?: string, minute?: string): boolean {
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return false;
  if (hour !== undefined && Number(hour) > 23) return false;
  return minute === undefined || Number(minute) <= 59;
}

/**
 * A stated date as ISO 8601, or null when it is not a date with a year. ISO input keeps its
 * precision (and its seconds and zone); other forms are read day-first, as British copy
 * writes them.
 *
 * Examples: '2019-05' → '2019-05'; '2014-01-14 02:11' → '2014-01-14T02:11';
 * '14 January 2014' → '2014-01-14'; '01/02/2014' → '2014-02-01'; 'last week' → null.
 */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, , month, day, hour, minute] = iso;
    return validParts(month, day, hour, minute) ? text.replace(' ', 'T') : null;
  }
  // A stated date gives its year; "next week" would be resolved against today's date.
  if (!/\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(text)) return null;
  const results = chrono.GB.parse(text);
  const first = results[0];
  if (first === undefined) return null;
  // The whole value must be the date; "sometime before 2019" is not one.
  const letters = (s: string): number => s.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (letters(first.text) < letters(text) * 0.7) return null;
  const parts = statedParts(first.start);
  return parts === null ? null : isoFromParts(parts);
}
