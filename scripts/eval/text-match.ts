/**
 * How the scorers compare texts: curly quotes folded to straight ones and runs of white space
 * collapsed, so typography and line wrapping never decide a score.
 */

/**
 * @example foldText('“It’s  here,”\n he said') === `"It's here," he said`
 */
export function foldText(text: string): string {
  return text
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `haystack` contains `needle`, both folded. */
export function containsFolded(haystack: string, needle: string): boolean {
  return foldText(haystack).includes(foldText(needle));
}

/** Case-insensitive equality of two names, folded. */
export function sameName(a: string, b: string): boolean {
  return foldText(a).toLowerCase() === foldText(b).toLowerCase();
}
