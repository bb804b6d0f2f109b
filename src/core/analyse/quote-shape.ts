import { HONORIFICS } from './lexicon/honorifics.ts';
import { FUNCTION_WORDS } from './lexicon/function-words.ts';
import { givenNameGender } from './name-kinds.ts';
import { REPORTING_VERBS } from './lexicon/reporting-verbs.ts';
import type { QuoteSpan } from './quotes.ts';
import type { Token } from './tokens.ts';

// Words after which a short quoted phrase is a term being named, not words being reported.
const NAMING_WORDS = new Set([
  'so-called',
  'dubbed',
  'termed',
  'nicknamed',
  'word',
  'term',
  'phrase',
  'slogan',
  'label',
  'branded',
  'codenamed',
  'titled',
  'entitled',
]);
const DETERMINERS_AND_PREPOSITIONS = new Set(
  'the a an its their his her our this these those in of for on with as into from by at about no any some such what'.split(' '),
);

/**
 * Whether a quotation is a full one (a quoted sentence, opening its sentence or after
 * "said:", "said," or a reporting verb) or a phrase inside the reporter's sentence.
 * `before` is the token just before the opening mark within the sentence, if any.
 */
export function quoteKind(quoted: string, before: Token | undefined): 'full' | 'partial' {
  if (!/^[\p{Lu}\p{N}…]/u.test(quoted)) return 'partial';
  if (!before || before.text === ':' || before.text === ',' || (!before.isWord && /^["“‘'([—–-]$/.test(before.text))) return 'full';
  return REPORTING_VERBS.has(before.lower) || before.lower === 'that' ? 'full' : 'partial';
}

/**
 * Whether a short quoted phrase is a scare quote or a term: it follows "so-called" or
 * "dubbed", or it sits between a determiner or preposition and the noun it modifies ("a
 * 'fast lane' route", "in “non-core” parts"). Such a quotation is credited to no one.
 */
export function isScareQuote(span: QuoteSpan, quoted: string, before: Token | undefined, after: Token | undefined): boolean {
  const words = quoted.split(/\s+/).filter(Boolean).length;
  if (words > 4 || /[.?!]$/.test(quoted)) return false;
  if (before && NAMING_WORDS.has(before.lower)) return true;
  // `a "strong leader," comparing …`: a comma inside the marks ends the phrase; no noun follows it.
  const punctuatedInside = span.closed && span.end < span.close - 1;
  const modifiesNoun =
    !punctuatedInside &&
    after !== undefined &&
    after.isWord &&
    !after.capitalised &&
    after.start === span.close + 1 &&
    !FUNCTION_WORDS.has(after.lower) &&
    !REPORTING_VERBS.has(after.lower);
  return modifiesNoun && before !== undefined && DETERMINERS_AND_PREPOSITIONS.has(before.lower);
}

const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'dubbed', 'dubs', 'nicknamed', 'branded', 'brands', 'labelled', 'labeled', 'termed']);
// A few words, the first capitalised: the only quotations worth a closer look.
const TITLE_SHAPE = /^\p{Lu}\S*(?:\s+\S+){1,11}$/u;
// Words a title leaves in lower case: "Face the Nation", "State of the Union".
const TITLE_LOWER = new Set('a an the of in on and or for to with at by from as is'.split(' '));

function isTitleCased(words: readonly Token[]): boolean {
  const letters = words.filter((token) => token.isWord && /\p{L}/u.test(token.text));
  if (letters.length < 2 || letters.length > 8 || !letters[0]?.capitalised) return false;
  return letters.every((token) => token.capitalised || TITLE_LOWER.has(token.lower));
}

/**
 * Whether a quotation is the title of a work or a programme named in an ordinary sentence:
 * a few words all in title case (`on "Face the Nation"`, `his book "The Art of the Deal"`).
 * Titles are no one's words, so they are not listed as quotations. A headline, itself in
 * title case, keeps its quotations. `span` is the quoted words' span, `sentence` the tokens of
 * the sentence it opens in, `quoted` the words.
 */
export function isTitleOfWork(span: { readonly start: number; readonly end: number }, quoted: string, sentence: readonly Token[]): boolean {
  if (!TITLE_SHAPE.test(quoted)) return false;
  const at = sentence.findIndex((token) => token.start >= span.start);
  let stop = at;
  while (stop >= 0 && stop < sentence.length && (sentence[stop]?.end ?? Infinity) <= span.end) stop++;
  if (at < 0 || !isTitleCased(sentence.slice(at, stop))) return false;
  // "called her “Miss Piggy”": a name someone gave is that person's words, not a title.
  if (sentence.slice(Math.max(0, at - 6), at).some((token) => NAMING_VERBS.has(token.lower))) return false;
  const outside = [...sentence.slice(0, at), ...sentence.slice(stop)].filter((token) => token.isWord && /\p{L}/u.test(token.text));
  const capitalised = outside.filter((token) => token.capitalised).length;
  return outside.length >= 3 && capitalised / outside.length < 0.6;
}

// Nouns that name words as words: `the phrase "…"`, `the words "…"`, `the so-called "…"`.
const MENTION_DETERMINERS = new Set('the a an this that these those his her its their our my your'.split(' '));
const MENTION_NOUNS = new Set(['so-called', 'word', 'words', 'term', 'terms', 'phrase', 'phrases', 'expression', 'slogan', 'label']);

/**
 * Whether a short quotation is a mention of words rather than anyone's remark: it follows a
 * noun that names words as words (`his refusal to use the words "Radical Change"`, `the phrase
 * "fair share"`, `a so-called "deal"`). The writer names the words; no one is quoted, so it
 * is not a quotation at all, unless a verb of speech governs the noun (`said the words "…"`; "so-called" is
 * always the writer's). `sentence` is the tokens of the sentence it opens in.
 */
export function isTermMention(span: { readonly open: number }, quoted: string, sentence: readonly Token[]): boolean {
  if (quoted.split(/\s+/).filter(Boolean).length > 6) return false;
  const at = sentence.findIndex((token) => token.start >= span.open);
  const noun = at < 0 ? sentence.length - 1 : at - 1;
  const before = sentence[noun];
  if (!before?.isWord || !MENTION_NOUNS.has(before.lower)) return false;
  if (before.lower === 'so-called') return true;
  // `Doe said the words "sell now"`: words someone says are that person's, not a mention.
  let k = noun - 1;
  while (k >= 0 && MENTION_DETERMINERS.has(sentence[k]?.lower ?? '')) k--;
  return !REPORTING_VERBS.has(sentence[k]?.lower ?? '');
}

// One or two capitalised words, as a nickname is written: "Bobby", "Big Jim".
const NICKNAME_SHAPE = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)?$/u;

/**
 * Whether a quotation is a nickname inside a name, `Robert C. "Bobby" Scott`: a capitalised
 * word or two after a given name or an initial and before a surname. No one's words, so not a quotation at all.
 * `sentence` is the tokens of the sentence the quotation opens in.
 */
export function isNickname(span: { readonly open: number; readonly close: number }, quoted: string, sentence: readonly Token[]): boolean {
  if (!NICKNAME_SHAPE.test(quoted)) return false;
  const at = sentence.findIndex((token) => token.start >= span.open);
  const before = sentence[at - 1];
  const after = sentence.find((token) => token.start >= span.close);
  if (!before?.isWord || !before.capitalised || !after?.isWord || !after.capitalised) return false;
  // After a given name or an initial ("Robert C."), not any capitalised word of a headline;
  // a first name we do not know counts after a title ("Del. Marcia "Cia" Price").
  const title = sentence[at - 2];
  const titled = title?.capitalised === true && HONORIFICS.has(title.lower);
  if (!/^\p{Lu}\.$/u.test(before.text) && !givenNameGender(before.text) && !titled) return false;
  return before.end === span.open - 1 && after.start === span.close + 1;
}
