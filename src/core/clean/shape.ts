/**
 * What a line looks like, independent of what it says: does it end like a sentence, is it
 * short enough to be a label, does it carry quotation marks. The rules read these.
 */
import { wordCount } from './words.ts';

const CLOSERS = /["”’'»)\]\s]+$/;

/** The text with closing quotes and brackets removed from its end: `said “no”.”` → `said “no”.`. */
function withoutClosers(text: string): string {
  return text.replace(CLOSERS, '');
}

/** The last character that is not a closing quote or bracket, or '' for none. */
export function finalMark(text: string): string {
  const core = withoutClosers(text);
  return core.charAt(core.length - 1);
}

/** Ends with a full stop, question or exclamation mark (before any closing quote). */
export function endsSentence(text: string): boolean {
  const mark = finalMark(text);
  return mark === '.' || mark === '!' || mark === '?' || mark === '…';
}

/** Ends with any punctuation a label or headline would not end with: . ! ? : ; , … */
export function endsPunctuated(text: string): boolean {
  return /[.!?:;,…]/.test(finalMark(text));
}

/** Holds a double quotation mark of any style. */
export function hasDoubleQuotes(text: string): boolean {
  return /["“”„«»]/.test(text);
}

/** Its first letter is lower-case: "home to Leicester …" continues something. */
export function startsLowerCase(text: string): boolean {
  const letter = /\p{L}/u.exec(text);
  return letter !== null && letter[0] !== letter[0].toUpperCase();
}

/** Has letters and none of them lower-case: "SIGN UP FOR E-MAIL NEWSLETTERS". */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * Reads like a paragraph of running prose rather than a label, headline or caption: long,
 * or a punctuated sentence of a dozen words or more.
 */
export function isProse(text: string): boolean {
  if (text.length > 160) return true;
  // A colon ends prose too when it introduces a quotation or a list.
  return (endsSentence(text) || finalMark(text) === ':') && wordCount(text) >= 12;
}

/**
 * Words that start with a capital (or are digits), as a share of all words. Credits and
 * names are nearly all capitals; sentences are not.
 */
export function capitalisedShare(text: string, allowedLower: ReadonlySet<string>): number {
  const parts = text.split(/\s+/).filter((part) => /[\p{L}\p{N}]/u.test(part));
  if (parts.length === 0) return 0;
  let capital = 0;
  for (const part of parts) {
    const letters = part.replace(/^[^\p{L}\p{N}©]+/u, '');
    const first = letters.charAt(0);
    if (first === '' || allowedLower.has(letters.toLowerCase()) || part.includes('/')) capital++;
    else if (/[\p{Lu}\p{N}©]/u.test(first)) capital++;
  }
  return capital / parts.length;
}

const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cpl|Rev|Jr|Sr|Inc|Ltd|Co|Corp|Bros|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Fig|Vol|Op|Est)|\b\p{Lu}|\b(?:\p{L}\.)+\p{L})$/u;

/**
 * The text (up to, not including, a full stop) ends on an abbreviation, so the stop does not
 * end a sentence: "Mr", "U.S", "No", an initial "J".
 */
export function endsWithAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text);
}

/** Ends with a full stop that closes a sentence, not an abbreviation ("says U.S." does not). */
export function endsWithFullStop(text: string): boolean {
  const core = text.replace(/["”’'»)\]\s]+$/, '');
  // An ellipsis trails off ("My memories of Marley..."): it is not a full stop.
  return core.endsWith('.') && !core.endsWith('..') && !endsWithAbbreviation(core.slice(0, -1));
}
