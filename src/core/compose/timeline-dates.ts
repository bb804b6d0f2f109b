/**
 * Dates as precise as their source and no more: a year, a month or a day. A date known only
 * to a month sorts at the start of that month and reads "May 2019"; a relative date ("this
 * week") is no more precise than the publication date it was resolved against.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** '2019', '2019-05' or '2019-05-14'. */
  readonly iso: string;
  readonly precision: Precision;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
const RANK: Readonly<Record<Precision, number>> = { year: 0, month: 1, day: 2 };

/**
 * The date part of an ISO value, or null when there is none.
 * `readDate('2014-01-14T02:11')` → { iso: '2014-01-14', precision: 'day' }; `readDate('2019-05')` → month.
 */
export function readDate(iso: string | null | undefined): PartialDate | null {
  const match = iso ? PARTIAL.exec(iso.trim()) : null;
  if (!match) return null;
  const [, year, month, day] = match;
  const m = month === undefined ? null : Number(month);
  if (m !== null && (m < 1 || m > 12)) return null;
  if (day !== undefined) return { iso: `${year}-${month}-${day}`, precision: 'day' };
  if (month !== undefined) return { iso: `${year}-${month}`, precision: 'month' };
  return { iso: year as string, precision: 'year' };
}

/** The same date cut to a coarser precision: ('2019-05-01', 'month') → '2019-05'. */
export function coarsen(date: PartialDate, precision: Precision): PartialDate {
  if (RANK[precision] >= RANK[date.precision]) return date;
  return { iso: date.iso.slice(0, precision === 'year' ? 4 : 7), precision };
}

/**
 * Orders dates by the start of their period; a coarser date first when periods start together
 * ("2019" before "January 2019" before "1 January 2019").
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

/** "2005", "May 2019", "14 January 2014". */
export function dateLabel(date: PartialDate): string {
  const [year, month, day] = date.iso.split('-');
  if (month === undefined) return year as string;
  const name = MONTHS[Number(month) - 1] as string;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** How precise the publication date must be to resolve a relative expression's unit. */
function unitOf(words: string): Precision {
  if (/\byears?\b/i.test(words)) return 'year';
  if (/\bmonths?\b/i.test(words)) return 'month';
  return 'day'; // yesterday, this week, on Monday, days ago …
}

/**
 * The date of an event stated in an article. Words that name no date of their own ("last
 * month", "this week") were resolved against the publication date, which may be known only to
 * a month: "last month" in an article of May 2019 is April 2019, but "last week" could be in
 * either month, so it is dated to the article's own period, May 2019, and no more precisely.
 *
 * @example eventDate('2019-04', 'Last month', '2019-05') → { iso: '2019-04', precision: 'month' }
 * @example eventDate('2019-04-24', 'last week', '2019-05') → { iso: '2019-05', precision: 'month' }
 */
export function eventDate(date: string, words: string, published: string | null): PartialDate | null {
  const parsed = readDate(date);
  if (!parsed) return null;
  const relative = !/\d/.test(words) && !MONTH_WORD.test(words);
  const reference = readDate(published);
  if (!relative || !reference) return parsed;
  if (RANK[reference.precision] >= RANK[unitOf(words)]) return coarsen(parsed, reference.precision);
  return reference;
}
