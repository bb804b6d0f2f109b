import type { Gender } from './lexicon/honorifics.ts';
import { GROUP_NOUNS } from './lexicon/groups.ts';
import { FUNCTION_WORDS, PREPOSITIONS } from './lexicon/function-words.ts';
import { COUNTRY_SHORT, NATIONALITIES, canonicalCountry } from './lexicon/places.ts';
import { ORG_NOUNS } from './lexicon/organisations.ts';
import { INVERTING_VERBS, REPORTING_VERBS } from './lexicon/reporting-verbs.ts';
import type { Token } from './tokens.ts';
import { isRoleHead } from './roles.ts';

/** How a reference names its entity. */
export type RefType = 'name' | 'role' | 'pronoun' | 'org-noun' | 'group' | 'descriptor';

/**
 * Words in a sentence that refer to a person, organisation, place or group: a name, a
 * role ("the chairman"), a pronoun, an organisation noun ("the firm") or a group ("US
 * officials"). Attribution looks for these around reporting verbs.
 */
export interface Ref {
  readonly type: RefType;
  readonly sentence: number;
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly start: number;
  readonly end: number;
  /** Entity key it resolves to; pronouns are resolved only when a quote needs them. */
  readonly entity: string | null;
  readonly pronoun?: 'he' | 'she' | 'they' | 'it';
  /**
   * For a descriptive role with no holder ("the 27-year-old", "the Italy captain"): the
   * role's core. Such a reference stands for a person named before, found when a quote
   * needs it; `entity` is then only the fallback (null for a bare description).
   */
  readonly anaphor?: string;
  readonly afterPreposition: boolean;
  /** Follows a verb ("which earned the Dane a ban"): an object, so a later "he" prefers the subject. */
  readonly afterVerb?: boolean;
}

/** The gender a subject pronoun asks for. */
export const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'],
  ['she', 'female'],
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);

/** Whether the token before `tokStart` is a preposition: "to the UK" is an object, not a subject. */
export function afterPreposition(tokens: readonly Token[], tokStart: number): boolean {
  let k = tokStart - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k]?.lower ?? '')) k--;
  const previous = tokens[k];
  return previous !== undefined && previous.isWord && PREPOSITIONS.has(previous.lower);
}

/**
 * Whether a place stands in apposition to a place a preposition governs, "in Salem, New
 * Hampshire": the second is the preposition's object too, never a subject.
 */
export function afterPlaceInPhrase(tokens: readonly Token[], tokStart: number): boolean {
  if (tokens[tokStart - 1]?.text !== ',') return false;
  let k = tokStart - 2;
  while (k >= 0 && k > tokStart - 5 && tokens[k]?.isWord && tokens[k]?.capitalised) k--;
  return k < tokStart - 2 && afterPreposition(tokens, k + 1);
}

// Irregular past tenses that take a person as object: "beat Jane Doe", "met the minister".
const IRREGULAR_PAST = new Set(
  'beat met gave sent left hit made saw took brought caught taught knew became found held led lost paid sold bought struck told'.split(' '),
);

/**
 * Whether the word before `tokStart` (past determiners) is a verb in the past tense, so the
 * reference is its object: "e-mailed Mr Roe", "which earned the Dane a ban". A verb
 * that puts its speaker after it ("said Jane Doe") does not count; nor does a noun before a
 * role ("foreign affairs spokesman Jane Doe" starts at the role).
 */
export function afterVerb(tokens: readonly Token[], tokStart: number): boolean {
  let k = tokStart - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k]?.lower ?? '')) k--;
  const previous = tokens[k];
  if (!previous?.isWord || previous.capitalised || previous.possessive || FUNCTION_WORDS.has(previous.lower)) return false;
  const lower = previous.lower;
  if (INVERTING_VERBS.has(lower)) return false;
  return isPastVerb(lower);
}

/** Whether a lower-case word reads as a verb in the past tense: "e-mailed", "met". */
export function isPastVerb(lower: string): boolean {
  return IRREGULAR_PAST.has(lower) || (lower.length > 4 && lower.endsWith('ed') && !lower.endsWith('eed'));
}

/** Subject pronouns, as token indices: "he said" → the index of "he". */
export function findPronouns(tokens: readonly Token[]): number[] {
  const found: number[] = [];
  tokens.forEach((token, index) => {
    if (token.isWord && PRONOUNS.has(token.lower) && !token.possessive) found.push(index);
  });
  return found;
}

