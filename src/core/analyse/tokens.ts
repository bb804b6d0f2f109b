import { NAME_ABBREVIATIONS } from './lexicon/abbreviations.ts';

/**
 * A word or punctuation mark with its span in the clean text. Words keep inner apostrophes,
 * hyphens and dots ("O'Brien", "co-founder", "U.S."); a possessive "'s" is split off into
 * `possessive` so that "Smith's" is the word "Smith". A title's full stop belongs to the
 * title ("Mr." is the word "Mr", spanning the stop) and an initial keeps its own ("H."),
 * so that "Mr. Obama" and "Laurence H. Tribe" read as one name each.
 */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
  /** First character is an upper-case letter. */
  readonly capitalised: boolean;
  /** The word was followed by a possessive 's (not part of `text`). */
  readonly possessive: boolean;
}

// Dotted acronyms first ("U.S.", "a.m."), then words with inner marks, then any other mark.
const TOKEN = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|\S/gu;
const DOTTED = /^(?:[A-Za-z]\.){2,}$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;
// Words whose 's is a contraction ("he's", "that's"), since they have no possessive.
const CONTRACTING = new Set(['he', 'she', 'it', 'that', 'there', 'here', 'who', 'what', 'where', 'let']);

/**
 * Splits `text.slice(start, end)` into tokens with absolute offsets.
 * Example: `Ms Smith's "concerns"` → Mr, Smith (possessive), ", concerns, ".
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    let word = match[0];
    const at = start + match.index;
    // One-character marks are most tokens after words: settle them without a regular expression.
    if (word.length === 1 && !isLetterOrDigit(word.charCodeAt(0), word)) {
      tokens.push({ text: word, lower: word, start: at, end: at + 1, isWord: false, capitalised: false, possessive: false });
      continue;
    }
    let possessive = false;
    if (word.length > 2) {
      const last = word.charCodeAt(word.length - 1);
      const mark = word.charCodeAt(word.length - 2);
      if ((last === 115 || last === 83) && (mark === 39 || mark === 0x2019)) {
        word = word.slice(0, -2);
        // "He's claiming", "it's": after a pronoun the 's is "is" or "has", never a possessive.
        possessive = !CONTRACTING.has(word.toLowerCase());
      } else if (last === 46 && !DOTTED.test(word)) {
        word = word.slice(0, -1);
      }
    }
    let tokenEnd = at + word.length;
    if (!possessive && slice.charCodeAt(match.index + match[0].length) === 46) {
      // "Mr." and "H.": the stop is part of the word (consumed, so it is no token of its own).
      const initial = word.length === 1 && isCapital(word);
      if (initial || NAME_ABBREVIATIONS.has(word.toLowerCase())) {
        if (initial) word = `${word}.`;
        tokenEnd = at + match[0].length + 1;
        TOKEN.lastIndex = match.index + match[0].length + 1;
      }
    }
    const first = word.charCodeAt(0);
    tokens.push({
      text: word,
      lower: isAsciiLower(word) ? word : word.toLowerCase(),
      start: at,
      end: tokenEnd,
      isWord: true,
      capitalised: first >= 65 && first <= 90 ? true : first < 128 ? false : UPPER.test(word),
      possessive,
    });
  }
  return tokens;
}

/** Whether a word is already in lower case by its ASCII letters alone ("said", "co-founder"): no new string needed. */
function isAsciiLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) return false;
  }
  return true;
}

function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 128 && UPPER.test(word));
}

function isLetterOrDigit(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(ch);
}
