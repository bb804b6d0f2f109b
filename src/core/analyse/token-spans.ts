/*
 * Stretches of a sentence's tokens that stand aside from its grammar: an apposition between
 * commas ("Jane Doe, 45, a nurse, said") and a parenthesis ("Jane Doe (D-Va.) said").
 * Attribution skips them to join a speaker to the verb after.
 */
import { CALENDAR_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { REPORTING_VERBS } from './lexicon/reporting-verbs.ts';
import type { Token } from './tokens.ts';

// Marks that may stand inside an apposition or a parenthesis: "R-Va.", "Smith & Co", "(D-N.C.)".
const INNER_MARKS = /^[’'&()\-.]$/;
// How long an apposition or relative clause between commas may run: "Jane Doe, a veteran consultant who
// earlier in the season had tried to organise a campaign against him, said".
export const APPOSITION_TOKENS = 24;
// Words that open an aside which may hold a quoted title or name: a relative word, or an article before a
// description ("Jane Doe, the co-author of "Going Viral," said").
const QUOTING_OPENERS = new Set(['who', 'which', 'the', 'a', 'an']);
// Double quotation marks, which an aside may hold in pairs: "Jane Doe, wearing a “Cruz” pin, said".
const DOUBLE_MARKS = /^["“”]$/;

/** The comma closing an apposition that opens at `comma`: "Jane Doe, 45, a nurse from Leeds, said". */
export function appositionEnd(tokens: readonly Token[], comma: number): number | null {
  if (tokens[comma]?.text !== ',') return null;
  // Only an aside that opens with a participle in -ing, a relative word or an article may hold a quoted name ("wearing a
  // “Cruz” pin", "who wrote “The Deal”"); after any other comma the marks open the sentence's own words.
  const opener = tokens[comma + 1]?.lower ?? '';
  // (Not "-ed": "Jane Doe, likened the rule to "…"" is a past verb, the sentence's own.)
  const mayQuote = /ing$/.test(opener) || QUOTING_OPENERS.has(opener);
  let marks = 0;
  for (let k = comma + 1; k < tokens.length && k <= comma + APPOSITION_TOKENS; k++) {
    const token = tokens[k];
    if (!token) return null;
    // ("the co-author of "Going Viral," about …": a comma inside the marks is the title's.)
    if (token.text === ',' && marks % 2 === 1) continue;
    if (token.text === ',') return k > comma + 1 ? k : null;
    if (mayQuote && DOUBLE_MARKS.test(token.text)) marks++;
    else if (!token.isWord && !INNER_MARKS.test(token.text)) return null;
  }
  return null;
}

/** The index just past a short parenthesis opening at `open`: "(D-N.C.)", "(R)". Null when none opens there. */
export function parenthesisEnd(tokens: readonly Token[], open: number): number | null {
  if (tokens[open]?.text !== '(') return null;
  for (let k = open + 1; k < tokens.length && k <= open + 12; k++) {
    if (tokens[k]?.text === ')') return k + 1;
    if (tokens[k]?.text === '(') return null;
  }
  return null;
}

/**
 * The first token at or after `from` that is not inside a parenthesis or an apposition
 * closed by a comma. Example: tokens of `Rep. Jo Kay (D-Va.), a lawyer, said`, from the
 * token after "Kay" → the index of "said".
 */
export function skipAsides(tokens: readonly Token[], from: number): number {
  let k = from;
  let closing = false;
  for (let guard = 0; guard < 4; guard++) {
    const paren = parenthesisEnd(tokens, k);
    if (paren !== null) {
      k = paren;
      closing = false;
      continue;
    }
    // The comma that closes one apposition may open another ("Jane Doe, the attorney general
    // of Ohio, one of the states suing, said"), but never one that opens with a verb of speech
    // ("…, a nurse, said the plan, which …", "also told": the verb is the sentence's own).
    const comma = appositionEnd(tokens, k);
    if (comma !== null && !(closing && tokens.slice(k + 1, k + 3).some((token) => REPORTING_VERBS.has(token.lower)))) {
      k = comma;
      closing = true;
      continue;
    }
    break;
  }
  return closing ? k + 1 : k;
}

/** An adverb or verb filler that may stand between a subject and its verb: "also", "has", "repeatedly". */
export function isAdverb(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && !token.capitalised && (VERB_FILLERS.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4));
}

/**
 * The token before the time words that may stand between a subject and its verb, going
 * back from `k`: "Jane Doe later Thursday told", "Jane Doe on Monday said", "Doe this week
 * said". Calendar words are general English (lexicon/function-words.ts).
 */
export function skipTimeBack(tokens: readonly Token[], k: number): number {
  let at = k;
  for (;;) {
    while (at >= 0 && isAdverb(tokens[at])) at--;
    const token = tokens[at];
    if (!token?.isWord) return at;
    if (CALENDAR_WORDS.has(token.lower)) at -= tokens[at - 1]?.lower === 'on' || tokens[at - 1]?.lower === 'last' ? 2 : 1;
    else if (TIME_NOUNS.has(token.lower) && TIME_OPENERS.has(tokens[at - 1]?.lower ?? '')) at -= 2;
    // "in 2010"
    else if (/^(?:1[89]|20)\d\d$/.test(token.text) && tokens[at - 1]?.lower === 'in') at -= 2;
    else return at;
  }
}
const TIME_NOUNS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night']);
const TIME_OPENERS = new Set(['this', 'last', 'that', 'earlier', 'later']);
