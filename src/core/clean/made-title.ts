/**
 * A short title for an article that has no headline, made from its first sentence: the main
 * clause (subject, verb, object) without the subordinate clause that follows, shortened at a
 * phrase or word boundary to fit, never ending on a comma or a function word.
 */
import { endsWithAbbreviation } from './shape.ts';
import { FUNCTION_WORDS } from './words.ts';

/** Titles are at most this many characters. */
export const MAX_TITLE_LENGTH = 90;

/** The first sentence of a paragraph, abbreviations (Mr., U.S., No.) not taken as its end. */
export function firstSentence(text: string): string {
  const end = /[.!?…]["”’']?(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    const before = text.slice(0, match.index);
    if (match[0].startsWith('.') && endsWithAbbreviation(before)) continue;
    return text.slice(0, match.index + match[0].length);
  }
  return text;
}

// Where the main clause ends: a subordinate clause, a participle phrase or an aside.
const CLAUSE_BREAK =
  /,?\s+(?:after|because|as|since|while|whilst|whereas|although|though|when|whenever|despite|amid|amidst|following|before|until|unless|so that|even as|even though|which|who|saying|claiming|warning|adding|according to)\s+|\s+[–—]\s+|\s+-\s+|;\s+|:\s+|\s+\(/giu;
// Phrase boundaries to shorten at when the main clause is still too long.
const PHRASE_BREAK =
  /\s+(?=(?:about|in|on|of|for|over|with|to|into|at|from|by|and|but|or|amid|as|that|than|against|across|under|between|among|during|without)\s)/giu;

/** Removes a trailing comma, dash or function word, and a quote mark left open. */
function tidyEnd(text: string): string {
  let out = text.replace(/[\s,;:–—-]+$/u, '').replace(/\.$/, '');
  for (;;) {
    const last = /\s+(\S+)$/.exec(out);
    if (!last || !FUNCTION_WORDS.has(last[1]!.toLowerCase().replace(/[^\p{L}]/gu, ''))) break;
    out = out.slice(0, last.index).replace(/[\s,;:–—-]+$/u, '');
  }
  return balanceQuotes(out);
}

/** Drops an opening quote mark whose closing mark was cut off: "has “deep concerns" → "has deep concerns". */
function balanceQuotes(text: string): string {
  const opens = (text.match(/[“]/g) ?? []).length;
  const closes = (text.match(/[”]/g) ?? []).length;
  if (opens > closes) return text.replace(/“(?=[^“]*$)/u, '');
  const singleOpen = (text.match(/(?:^|\s)‘/g) ?? []).length;
  const singleClose = (text.match(/’(?=\s|$|[,.;:!?])/g) ?? []).length;
  if (singleOpen > singleClose) return text.replace(/(^|\s)‘(?=[^‘]*$)/u, '$1');
  // Straight quotes open and close alike: an odd count means one was left open.
  if ((text.match(/"/g) ?? []).length % 2 === 1) return text.replace(/"(?=[^"]*$)/, '');
  return text;
}

/** The longest prefix of `text` ending at a `boundary` match that fits, with at least `minWords`. */
function cutAt(text: string, boundary: RegExp, limit: number, minWords: number): string | null {
  let best: string | null = null;
  boundary.lastIndex = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (match.index > limit) break;
    const prefix = tidyEnd(text.slice(0, match.index));
    if (prefix.split(/\s+/).length >= minWords && prefix.length <= limit) best = prefix;
  }
  return best;
}

/** The shortest prefix of `text` ending at a `boundary` match that has at least `minWords`. */
function firstCut(text: string, boundary: RegExp, minWords: number): string | null {
  boundary.lastIndex = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const prefix = tidyEnd(text.slice(0, match.index));
    if (prefix.split(/\s+/).length >= minWords) return prefix;
  }
  return null;
}

/**
 * A title of at most 90 characters made from the article's first paragraph.
 *
 * Example: "The mayor has promised “a new deal” for cyclists after a series of crashes on the
 * ring road, council documents show." → "The mayor has promised “a new deal” for cyclists".
 */
export function makeTitle(paragraph: string): string {
  const sentence = firstSentence(paragraph.trim())
    .replace(/[.!…]+["”’']?$/u, '')
    .trim();
  if (sentence === '') return '';
  // The main clause, when a subordinate one follows it.
  const clause = firstCut(sentence, CLAUSE_BREAK, 4) ?? tidyEnd(sentence);
  if (clause.length <= MAX_TITLE_LENGTH) return clause;
  const phrase = cutAt(clause, PHRASE_BREAK, MAX_TITLE_LENGTH, 4);
  if (phrase !== null) return phrase;
  const words = cutAt(clause, /\s+/g, MAX_TITLE_LENGTH, 1);
  return words ?? clause.slice(0, MAX_TITLE_LENGTH);
}
