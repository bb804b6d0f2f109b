import { PARTY_ADJECTIVES } from './lexicon/organisations.ts';
import { NATIONALITIES } from './lexicon/places.ts';
import { AGE_WORD, DEMONYMS, DESCRIPTOR_HEADS } from './lexicon/roles.ts';
import { lexicalKind } from './name-kinds.ts';
import { followsAsNoun, type Role, type RolePhrase } from './roles.ts';
import type { Token } from './tokens.ts';

/**
 * Whether a role describes a person rather than names an office: an age ("27-year-old"),
 * a nationality ("Spaniard") or a descriptive head ("Italy captain", "striker"). Used
 * with "the", such a role refers back to someone the article named.
 */
export function isDescriptorRole(role: Role): boolean {
  const head = role.core.split(' ').pop() ?? '';
  return AGE_WORD.test(head) || DESCRIPTOR_HEADS.has(head) || DEMONYMS.has(head) || NATIONALITIES.has(head);
}

/** The kind of fact a descriptor states, when one person can hold only one: an age or a nationality. */
export function descriptorFacet(role: Role): 'age' | 'nation' | null {
  const head = role.core.split(' ').pop() ?? '';
  if (AGE_WORD.test(head)) return 'age';
  return DEMONYMS.has(head) || NATIONALITIES.has(head) ? 'nation' : null;
}

/**
 * Finds "the Spaniard", "the Australian": a person named by nationality after "the". An
 * adjective that may also be a noun counts only when no noun follows it ("the Australian
 * Open", "the Australian team" are not people). Example: `The Australian has withdrawn` →
 * one phrase, core "australian".
 */
export function findDemonyms(tokens: readonly Token[]): RolePhrase[] {
  const phrases: RolePhrase[] = [];
  tokens.forEach((token, index) => {
    if (!token.isWord || !token.capitalised || tokens[index - 1]?.lower !== 'the') return;
    const noun = DEMONYMS.has(token.lower);
    if (!noun && !NATIONALITIES.has(token.lower)) return;
    const next = tokens[index + 1];
    if (next?.isWord && next.capitalised) return;
    if (!noun && !token.possessive && next?.isWord && !followsAsNoun(next)) return;
    phrases.push({ tokStart: index, tokEnd: index + 1, role: { core: token.lower, qualifier: null }, definite: true, owner: null });
  });
  return phrases;
}

/**
 * Splits a nationality off the front of a person's name: "Dutchman Peter Wessels" → role
 * "dutchman", name Peter Wessels; "Argentine Guillermo Coria" → role "argentine"; a party
 * word likewise ("Republican Dana Whitfield" → role "republican"). An adjective needs a two-word name after it and no organisation ("American Express",
 * "Chinese Communist Party" stay whole).
 */
export function splitNationality(words: readonly string[]): { role: Role; name: readonly string[] } | null {
  const written = (words[0] ?? '').toLowerCase();
  // "Americans Andy Roddick and …": a plural names the nationality as a noun.
  const plural = written.endsWith('s') && (NATIONALITIES.has(written.slice(0, -1)) || DEMONYMS.has(written.slice(0, -1)));
  const first = plural ? written.slice(0, -1) : written;
  const name = words.slice(1);
  const noun = DEMONYMS.has(first) || plural;
  if (!noun && !NATIONALITIES.has(first) && !PARTY_ADJECTIVES.has(first)) return null;
  if (name.length < (noun ? 1 : 2) || name.length > 3) return null;
  const kind = lexicalKind(name, null).kind;
  return kind === null || kind === 'person' ? { role: { core: first, qualifier: null }, name } : null;
}