/** "the firm", "the Chinese tech giant": an organisation the article already named. */
export function findOrgNouns(tokens: readonly Token[]): { tokStart: number; tokEnd: number }[] {
  const found: { tokStart: number; tokEnd: number }[] = [];
  tokens.forEach((token, index) => {
    if (!token.isWord || token.capitalised || !ORG_NOUNS.has(token.lower)) return;
    const next = tokens[index + 1];
    if (next?.isWord && next.capitalised && !token.possessive) return; // "technology firm Acme" names it
    if (next?.isWord && !next.capitalised && isRoleHead(next.text)) return; // "the firm's chairman", "the team coach": the role
    let start = index;
    while (start > 0 && start > index - 4) {
      const previous = tokens[start - 1];
      if (!previous?.isWord || previous.possessive) break;
      if (previous.lower === 'the') {
        found.push({ tokStart: start - 1, tokEnd: index + 1 });
        return;
      }
      if (FUNCTION_WORDS.has(previous.lower) || (previous.capitalised && !NATIONALITIES.has(previous.lower))) return;
      start--;
    }
  });
  return found;
}

/** "Jane Doe thanked fans": a past tense or reporting verb before a group noun ends the phrase. */
function isVerbLike(token: Token): boolean {
  return REPORTING_VERBS.has(token.lower) || (token.lower.endsWith('ed') && token.lower.length > 4);
}

/** A collective speaker: its name for the story and whether a place or body qualifies it. */
export interface GroupPhrase {
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly name: string;
  readonly named: boolean;
}

function qualifierName(word: string): string {
  const country = canonicalCountry(word);
  return (country && COUNTRY_SHORT.get(country)) ?? word;
}

// Words for how many of a group: "some protesters", "several officials".
const QUANTIFIERS = new Set(['some', 'several', 'many', 'most', 'few', 'dozens', 'hundreds', 'thousands']);
const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * A share of people at `index` that a verb of speech follows: "63 percent said", "49%,
 * say", "21 percent of voters said". Never "prices rose 5 percent, the report said".
 */
function shareAt(tokens: readonly Token[], index: number): GroupPhrase | null {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token || !NUMBER.test(token.text) || !(next?.lower === 'percent' || next?.text === '%')) return null;
  let k = index + 2;
  if (tokens[k]?.lower === 'of') {
    k++;
    while (k < index + 6 && tokens[k]?.isWord && !REPORTING_VERBS.has(tokens[k]?.lower ?? '')) k++;
  }
  // "Just shy of half, 49%, say": the share in apposition.
  if (tokens[k]?.text === ',' && tokens[index - 1]?.text === ',') k++;
  const verb = tokens[k];
  if (!verb?.isWord || verb.capitalised || !REPORTING_VERBS.has(verb.lower)) return null;
  return { tokStart: index, tokEnd: index + 2, name: next.lower === 'percent' ? `${token.text} percent` : `${token.text}%`, named: false };
}

/**
 * Finds groups of speakers: a plural noun such as "officials", with the country,
 * nationality or organisation before it. Country variants are normalised so that "U.S.
 * officials", "US officials" and "American officials" are one group, "US officials".
 */
export function findGroups(tokens: readonly Token[]): GroupPhrase[] {
  const found: GroupPhrase[] = [];
  tokens.forEach((token, index) => {
    // "63 percent said", "49% say": the share of those asked that answered so.
    const first = token.text.charCodeAt(0);
    const share = first >= 48 && first <= 57 ? shareAt(tokens, index) : null;
    if (share) {
      found.push(share);
      return;
    }
    if (!token.isWord || !GROUP_NOUNS.has(token.lower) || (token.capitalised && index > 0 && !/^[A-Z]{2,}s$/.test(token.text))) return;
    const next = tokens[index + 1];
    if (next?.isWord && next.capitalised) return; // "officials Jane Doe and …" lists people
    const qualifiers: string[] = [];
    let start = index;
    for (let k = index - 1; k >= 0 && k >= index - 4; k--) {
      const previous = tokens[k];
      if (!previous?.isWord || previous.possessive) break;
      if (previous.capitalised && (!FUNCTION_WORDS.has(previous.lower) || previous.text === previous.text.toUpperCase())) {
        qualifiers.unshift(qualifierName(previous.text));
        start = k;
      } else if (QUANTIFIERS.has(previous.lower) || /^\d[\d,]*$/.test(previous.text)) {
        start = k; // "some protesters", "about 50 protesters": how many belong to the phrase
        break;
      } else if (previous.lower === 'and' && qualifiers.length > 0) {
        start = k;
      } else if (!FUNCTION_WORDS.has(previous.lower) && /^[a-z-]+$/.test(previous.text) && qualifiers.length === 0 && !isVerbLike(previous)) {
        start = k; // "senior security officials": lower-case modifiers belong to the phrase
      } else break;
    }
    while (tokens[start]?.lower === 'and') start++;
    const unique = [...new Set(qualifiers)];
    const noun = /^[A-Z]{2,}s$/.test(token.text) ? token.text : token.lower; // "MPs" keeps its capitals
    found.push({ tokStart: start, tokEnd: index + 1, name: unique.length ? `${unique.join(' and ')} ${noun}` : noun, named: unique.length > 0 });
  });
  return found;
}
