import { FUNCTION_WORDS } from './lexicon/function-words.ts';
import { REPORTING_VERBS } from './lexicon/reporting-verbs.ts';
import type { QuoteSpan } from './quotes.ts';
import type { Token } from './tokens.ts';

// Words after which a short quoted phrase is a term being named, not words being reported.
const NAMING_WORDS = new Set(['so-called', 'dubbed', 'termed', 'nicknamed', 'word', 'term', 'phrase', 'slogan', 'label', 'branded', 'codenamed', 'titled', 'entitled']);
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
  if (!before || before.text === ':' || before.text === ',' || !before.isWord && /^["“‘'([—–-]$/.test(before.text)) return 'full';
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
  const modifiesNoun = after !== undefined && after.isWord && !after.capitalised && after.start === span.close + 1 && !FUNCTION_WORDS.has(after.lower) && !REPORTING_VERBS.has(after.lower);
  return modifiesNoun && before !== undefined && DETERMINERS_AND_PREPOSITIONS.has(before.lower);
}
