/**
 * How much a sentence needs the one before it to read well, short of a pronoun subject
 * (`needsAntecedent` decides those): an opening connective ("But it was…", "However, …"),
 * a bare quotation with "he said", or an introduction ending in a colon.
 */
import { needsAntecedent } from './antecedents.ts';

const CONNECTIVE = /^["“‘']?(?:but|and|or|so|also|however|meanwhile|instead|then|still|yet)\b/i;
const SPEECH_ONLY = /^["“‘'][^"”’']*["”’'],?\s+(?:he|she|they|it)\s+(?:said|added|told|says)\b/i;

/**
 * 0 (stands alone) to 1 (cannot stand alone).
 * @example contextPenalty('Rates rose on Monday.') // 0
 * @example contextPenalty('However, rates rose on Monday.') // 0.5
 * @example contextPenalty('He said: "It is over."') // 1
 * @example contextPenalty('The minister said:') // 1
 */
export function contextPenalty(text: string): number {
  const trimmed = text.trim();
  if (/:\s*$/.test(trimmed) || needsAntecedent(trimmed) !== null) return 1;
  return CONNECTIVE.test(trimmed) || SPEECH_ONLY.test(trimmed) ? 0.5 : 0;
}
