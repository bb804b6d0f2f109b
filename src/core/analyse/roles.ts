import { FUNCTION_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { NATIONALITIES, PLACES, canonicalCountry } from './lexicon/places.ts';
import { ORG_WORDS } from './lexicon/organisations.ts';
import { REPORTING_VERBS } from './lexicon/reporting-verbs.ts';
import { AGE_WORD, LOWER_CASE_HEADS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_QUALIFIERS, ROLE_SECOND_HEADS } from './lexicon/roles.ts';
import type { Token } from './tokens.ts';
import { HONORIFICS } from './lexicon/honorifics.ts';
import { TITLE_EXPANSIONS } from './lexicon/abbreviations.ts';
import { givenNameGender } from './name-kinds.ts';

/** A role as the text gives it, normalised for matching. */
export interface Role {
  /** Lower-cased role without qualifiers or nationality: "defence secretary", "head of fbi". */
  readonly core: string;
  /** An organisation or country named inside the role ("UNESCO" in "UNESCO secretary general"). */
  readonly qualifier: string | null;
}

/** A role phrase found around lower-case role words: "the Acme chairman", "the firm's chairman". */
export interface RolePhrase {
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly role: Role;
  /** Introduced by "the", "its" or a possessive, not by "a": it refers to someone known. */
  readonly definite: boolean;
  /** Introduced by a possessive word ("the firm's chairman", "Acme's founder"): that word. */
  readonly owner: string | null;
}

// "the 27-year-old man": a new person described, not someone named before.
const PERSON_NOUNS = new Set(
  'man woman boy girl mother father son daughter wife husband driver student pupil victim suspect resident worker patient'.split(' '),
);
const DEFINITE = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);
const INDEFINITE = new Set(['a', 'an', 'another', 'one']);
const JOINERS = new Set(['of', 'for', 'and', 'the', 'on', '&']);

/** A role head, also as the last part of a compound: "under-secretary", "co-chairman". */
export function isRoleHead(word: string): boolean {
  return isLowerRoleHead(word.toLowerCase());
}

// Role heads and the abbreviated titles that stand for one ("Gov."), in one set: looked up for every word.
const HEADS: ReadonlySet<string> = new Set([...ROLE_HEADS, ...TITLE_EXPANSIONS.keys()]);

function isLowerRoleHead(lower: string): boolean {
  if (HEADS.has(lower)) return true;
  const dash = lower.lastIndexOf('-');
  if (dash < 0) return false;
  return ROLE_HEADS.has(lower.slice(dash + 1)) || AGE_WORD.test(lower);
}

function isQualifierWord(word: string): boolean {
  const lower = word.toLowerCase();
  return /^[A-Z0-9&.]{2,}$/.test(word) || PLACES.has(lower) || canonicalCountry(lower) !== null || ORG_WORDS.has(lower);
}

function isModifierWord(word: string): boolean {
  const lower = word.toLowerCase();
  return ROLE_MODIFIERS.has(lower) || ROLE_QUALIFIERS.has(lower) || NATIONALITIES.has(lower) || isRoleHead(word) || JOINERS.has(lower);
}

/**
 * Normalises the words of a role: drops "former", nationalities and "the", and sets aside
 * an organisation named at its start. Example: ["British", "Defence", "Secretary"] →
 * { core: "defence secretary", qualifier: null }; ["UNESCO", "secretary", "general"] →
 * { core: "secretary general", qualifier: "UNESCO" }; ["Ohio", "Gov."] → { core: "governor",
 * qualifier: "Ohio" }.
 */
