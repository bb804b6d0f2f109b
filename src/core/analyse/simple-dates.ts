/*
 * Dates simple enough to resolve without chrono, which is slow: "last month", "yesterday",
 * "on Monday", "in December", "since 2005". Each finder returns the ISO date (as precise as
 * the words) and where the words stand in the sentence.
 */

export interface SimpleDate {
  readonly at: number;
  readonly text: string;
  readonly date: string;
}

const RELATIVE = /\b(?:(last|this|next)\s+(week|month|year)|(yesterday|today|tomorrow))\b/gi;
const WEEKDAY =
  /\b(?:(on|last|next|this|by|until|since|from|early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+(?:Times|Telegraph|Mirror|Express|Mail|Post|Herald|People|Sport|League))(\s+(?:night|morning|afternoon|evening))?/g;
const MONTH_ALONE =
  /\b(in|of|since|by|until|till|from|during|early|late|mid-?|last|next|this|before|after)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d)/g;
// A bare year after a word that makes it a time: "in 2005", "since 2005", "by 2007".
const BARE_YEAR =
  /\b(?:in|since|by|until|till|from|during|before|after|early|late|mid-?|around|of|between|and|to|through)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:%|per\b|bn\b|m\b|million|billion|people|jobs|staff|units))/gi;
// Cheap gates: most sentences hold no date word at all.
const RELATIVE_GATE = /day|morrow|week|month|year|January|February|March|April|May|June|July|August|September|October|November|December/;
const YEAR_GATE = /(?:1[89]|20)\d\d/;
const FUTURE = /\b(?:will|shall|next|due|plans? to|expected to|set to|going to)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A local date as "YYYY-MM-DD". */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function relative(match: RegExpMatchArray, reference: Date): string {
  const [, which, unit, day] = match;
  const shift = which?.toLowerCase() === 'last' ? -1 : which?.toLowerCase() === 'next' ? 1 : 0;
  const date = new Date(reference);
  const lowerUnit = unit?.toLowerCase();
  if (day) date.setDate(date.getDate() + ({ yesterday: -1, today: 0, tomorrow: 1 } as Record<string, number>)[day.toLowerCase()]!);
  else if (lowerUnit === 'week') date.setDate(date.getDate() + 7 * shift);
  else if (lowerUnit === 'month') date.setMonth(date.getMonth() + shift, 1);
  else date.setFullYear(date.getFullYear() + shift);
  if (lowerUnit === 'year') return String(date.getFullYear());
  if (lowerUnit === 'month') return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
  return isoDay(date);
}

/** A weekday alone is the one just past ("said on Monday"), or the next when the sentence looks ahead. */
function weekday(name: string, which: string | undefined, reference: Date, ahead: boolean): string {
  const wanted = WEEKDAYS.indexOf(name.toLowerCase());
  const date = new Date(reference);
  const forward = which?.toLowerCase() === 'next' || (ahead && which?.toLowerCase() !== 'last');
  let delta = (wanted - date.getDay() + 7) % 7;
  if (!forward) delta = delta === 0 ? 0 : delta - 7;
  date.setDate(date.getDate() + delta);
  return isoDay(date);
}

/** A month alone is the last one of that name up to publication, or the next when the sentence looks ahead. */
function month(name: string, which: string, reference: Date, ahead: boolean): string {
  const wanted = MONTHS.indexOf(name.toLowerCase());
  let year = reference.getFullYear();
  const forward = which.toLowerCase() === 'next' || (ahead && which.toLowerCase() !== 'last');
  if (forward && wanted < reference.getMonth()) year++;
  if (!forward && (wanted > reference.getMonth() || (which.toLowerCase() === 'last' && wanted === reference.getMonth()))) year--;
  return `${year}-${pad(wanted + 1)}`;
}

/**
 * The simple dates of one sentence. Relative ones need the publication date; bare years
 * do not. Example: "Sales fell last month, as in 2005." published 2019-05-10 →
 * "last month" → 2019-04, "in 2005" → 2005.
 */
export function simpleDates(sentence: string, reference: Date | null): SimpleDate[] {
  const found: SimpleDate[] = [];
  if (reference && RELATIVE_GATE.test(sentence)) {
    const ahead = FUTURE.test(sentence);
    for (const match of each(RELATIVE, sentence)) found.push({ at: match.index, text: match[0], date: relative(match, reference) });
    for (const match of each(WEEKDAY, sentence)) {
      if (!match[1] && !match[3]) continue; // "Sunday" alone may be a newspaper or a name
      found.push({ at: match.index, text: match[0], date: weekday(match[2] ?? '', match[1], reference, ahead) });
    }
    for (const match of each(MONTH_ALONE, sentence))
      found.push({ at: match.index, text: match[0], date: month(match[2] ?? '', match[1] ?? '', reference, ahead) });
  }
  if (YEAR_GATE.test(sentence)) for (const match of each(BARE_YEAR, sentence)) found.push({ at: match.index, text: match[0], date: match[1] ?? '' });
  return found;
}

/** Every match of a global regex (without matchAll, which copies the regex each call). */
function each(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push(match);
  return matches;
}
