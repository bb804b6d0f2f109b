import type { EntityKind } from '../article.ts';
import { GIVEN_NAMES } from './lexicon/given-names.ts';
import { HONORIFICS, type Gender } from './lexicon/honorifics.ts';
import { CALENDAR_WORDS } from './lexicon/function-words.ts';
import { NATIONALITIES, PLACES, canonicalCountry } from './lexicon/places.ts';
import { EVENT_WORDS, NON_ORG_ACRONYMS, ORG_SUFFIXES, ORG_WORDS, PARTY_ADJECTIVES } from './lexicon/organisations.ts';
import { DEMONYMS } from './lexicon/roles.ts';
import { GROUP_NOUNS } from './lexicon/groups.ts';

/** What the words of a name say about it on their own, before the sentence is consulted. */
export interface LexicalKind {
  readonly kind: EntityKind | null;
  /** The name to file it under: countries canonical ("U.S." → "United States"). */
  readonly name: string;
  readonly gender: Gender;
}

const BODIES = new Set(['European Union', 'United Nations']);

/** The given name's gender, also for hyphenated first names ("Jean-Pierre"). */
export function givenNameGender(word: string): Gender | null {
  const lower = word.toLowerCase();
  const found = GIVEN_NAMES.get(lower);
  if (found !== undefined) return found;
  const dash = lower.indexOf('-');
  return dash > 0 ? (GIVEN_NAMES.get(lower.slice(0, dash)) ?? null) : null;
}

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,6}$/.test(word) && /[A-Z].*[A-Z]|\d/.test(word) && !NON_ORG_ACRONYMS.has(word);
}

/**
 * Classifies a name by its words alone: gazetteer places, organisation words and
 * acronyms, honorifics and given names. Returns kind null when the words do not say.
 * Example: ["Ministry", "of", "Justice"] → organisation; ["U.S."] → place "United States";
 * ["Joan", "Smith"] → person; ["Smith"] → null.
 */
export function lexicalKind(words: readonly string[], honorific: string | null): LexicalKind {
  const joined = words.join(' ');
  const lower = joined.toLowerCase();
  const firstGender = words.length > 1 ? givenNameGender(words[0] ?? '') : null;
  if (honorific) return { kind: 'person', name: joined, gender: HONORIFICS.get(honorific) ?? 'unknown' };
  const country = canonicalCountry(lower);
  if (country) return { kind: BODIES.has(country) ? 'organisation' : 'place', name: country, gender: 'unknown' };
  if (PLACES.has(lower)) return { kind: 'place', name: joined, gender: 'unknown' };
  const lowers = words.map((word) => word.toLowerCase());
  const orgWord = lowers.some((word, n) => ORG_WORDS.has(word) && (n > 0 || words.length === 1 || !givenNameGender(words[0] ?? '')));
  const last = lowers[lowers.length - 1] ?? '';
  const event = words.length > 1 && EVENT_WORDS.has(last) && !givenNameGender(words[0] ?? '');
  if (orgWord || event || ORG_SUFFIXES.has(last)) return { kind: 'organisation', name: joined, gender: 'unknown' };
  if (firstGender && words.length <= 4) return { kind: 'person', name: joined, gender: firstGender };
  if (words.length === 1 && isAcronym(joined)) return { kind: 'organisation', name: joined, gender: 'unknown' };
  return { kind: null, name: joined, gender: 'unknown' };
}

/** Capitalised words that name nothing on their own: "Chinese", "Monday", "Christmas", "Spaniard", "MPs". */
export function isNeverEntity(words: readonly string[]): boolean {
  // "the Democratic nominee", "a Republican": a party word alone names no one.
  if (words.length === 1 && (GROUP_NOUNS.has((words[0] ?? '').toLowerCase()) || PARTY_ADJECTIVES.has((words[0] ?? '').toLowerCase()))) return true;
  return words.every((word) => {
    const lower = word.toLowerCase();
    return NATIONALITIES.has(lower) || CALENDAR_WORDS.has(lower) || DEMONYMS.has(lower);
  });
}
