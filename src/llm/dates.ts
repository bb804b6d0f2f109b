/**
 * Date words: a passage's ISO publication date written out the way prose writes it, so a
 * sentence saying "in December 2018" or "on Thursday" is checked against the date the passage
 * carries, and month and weekday names are recognised as dates in failure reasons.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

const DATE_WORDS: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));

/** Whether a lower-case word names a month or a weekday, in full or abbreviated. */
export function isDateWord(word: string): boolean {
  return DATE_WORDS.has(word) || word in ABBREVIATIONS;
}

/**
 * The full lower-case name for an abbreviated month or weekday; other words unchanged.
 * @example fullDateWord('sept') // 'september'
 */
export function fullDateWord(word: string): string {
  return ABBREVIATIONS[word] ?? word;
}

/**
 * Writes an ISO date out in words, as precise as it is.
 * @example dateInWords('2018-12-27') // 'Thursday 27 December 2018'
 * @example dateInWords('2019-05') // 'May 2019'
 * @example dateInWords(null) // ''
 */
export function dateInWords(iso: string | null): string {
  const match = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year!;
  if (!day) return `${monthName} ${year}`;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  return `${weekday} ${Number(day)} ${monthName} ${year}`;
}
