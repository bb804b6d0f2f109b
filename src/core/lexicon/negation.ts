/**
 * Words that negate what a sentence says: general English grammar, no story in mind. Two
 * sentences that differ only in one of these say opposite things ("The firm has sold the
 * plant" / "The firm has not sold the plant"). Lower-case; contractions in "n't" are caught
 * by their ending, so "didn't" and "won't" need no entry.
 */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'cannot', 'without']);

/**
 * Whether a lower-case word negates.
 * @example isNegator("didn't") // true
 * @example isNegator('note') // false
 */
export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || /n[’']t$/.test(word);
}
