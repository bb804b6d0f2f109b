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
  const lower = word.toLowerCase();
  // Most words have no apostrophe and no final dot: nothing to replace (three regular
  // expressions a word were a tenth of a digest's reading of its articles).
  if (!lower.endsWith('.') && !lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(/’/g, "'").replace(/'s$/, '').replace(/\.$/, '');
}

/**
 * Splits text into tokens.
 * `tokenize("Did Washington block Acme's bid?")` → Did, Washington, block, Acme's, bid.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = wordOf(match[0]);
    const lower = fold(word);
    tokens.push({ text: word, lower, stem: stem(lower), start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/**
 * The `lower` of each of `tokenize(text)`'s tokens, in order, without their stems: for what
 * counts words as written (a sentence's word counts), where stemming every word is wasted.
 * `lowerWords("Did Washington block Acme's bid?")` → did, washington, block, acme, bid.
 */
export function lowerWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) words.push(fold(wordOf(match[0])));
  return words;
}

/** A match of WORD as a token: a trailing dot is an abbreviation's ("U.S.") only when the word has inner dots. */
function wordOf(match: string): string {
  return match.endsWith('.') && !/\.[\p{L}]/u.test(match.slice(0, -1)) ? match.slice(0, -1) : match;
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
