import { reportingStrength } from './cue-patterns.ts';
import type { EntityTable, SentenceContext } from './entities.ts';
import { FUNCTION_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { GENDERED_NOUNS } from './lexicon/gendered-nouns.ts';
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
// What may open an apposition that describes a person: "Jane Doe, a widow,", "Jane Doe, his mother,".
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their']);
// What may follow the head noun of such an apposition: "a mother of three", "the widow who …".
const AFTER_HEAD = new Set(['of', 'who', 'and', 'to']);

function noun(token: Token | undefined): Gender | undefined {
  return token?.isWord ? GENDERED_NOUNS.get(token.lower) : undefined;
}

/**
 * The gender a gendered noun describing the name gives it: a noun right before the name or
 * inside its role ("9/11 widow Jane Doe", "his wife Jane", "Congresswoman Jane Doe"), or the
 * head of the apposition after it ("Jane Doe, a mother of three,", "Jo Kay, the chairwoman,").
 */
function describedGender(tokens: readonly Token[], ref: Ref): Gender | undefined {
  const before = tokens[ref.tokStart - 1];
  if (before && !before.capitalised && noun(before)) return noun(before);
  for (let k = ref.tokStart; k < ref.tokEnd; k++) {
    const gender = noun(tokens[k]);
    if (gender) return gender;
    if (tokens[k]?.capitalised) break; // the name itself, or a title that says nothing ("Rep.")
  }
  if (tokens[ref.tokEnd]?.text !== ',') return undefined;
  let k = ref.tokEnd + 1;
  if (!APPOSITION_OPENERS.has(tokens[k]?.lower ?? '')) return undefined;
  // "a single mother of three": the head is the last word of the run, before "of", "who" or a mark.
  for (k++; k < ref.tokEnd + 6; k++) {
    const token = tokens[k];
    if (!token?.isWord || token.capitalised || FUNCTION_WORDS.has(token.lower)) return undefined;
    const next = tokens[k + 1];
    if (!next?.isWord || AFTER_HEAD.has(next.lower)) return token.possessive ? undefined : noun(token);
  }
  return undefined;
}

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
  for (const { tokens, refs } of contexts)
    for (const ref of refs) {
      const first = tokens[ref.tokStart];
      if (person(ref) && ref.entity && first && !quoted(first)) note(ref.entity, describedGender(tokens, ref));
    }
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