export function normaliseRole(words: readonly string[]): Role {
  let qualifier: string | null = null;
  const kept: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (kept.length === 0) {
      if (ROLE_QUALIFIERS.has(lower) || NATIONALITIES.has(lower) || canonicalCountry(lower) !== null || lower === 'the') continue;
      if (/^\p{Lu}/u.test(word) && !ROLE_MODIFIERS.has(lower) && !isLowerRoleHead(lower)) {
        qualifier = qualifier ? `${qualifier} ${word}` : word;
        continue;
      }
    }
    if (lower !== 'the') kept.push(TITLE_EXPANSIONS.get(lower) ?? lower.replace(/[’']s$/, ''));
  }
  return { core: kept.join(' '), qualifier };
}

/** The role strings an entity holding `role` answers to: its core and, when qualified, "acme chairman". */
export function roleStrings(role: Role): string[] {
  if (!role.core) return [];
  return role.qualifier ? [role.core, `${role.qualifier.toLowerCase()} ${role.core}`] : [role.core];
}

/** Words that read as a person's name and nothing else: "Mitch McConnell", "Paul D. Ryan". */
function isPlainNameAfter(rest: readonly string[]): boolean {
  return (
    rest.length >= 2 &&
    rest.length <= 3 &&
    /^\p{Lu}\p{Ll}/u.test(rest[0] ?? '') &&
    /^\p{Lu}\p{Ll}/u.test(rest[rest.length - 1] ?? '') &&
    rest.every((word) => /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+\p{L}*)$/u.test(word) && !isQualifierWord(word) && !isModifierWord(word))
  );
}

/**
 * Splits a capitalised run into the role it starts with and the name after it, or finds
 * that it is a role alone. Example: "Defence Secretary Joan Smith" → role
 * ["Defence", "Secretary"], name ["Joan", "Smith"]; "Prime Minister" → role only;
 * "Mervyn King" → null (a name that ends in a role word is still a name); "Secretary of State
 * Mike Pompeo" → role ["Secretary", "of", "State"], name ["Mike", "Pompeo"].
 */
export function splitRunRole(words: readonly string[]): { role: readonly string[]; name: readonly string[] } | null {
  for (let k = words.length - 1; k >= 0; k--) {
    if (!isRoleHead(words[k] ?? '')) continue;
    const before = words.slice(0, k);
    let end = k + 1;
    while (end < words.length && ROLE_SECOND_HEADS.has((words[end] ?? '').toLowerCase())) end++;
    const rest = words.slice(end);
    // "Metropolitan Police Commissioner Sir John Stevens": a name that plainly starts after
    // the role lets any organisation name stand before it.
    const nameStarts = rest.length >= 2 && (HONORIFICS.has((rest[0] ?? '').toLowerCase()) || givenNameGender(rest[0] ?? '') !== null);
    // "Star Trek", "Doctor Faustus": these heads are roles capitalised only before a plain name.
    if (LOWER_CASE_HEADS.has((words[k] ?? '').toLowerCase()) && !nameStarts) continue;
    // "Senate Majority Leader Mitch McConnell": a plain two- or three-word name ends the run,
    // even when its given name is one no list knows.
    if (!nameStarts && !isPlainNameAfter(rest) && !before.every((word, n) => isModifierWord(word) || (n === 0 && isQualifierWord(word)))) continue;
    const first = (rest[0] ?? '').toLowerCase();
    if (JOINERS.has(first)) {
      // "Secretary of State Mike Pompeo": the role runs on until a given name starts the person's.
      const m = words.findIndex((word, n) => n > end + 1 && n < words.length - 1 && (HONORIFICS.has(word.toLowerCase()) || givenNameGender(word) !== null));
      if (m < 0) return plainNameAtEnd(words, end) ?? { role: words, name: [] };
      const named = HONORIFICS.has((words[m] ?? '').toLowerCase()) ? words.slice(m + 1) : words.slice(m);
      return named.length <= 4 ? { role: words.slice(0, m), name: named } : { role: words, name: [] };
    }
    if (rest.length === 0) return { role: words, name: [] };
    const name = HONORIFICS.has((rest[0] ?? '').toLowerCase()) && rest.length > 1 ? rest.slice(1) : rest;
    if (name.length <= 4 && !name.some((word) => ORG_WORDS.has(word.toLowerCase()))) return { role: words.slice(0, end), name };
    return null;
  }
  return null;
}

/**
 * "Speaker of the House Newt Gingrich": an office "of" a body, then a plain two-word name whose
 * given name no list knows. The name must stand after at least one word of the body, and be no
 * place and no organisation ("Secretary of the United States Navy" stays a role).
 */
function plainNameAtEnd(words: readonly string[], end: number): { role: readonly string[]; name: readonly string[] } | null {
  const at = words.length - 2;
  const name = words.slice(at);
  const body = words.slice(end + 1, at);
  if (at <= end + 1 || !isPlainNameAfter(name) || !body.some((word) => /^\p{Lu}/u.test(word))) return null;
  const lower = name.map((word) => word.toLowerCase().replace(/[’']s$/, ''));
  if (PLACES.has(lower.join(' ')) || canonicalCountry(lower.join(' ')) !== null || lower.some((word) => ORG_WORDS.has(word) || PLACES.has(word))) return null;
  return { role: words.slice(0, at), name };
}

function startsPersonName(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const next = tokens[at + 1];
  if (!token?.capitalised || !next?.isWord || !next.capitalised) return false;
  return HONORIFICS.has(token.lower) || givenNameGender(token.text) !== null;
}

/** Two capitalised words with no organisation word among them: "Jaime Lissavetzky". */
function isPlainName(tokens: readonly Token[], at: number): boolean {
  const pair = [tokens[at], tokens[at + 1]];
  return pair.every((token) => token?.isWord && token.capitalised && !ORG_WORDS.has(token.lower));
}

/** Whether the token after a role word lets it be a noun: "the chairman said", not "a chairman role". */
export function followsAsNoun(next: Token | undefined): boolean {
  if (!next || !next.isWord || next.capitalised) return true;
  return FUNCTION_WORDS.has(next.lower) || REPORTING_VERBS.has(next.lower) || VERB_FILLERS.has(next.lower) || next.lower.endsWith('ed');
}

/**
 * Finds role phrases built on lower-case role words, with the words around them that
 * belong to the role. Example: `The Acme chairman said` → { core: "chairman",
 * qualifier: "Acme", definite: true }. An adjective use ("no official links") is skipped.
 */
export function findRolePhrases(tokens: readonly Token[]): RolePhrase[] {
  const phrases: RolePhrase[] = [];
  for (let h = 0; h < tokens.length; h++) {
    const head = tokens[h];
    if (!head?.isWord || head.capitalised || !isLowerRoleHead(head.lower)) continue;
    let r = h;
    while (tokens[r + 1]?.isWord && ROLE_SECOND_HEADS.has(tokens[r + 1]?.lower ?? '') && !tokens[r + 1]?.capitalised && !tokens[r]?.possessive) r++;
    if ((tokens[r + 1]?.lower === 'of' || tokens[r + 1]?.lower === 'for') && !tokens[r]?.possessive) {
      let o = r + 2;
      if (tokens[o]?.lower === 'the') o++;
      let last = -1;
      let lower = false;
      let named = false;
      while (
        o < tokens.length &&
        o < r + 10 &&
        tokens[o]?.isWord &&
        !FUNCTION_WORDS.has(tokens[o]?.lower ?? '') &&
        !REPORTING_VERBS.has(tokens[o]?.lower ?? '')
      ) {
        // "director of rugby Jane Doe": a person's name after the role's lower-case words is not the role's.
        named = startsPersonName(tokens, o) || (lower && isPlainName(tokens, o));
        if (named) break;
        lower ||= !tokens[o]?.capitalised;
        last = o;
        o++;
      }
      if (last > 0 && (tokens.slice(r + 2, last + 1).some((token) => token.capitalised) || named)) r = last;
    }
    // "The 28-year-old tore a muscle": after "the", an age is a noun unless a role or person follows.
    const age =
      AGE_WORD.test(head.lower) &&
      tokens[h - 1]?.lower === 'the' &&
      !isLowerRoleHead(tokens[r + 1]?.lower ?? '') &&
      !PERSON_NOUNS.has(tokens[r + 1]?.lower ?? '');
    if (!tokens[h]?.possessive && !age && !followsAsNoun(tokens[r + 1])) continue;
    let l = h;
    let owner: string | null = null;
    while (l > 0) {
      const previous = tokens[l - 1];
      if (!previous?.isWord) break;
      if (previous.possessive) {
        owner = previous.text;
        l--;
        break;
      }
      if (FUNCTION_WORDS.has(previous.lower)) break;
      if (!isModifierWord(previous.text) && !previous.capitalised) break;
      l--;
    }
    const determiner = tokens[l - 1]?.lower ?? '';
    const words = tokens
      .slice(owner ? l + 1 : l, r + 1)
      .filter((token) => token.isWord)
      .map((token) => token.text);
    const role = normaliseRole(words);
    phrases.push({
      tokStart: l,
      tokEnd: r + 1,
      role: owner && !role.qualifier ? { ...role, qualifier: /^\p{Lu}/u.test(owner) ? owner : null } : role,
      definite: owner !== null || DEFINITE.has(determiner) || (!INDEFINITE.has(determiner) && l === 0),
      owner,
    });
    h = r;
  }
  return phrases;
}
