import { reportingStrength } from './cue-patterns.ts';
import type { EntityTable, SentenceContext } from './entities.ts';
import { VERB_FILLERS } from './lexicon/function-words.ts';
import type { Gender } from './lexicon/honorifics.ts';
import { PRONOUN_GENDER, type Ref } from './references.ts';
import { skipAsides } from './token-spans.ts';
import type { Token } from './tokens.ts';

// Pronouns that can only stand for the subject of their own clause, or for whom the subject reports.
const BOUND_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['himself', 'male'],
  ['herself', 'female'],
]);

const GENDERED = new Set(['he', 'she', 'himself', 'herself']);

/**
 * The gender the text itself gives named people: a reflexive in their clause ("Jane Roe
 * finds herself …") or the pronoun that opens what they report ("Doe said she would …",
 * "Doe told reporters that he …" is not read: the object may be the one meant). A person
 * the text gives both genders gets none from it.
 * Example: "Ashley Roe said she was tired." → Ashley Roe is female, whatever the name lists say.
 */
export function gendersTold(
  contexts: readonly SentenceContext[],
  table: Pick<EntityTable, 'kindOf' | 'genderOf'>,
  quoted: (token: Token) => boolean,
): ReadonlyMap<string, Gender> {
  const person = (ref: Ref): boolean => ref.type === 'name' && ref.entity !== null && table.kindOf(ref.entity) === 'person';
  const wordsOf = (tokens: readonly Token[], ref: Ref): string[] => tokens.slice(ref.tokStart, ref.tokEnd).flatMap((t) => (t.isWord ? [t.lower] : []));
  // Surnames that more than one person of the article bears ("Donald Trump", "Ivanka Trump").
  const bearers = new Map<string, Set<string>>();
  for (const { tokens, refs } of contexts)
    for (const ref of refs) {
      if (!person(ref) || ref.tokEnd - ref.tokStart < 2) continue;
      const words = wordsOf(tokens, ref);
      const surname = words[words.length - 1];
      if (words.length < 2 || !surname) continue;
      bearers.set(surname, (bearers.get(surname) ?? new Set()).add(ref.entity ?? ''));
    }
  const seen = new Map<string, Set<Gender>>();
  const note = (key: string, gender: Gender | undefined): void => {
    if (!gender) return;
    const genders = seen.get(key) ?? new Set<Gender>();
    genders.add(gender);
    seen.set(key, genders);
  };
  for (const { tokens, refs } of contexts) {
    // Only a sentence with a gendered pronoun outside quotation marks tells anything.
    if (!tokens.some((token) => GENDERED.has(token.lower) && !quoted(token))) continue;
    refs.forEach((ref, n) => {
      const key = ref.entity;
      const first = tokens[ref.tokStart];
      if (!person(ref) || !key || !first || quoted(first) || ref.afterPreposition) return;
      if (tokens[ref.tokEnd - 1]?.possessive) return;
      // A surname several people bear may be a relative's ("Trump said he …" in an article about Ivanka Trump).
      const words = wordsOf(tokens, ref);
      if (words.length === 1 && (bearers.get(words[0] ?? '')?.size ?? 0) > 1) return;
      // "Doe said she …", "Doe, 33, said that he …"
      let k = skipAsides(tokens, ref.tokEnd);
      while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '')) k++;
      const verb = tokens[k];
      if (verb && !verb.capitalised && !quoted(verb) && reportingStrength(verb) === 'strong') {
        const next = tokens[k + 1]?.lower === 'that' ? k + 2 : k + 1;
        const pronoun = tokens[next];
        if (pronoun && !quoted(pronoun)) note(key, PRONOUN_GENDER.get(pronoun.lower));
      }
      // "Roe finds herself …": up to the next reference or quotation.
      const limit = refs[n + 1]?.tokStart ?? tokens.length;
      for (let j = ref.tokEnd; j < limit; j++) {
        const token = tokens[j];
        if (!token || quoted(token)) break;
        note(key, BOUND_GENDER.get(token.lower));
      }
    });
  }
  const told = new Map<string, Gender>();
  for (const [key, genders] of seen) {
    const [only] = genders;
    if (genders.size === 1 && only) told.set(key, only);
  }
  return told;
}
