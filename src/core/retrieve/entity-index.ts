/**
 * What the story knows about its people and organisations, shaped for reading questions:
 * every alias and role of every canonical entity, folded for lookup, so that "the Defence
 * Secretary", "Ms Smith" and "Smith" in a question all find the same person.
 */
import type { StoryEntityRecord } from '../ports/store.ts';
import { placeFor } from '../lexicon/places.ts';
import { stem } from './terms.ts';
import { isLeaderNoun, sharedWordNet } from './word-relations.ts';

/** A story entity as stored: what reading a question needs of it. */
export type KnownEntity = StoryEntityRecord;

export interface EntityIndex {
  /** Entities a folded name or alias names, most prominent first. */
  byName(folded: string): readonly KnownEntity[];
  /** Longest alias length in words, to bound the n-gram scan of a question. */
  readonly longestAlias: number;
  /**
   * People who hold a role the words describe. "defence secretary" matches the role
   * "defence secretary"; "defence chief" matches it too, because the heads are both words
   * for a leader and the modifier agrees.
   */
  byRole(words: readonly string[]): readonly KnownEntity[];
  /** The organisations the story is most about: what "the company" or "the firm" means. */
  readonly mainOrganisations: readonly KnownEntity[];
  readonly all: readonly KnownEntity[];
}

/** Folds a name for lookup: case, accents, dots, a leading "the" and a possessive do not count. */
export function foldForLookup(name: string): string {
  // ASCII has no accents to fold: skipping the normalisation halves the cost of indexing every alias.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: [\x00-\x7f] tests for ASCII-only text, not for controls.
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface RoleEntry {
  readonly entity: KnownEntity;
  readonly stems: readonly string[];
  /** The role's head word as written ("secretary" of "defence secretary"); found when first asked (it looks in WordNet). */
  readonly head: () => string;
}

/** `roleHead(words)`, worked out once and only if a question needs it. */
function lazyHead(words: readonly string[]): () => string {
  let head: string | undefined;
  return () => {
    head ??= roleHead(words);
    return head;
  };
}

/**
 * The head of a role: its last word, or the word before "of" ("head of the service" → head),
 * or the last two when WordNet knows them as one noun ("pact secretary general" → secretary general).
 */
function roleHead(words: readonly string[]): string {
  const of = words.indexOf('of');
  const end = of > 0 ? of : words.length;
  const pair = words.slice(Math.max(0, end - 2), end).join(' ');
  if (end >= 2 && sharedWordNet().senses(pair, 'n').length > 0) return pair;
  return words[end - 1] ?? '';
}

function roleMatches(role: RoleEntry, askedStems: readonly string[], askedHead: string, leader: boolean): boolean {
  const askedModifiers = askedStems.slice(0, -1);
  // A bare head ("the chairman") is enough only when the role is the same bare word: "the head"
  // alone does not say of what.
  if (askedModifiers.length === 0) return role.stems.length === 1 && stem(role.head()) === stem(askedHead);
  const headsAgree = stem(role.head()) === stem(askedHead) || (leader && isLeaderNoun(role.head()));
  return headsAgree && askedModifiers.every((modifier) => role.stems.includes(modifier));
}

function prominence(entity: KnownEntity): number {
  return entity.articleCount * 3 + entity.quoteCount;
}

/** An organisation the story is about is named in at least this share of its articles. */
const MAIN_ORGANISATION_SHARE = 0.3;

/**
 * Builds the lookup from the story's canonical entities. With the number of articles, an
 * organisation is the story's own only when enough of them name it: a corpus of many stories
 * has no "the company".
 */
export function buildEntityIndex(entities: readonly KnownEntity[], articles?: number): EntityIndex {
  const names = new Map<string, KnownEntity[]>();
  let longestAlias = 1;
  const sorted = [...entities].sort((a, b) => prominence(b) - prominence(a));
  for (const entity of sorted) {
    for (const alias of new Set([entity.name, ...entity.aliases].map(foldForLookup))) {
      if (!alias) continue;
      const list = names.get(alias) ?? [];
      list.push(entity);
      names.set(alias, list);
      longestAlias = Math.max(longestAlias, alias.split(' ').length);
    }
  }
  const roleEntries: RoleEntry[] = sorted
    .filter((entity) => entity.kind === 'person')
    .flatMap((entity) =>
      entity.roles.map((role) => {
        const words = foldForLookup(role).split(' ');
        return { entity, stems: words.filter((word) => word !== 'of').map(stem), head: lazyHead(words) };
      }),
    );
  // A bare head matches only a one-word role with the same stem: indexed by it, so asking
  // "the chairman" reads the chairmen, not every one-word role of the story.
  const bareRoles = new Map<string, RoleEntry[]>();
  for (const entry of roleEntries) {
    if (entry.stems.length !== 1) continue;
    const list = bareRoles.get(entry.stems[0]!) ?? [];
    list.push(entry);
    bareRoles.set(entry.stems[0]!, list);
  }
  // Only roles that share a content word with the question can match: index them by stem.
  const rolesByStem = new Map<string, RoleEntry[]>();
  for (const entry of roleEntries) {
    for (const roleStem of new Set(entry.stems)) {
      const list = rolesByStem.get(roleStem) ?? [];
      list.push(entry);
      rolesByStem.set(roleStem, list);
    }
  }
  const organisations = sorted.filter((entity) => entity.kind === 'organisation');
  const top = organisations[0];
  const mainOrganisations = top
    ? organisations
        .filter((entity) => prominence(entity) >= prominence(top) * 0.5)
        .filter((entity) => articles === undefined || entity.articleCount >= articles * MAIN_ORGANISATION_SHARE)
        .slice(0, 2)
    : [];

  return {
    byName: (folded) => names.get(folded) ?? [],
    longestAlias: Math.min(longestAlias, 6),
    byRole(words) {
      // "the Italian coach" holds the role "Italy coach": a demonym is its country.
      const asked = words
        .map((word) => foldForLookup(word))
        .filter(Boolean)
        .map((word, i, all) => (i < all.length - 1 ? foldForLookup(placeFor(word)?.canonical ?? word) : word));
      const askedHead = asked[asked.length - 1];
      if (askedHead === undefined) return [];
      const askedStems = asked.map(stem);
      const leader = isLeaderNoun(askedHead);
      // A modifier must be in the role, so the roles holding the first one are all there is to try;
      // a bare head, the one-word roles of its stem.
      const pool = (askedStems.length > 1 ? rolesByStem : bareRoles).get(askedStems[0]!) ?? [];
      const seen = new Set<string>();
      const found: KnownEntity[] = [];
      for (const entry of pool) {
        if (!seen.has(entry.entity.id) && roleMatches(entry, askedStems, askedHead, leader)) {
          seen.add(entry.entity.id);
          found.push(entry.entity);
        }
      }
      return found;
    },
    mainOrganisations,
    all: sorted,
  };
}
