/**
 * Datelines: the lines a page prints to say when an article was published or updated, and
 * the wire-style place prefix that opens a first paragraph ("LONDON (Reuters) - …").
 *
 * Strict by design: a line counts only when it *is* a dateline (a publication keyword and a
 * date, or a date alone on its line). A date mentioned inside a sentence is never read here.
 */
import * as chrono from 'chrono-node/en';
import { isoFromParts, statedParts } from './iso-date.ts';

/** What one dateline line states. A `null` date: the line is a dateline but gave no full date. */
export interface DatelineFacts {
  readonly published?: string | null;
  readonly updated?: string | null;
}

const KEYWORD =
  /^(?:(first|originally|last)\s+)?(published|updated|posted|modified|edited|revised|created|dated|date)(?:\s+(?:on|at))?\s*(?:[:|–—-]\s*|\s)(.*)$/i;
const RELATIVE = /^(?:about\s+)?(?:\d+|an?|one)\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?)\s+ago$|^(?:just now|today|yesterday)$/i;
const ZONE_OR_NOISE = /\b(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|PDT|ET|PT|HKT|SGT|JST|AEST|AEDT|local time)\b/g;
const HAS_YEAR = /\b(?:1[89]|20)\d{2}\b/;
// A bare date names a month or weekday, or is numeric: "14/01/2014", "2014-01-14".
const CALENDAR =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/i;
const SEGMENT = /\s+[|•·]\s+|\s+\|$/;

const significant = (text: string): number => text.replace(/[^\p{L}\p{N}]/gu, '').length;

/** The ISO date a text consists of, or null when it is not (mostly) one date with a year. */
function wholeDate(text: string, share: number): string | null {
  const cleaned = text.replace(ZONE_OR_NOISE, ' ').trim();
  if (!HAS_YEAR.test(cleaned)) return null;
  const result = chrono.GB.parse(cleaned)[0];
  if (result === undefined) return null;
  if (significant(result.text) < significant(cleaned) * share) return null;
  const parts = statedParts(result.start);
  return parts === null ? null : isoFromParts(parts);
}

/** One segment of a dateline line: "UPDATED : Tuesday, 14 January, 2014, 4:32pm". */
function readSegment(segment: string): DatelineFacts | null {
  const keyword = KEYWORD.exec(segment);
  if (keyword) {
    const which = /updated|modified|edited|revised/i.test(keyword[2]!) || /last/i.test(keyword[1] ?? '') ? 'updated' : 'published';
    const rest = (keyword[3] ?? '').trim();
    if (rest === '' || RELATIVE.test(rest)) return { [which]: null };
    const date = wholeDate(rest, 0.6);
    return date === null ? null : { [which]: date };
  }
  if (segment.length > 60 || !CALENDAR.test(segment)) return null;
  const date = wholeDate(segment, 0.8);
  return date === null ? null : { published: date };
}

/**
 * Reads a line that is a dateline, or returns null for any other line. A line may hold
 * several segments split by "|" or "•" (a published and an updated date side by side).
 *
 * Examples: "PUBLISHED : Tuesday, 14 January, 2014, 2:11am" → { published: '2014-01-14T02:11' };
 * "Last updated 3 hours ago" → { updated: null }; "14 January 2014" → { published: '2014-01-14' };
 * "Tuesday, 1 March" → null (no year: not read as a publication date);
 * "On 14 January 2014 the firm said it would appeal." → null.
 */
export function readDateline(text: string): DatelineFacts | null {
  if (text.length > 120) return null;
  if (!/\d/.test(text)) {
    // Without a digit a line can only be a keyword dateline with a relative time.
    if (text.length > 60 || !/ago\b|today|yesterday|just now/i.test(text)) return null;
  }
  const segments = text.split(SEGMENT).filter((s) => s.trim() !== '');
  let facts: DatelineFacts = {};
  for (const segment of segments) {
    const read = readSegment(segment.trim());
    if (read === null) return null;
    facts = { ...read, ...facts };
  }
  return facts;
}

/**
 * The line names itself a dateline ("Published: …", "Updated …"), as opposed to a date
 * alone on its line, which is a dateline only where datelines stand (above or below the story).
 */
export function hasDatelineKeyword(text: string): boolean {
  return text.split(SEGMENT).some((segment) => KEYWORD.test(segment.trim()));
}

// An upper-case place, then optionally ", Month Day", then an agency in brackets, then a dash:
// "LONDON (Reuters) - ", "WASHINGTON, May 5 (AP) — ", "HONG KONG — ".
const PREFIX =
  /^([A-Z][A-Z'’.\- ]*[A-Z.](?:\/[A-Z][A-Z ]*[A-Z])?)((?:,\s*[A-Z][A-Za-z]*\.?)?(?:\s+\d{1,2})?(?:,\s*\d{4})?)\s*(\([A-Za-z][\w .&'’/-]{0,30}\))?\s*(--|[-–—])\s+(?=["“‘A-Z0-9])/;

/**
 * A wire-style dateline that opens a paragraph: the upper-case place, an optional date, the
 * agency in brackets, a dash. Returns the prefix and the rest of the paragraph, or null.
 *
 * Example: "LONDON (Reuters) - Britain said on Monday…" → { prefix: 'LONDON (Reuters) -',
 * rest: 'Britain said on Monday…' }. "UK - the market…" → null (no agency, plain hyphen).
 */
export function splitDatelinePrefix(text: string): { readonly prefix: string; readonly rest: string } | null {
  // A dateline is short; looking only at the opening keeps a long capitalised line cheap.
  const match = PREFIX.exec(text.slice(0, 80));
  if (!match) return null;
  const [whole, place, date, agency, dash] = match;
  if (significant(place!) < 3) return null;
  // A plain hyphen is common in prose; only an agency or a date makes it a dateline then.
  if (agency === undefined && dash === '-' && (date ?? '').trim() === '') return null;
  if (agency === undefined && dash === '--' && (date ?? '').trim() === '') return null;
  return { prefix: whole.trim(), rest: text.slice(whole.length) };
}
