import * as chrono from 'chrono-node/en';
import type { DatedEvent, Sentence } from '../article.ts';
import { isoDay, simpleDates } from './simple-dates.ts';

// A month name or a numeric date with a number close by: the cases worth chrono, which is
// slow. Chrono then reads only a window of the sentence around each hit.
const NEEDS_CHRONO =
  /\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,4}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/g;
const WINDOW = 24;

// Chrono reads only windows around a month name or a numeric date, so only its parsers of
// calendar dates (and the words that merge into them: weekdays, "last", times) are run;
// spans such as "two days ago" or "tonight" are simple-dates.ts's job. Same results, less work.
const SKIPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);
const DATES = new chrono.Chrono({
  parsers: chrono.GB.parsers.filter((parser) => !SKIPPED_PARSERS.has(parser.constructor.name)),
  refiners: chrono.GB.refiners,
});
const DIGIT = /\d/;
const RELATIVE = /\b(?:last|next|this|yesterday|today|tomorrow|ago)\b/i;

/** Windows of the sentence around each possible date, at word edges, merged where they overlap. */
function windows(text: string): [number, number][] {
  const spans: [number, number][] = [];
  NEEDS_CHRONO.lastIndex = 0;
  for (let match = NEEDS_CHRONO.exec(text); match; match = NEEDS_CHRONO.exec(text)) {
    let from = Math.max(0, match.index - WINDOW);
    let to = Math.min(text.length, match.index + match[0].length + WINDOW);
    while (from > 0 && text[from - 1] !== ' ') from--;
    while (to < text.length && text[to] !== ' ') to++;
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else spans.push([from, to]);
  }
  return spans;
}

/** The reference date for relative expressions: noon on the (possibly partial) published date. */
function referenceDate(published: string | null): Date | null {
  const match = published ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published) : null;
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'), 12);
}

function isoOf(result: chrono.ParsedResult, reference: Date | null): string | null {
  const start = result.start;
  const date = start.date();
  if (!reference && (RELATIVE.test(result.text) || !start.isCertain('year'))) return null;
  if (start.isCertain('day')) return isoDay(date);
  if (start.isCertain('month')) return isoDay(date).slice(0, 7);
  return String(date.getFullYear());
}

/**
 * Finds the dates body sentences state and resolves them to ISO dates as precise as the
 * text: explicit ones always, relative ones ("last month", "yesterday", "on Monday", "in
 * December") only when the publication date is known. British day-month order.
 * Example: "It signed a deal in 2005 and another last month." published 2019-05-10 →
 * [{ date: "2019-04" }, { date: "2005" }].
 */
export function findDatedEvents(sentences: readonly Sentence[], published: string | null): DatedEvent[] {
  const reference = referenceDate(published);
  const events: DatedEvent[] = [];
  for (const sentence of sentences) {
    if (sentence.kind === 'heading') continue;
    const taken: [number, number][] = [];
    const take = (at: number, text: string, date: string): void => {
      if (taken.some(([a, b]) => at < b && at + text.length > a)) return;
      taken.push([at, at + text.length]);
      events.push({ sentence: sentence.index, date, text });
    };
    for (const [from, to] of DIGIT.test(sentence.text) ? windows(sentence.text) : []) {
      for (const result of DATES.parse(sentence.text.slice(from, to), reference ?? new Date(2000, 0, 1, 12))) {
        const date = isoOf(result, reference);
        if (date) take(from + result.index, result.text, date);
      }
    }
    for (const simple of simpleDates(sentence.text, reference)) take(simple.at, simple.text, simple.date);
  }
  return events;
}
