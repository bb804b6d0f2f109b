/**
 * Folding rules shared by the checker: what counts as "the same text" when a written
 * sentence is compared with stored article text. Curly quotes and apostrophes become
 * straight ones, dashes and white space collapse, so typography never decides a match.
 */

/**
 * Folds typography so two copies of the same words compare equal.
 * @example foldTypography('“It’s  grave,” he said') // '"It\'s grave," he said'
 */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00A0\u2009\u202F]+/g, ' ')
    .trim();
}

/**
 * Writes a country under one key whatever name it goes by, so "U.S." in a sentence is found
 * in a passage that says "United States". Applied to both sides of every comparison. The
 * keys are single invented words so they never collide with the pronoun "us".
 * @example canonicalPlaces('the U.S. and Britain') // 'the UnitedStates and UnitedKingdom'
 */
export function canonicalPlaces(text: string): string {
  return text
    .replace(/\bUnited States(?: of America)?\b|\bU\.S\.A\.?|\bU\.S\.(?=\W|$)|\bUSA\b|\bUS\b|\bAmerican\b/g, 'UnitedStates')
    .replace(/\bUnited Kingdom\b|\bGreat Britain\b|\bU\.K\.(?=\W|$)|\bUK\b|\bBritain\b|\bBritish\b/g, 'UnitedKingdom');
}

/** A word as the checker sees it, with where it stands in the text it came from. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Splits text into words: letters and digits, keeping inner apostrophes ("Acme's") and
 * splitting at hyphens ("next-generation" gives two words).
 * @example words("Acme's next-generation 4G").map((t) => t.text) // ["Acme's", 'next', 'generation', '4G']
 */
export function words(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    out.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/**
 * Lower-cases a word and drops a possessive ending, the form in which names are compared.
 * @example nameKey("Acme’s") // 'acme'
 */
export function nameKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]$/, '');
}
