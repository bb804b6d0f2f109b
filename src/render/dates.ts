/**
 * Human dates from the ISO partials the index stores ('2019', '2019-05', '2018-12-27',
 * '2014-01-14T02:11'). A date is shown only as precisely as the source gave it, and a date
 * nobody stated is said to be unknown, never guessed.
 */
import { clipText } from '../core/graphemes.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** What a missing date reads as, everywhere. */
export const UNKNOWN_DATE = 'date unknown';

/**
 * A stored date as a reader says it, day first (unambiguous on both sides of the Atlantic).
 * The time of day is dropped: sources rarely agree on time zones.
 *
 *   humanDate('2019-05')          → 'May 2019'
 *   humanDate('2018-12-27')       → '27 December 2018'
 *   humanDate('2014-01-14T02:11') → '14 January 2014'
 *   humanDate(null)               → 'date unknown'
 *
 * Text that is not an ISO date comes back trimmed (and cut to 40 characters), so a source's
 * odd date is shown rather than hidden; renderers escape it like any other stored text.
 */
export function humanDate(iso: string | null | undefined): string {
  const text = iso?.trim() ?? '';
  if (text === '') return UNKNOWN_DATE;
  const parts = isoParts(text);
  if (parts === null) return clipText(text, 40);
  const { year, month, day } = parts;
  if (month === null) return String(year);
  const monthName = MONTHS[month - 1] ?? '';
  return day === null ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

/** Year, month and day of an ISO partial, or null when the text is not one (or not a real date). */
export function isoParts(text: string): { readonly year: number; readonly month: number | null; readonly day: number | null } | null {
  const match = ISO_PARTIAL.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null && (day < 1 || day > daysIn(year, month))) return null;
  return { year, month, day };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The span of dates a set of sources covers, and how many gave no usable date. */
export interface Coverage {
  /** Earliest stated date (ISO partial), or null when none is dated. */
  readonly first: string | null;
  readonly last: string | null;
  readonly undated: number;
}

/**
 * Earliest and latest of a list of stored dates. ISO partials of different precision compare
 * as text ('2014' < '2014-01' < '2014-01-14'), which is the order a reader expects.
 */
export function coverage(dates: readonly (string | null)[]): Coverage {
  const known = dates
    .map((date) => date?.trim() ?? '')
    .filter((date) => isoParts(date) !== null)
    .sort();
  return {
    first: known[0] ?? null,
    last: known[known.length - 1] ?? null,
    undated: dates.length - known.length,
  };
}

/**
 * One line saying which dates a set of sources covers.
 *
 *   ['2014-01-14', '2018-12-27', null] → 'Sources dated 14 January 2014 to 27 December 2018; 1 undated'
 *   ['2019-05']                        → 'Sources dated May 2019'
 *   [null, null]                       → 'Sources undated (2)'
 *   []                                 → ''
 */
export function coverageLine(dates: readonly (string | null)[]): string {
  if (dates.length === 0) return '';
  const { first, last, undated } = coverage(dates);
  if (first === null || last === null) return `Sources undated (${undated})`;
  const span = first === last ? humanDate(first) : `${humanDate(first)} to ${humanDate(last)}`;
  return undated === 0 ? `Sources dated ${span}` : `Sources dated ${span}; ${undated} undated`;
}
