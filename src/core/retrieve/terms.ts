/**
 * Words as retrieval sees them: tokens with their case kept (so "US" the country is not
 * "us" the pronoun), lower-cased forms, and Porter stems (the same algorithm as the FTS5
 * `porter` tokenizer, so what the index matched and what we re-score agree).
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from '../lexicon/stopwords.ts';

export interface Token {
  /** As written, with internal apostrophes and dots kept: "U.S.", "Acme's". */
  readonly text: string;
  readonly lower: string;
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

// A word: letters or digits, with inner apostrophes, dots (U.S.), hyphens and currency/decimal
// punctuation kept together ("£3.2bn", "co-founder", "26,000").
const WORD = /[£$€¥]?[\p{L}\p{N}]+(?:[’'.,\-&][\p{L}\p{N}]+)*\.?/gu;

/** Folds curly apostrophes and drops a possessive: "Acme’s" → "acme". */
function fold(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/\.$/, '');
}

/**
 * Splits text into tokens.
 * `tokenize("Did Washington block Acme's bid?")` → Did, Washington, block, Acme's, bid.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    // A trailing dot is an abbreviation's ("U.S.") only when the word has inner dots.
    if (word.endsWith('.') && !/\.[\p{L}]/u.test(word.slice(0, -1))) word = word.slice(0, -1);
    const lower = fold(word);
    tokens.push({ text: word, lower, stem: stem(lower), start: match.index, end: match.index + word.length });
  }
  return tokens;
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word, with the word's dots and apostrophes removed. */
export function stem(lowerWord: string): string {
  let cached = stemCache.get(lowerWord);
  if (cached === undefined) {
    cached = stemmer(lowerWord.replace(/[.']/g, ''));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lowerWord, cached);
  }
  return cached;
}

export function isStopword(lowerWord: string): boolean {
  return STOPWORDS.has(lowerWord);
}

/**
 * The stems of a text's content words, as a set.
 * `contentStems("The firm was banned in the US")` → {firm, ban, us}.
 */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    if (!isStopword(token.lower) || token.text === 'US') stems.add(token.stem);
  }
  return stems;
}
