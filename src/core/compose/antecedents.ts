/**
 * Sentences that make no sense without one before them: a subject that is a bare pronoun
 * ("He said…", "They refused…") or a demonstrative ("This approval has come…", "These
 * figures…"), after any opening connective or quotation mark. A brief may show such a
 * sentence only with what it stands on: a person named in a point shown before it, or the
 * sentence just before it in the article.
 */

/** Who or what a sentence's opening leans on. */
export type Antecedent = 'person' | 'previous';

// "But", "However," … may open the sentence before the pronoun; so may a quotation mark.
const OPENING = String.raw`^(?:(?:but|and|yet|so|still|also|however|meanwhile|instead|now|then)\b,?\s+)?["“‘']?`;
const PERSON = new RegExp(`${OPENING}(?:he|she|his|her|him)\\b`, 'i');
const THING = new RegExp(`${OPENING}(?:it|its|they|their|them|this|these|that|those)\\b`, 'i');

/**
 * What the sentence's subject leans on, or null when it stands alone.
 * @example needsAntecedent('He said the deal was off.') // 'person'
 * @example needsAntecedent('This approval has come from the government.') // 'previous'
 * @example needsAntecedent('Thistle Ltd said the deal was off.') // null
 */
export function needsAntecedent(text: string): Antecedent | null {
  const trimmed = text.trim();
  if (PERSON.test(trimmed)) return 'person';
  if (THING.test(trimmed)) return 'previous';
  return null;
}
