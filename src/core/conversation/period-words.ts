/**
 * The period a message names, for "and in 2019?" or "what about since May 2018?": a year, or a
 * month (and year) that chrono-node reads, and whether the words before it open or close it.
 */
import * as chrono from 'chrono-node/en';
import { PERIOD_FROM_WORDS, PERIOD_TO_WORDS } from '../lexicon/discourse.ts';
import type { Period } from './turns.ts';

const YEAR = /\b(?:in|during|of|since|after|from|before|until|till|by)?\s*(1[89]\d\d|20\d\d)s?\b/i;

/**
 * The period named in a message, or null. Dates are read as British (the story's sources are
 * mostly British: 01/02 is the 1st of February); a month with no year is not a period.
 * @example periodIn('and in 2019?', now) → { from: '2019', to: '2019', words: 'in 2019' }
 * @example periodIn('since May 2018', now) → { from: '2018-05', words: 'since May 2018' }
 */
export function periodIn(text: string, now: Date): Period | null {
  const parsed = chrono.GB.parse(text, now).find((result) => result.start.isCertain('year') || /\b(?:1[89]|20)\d\d\b/.test(result.text));
  if (parsed) {
    const year = parsed.start.get('year');
    if (year !== null) {
      const month = parsed.start.isCertain('month') ? parsed.start.get('month') : null;
      const date = month !== null ? `${year}-${String(month).padStart(2, '0')}` : String(year);
      // "last year" is its own words; "May 2019" takes the word before it ("since May 2019").
      if (!/\d/.test(parsed.text)) return { from: date, to: date, words: parsed.text };
      return bounded(text.slice(0, parsed.index), date, parsed.text);
    }
  }
  const match = YEAR.exec(text);
  if (!match) return null;
  const year = match[1] as string;
  const words = match[0].trim();
  const period = bounded(text.slice(0, match.index) + words.replace(/\s*(?:1[89]|20)\d\ds?$/i, ''), year, words.replace(/^\D+\s+/, ''));
  // "the 1990s": the decade.
  return /s$/i.test(words) && year.endsWith('0') && period.from === period.to ? { ...period, to: String(Number(year) + 9) } : period;
}

/** The period at `date`, opened or closed by the word just before it. */
function bounded(before: string, date: string, dateWords: string): Period {
  const word = /(\p{L}+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  const words = word ? `${word} ${dateWords}` : dateWords;
  if (PERIOD_FROM_WORDS.has(word)) return { from: date, words };
  if (PERIOD_TO_WORDS.has(word)) return { to: previous(date), words };
  return { from: date, to: date, words: word === 'in' || word === 'during' ? words : `in ${dateWords}` };
}

/** The period just before a date, at its precision: before 2015 is up to 2014. */
function previous(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number | undefined];
  if (month === undefined) return String(year - 1);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
