/**
 * What the story knows about its people and organisations, shaped for reading questions:
 * every alias and role of every canonical entity, folded for lookup, so that "the Defence
 * Secretary", "Ms Smith" and "Smith" in a question all find the same person.
 */
import type { StoryEntityRecord } from '../ports/store.ts';
import { placeFor } from '../lexicon/places.ts';
import { nameKey } from '../name-key.ts';
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

/** What reading a question asks of the story's entities: an `EntityIndex` without the list of them all. */
export type QuestionIndex = Omit<EntityIndex, 'all'>;

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

/**
 * The stems of a role's words, "of" left out: what a question's role words are matched against.
 * @example roleStems('Secretary of Defence') → ['secretari', 'defenc']
 */
export function roleStems(role: string): string[] {
  return [...readRole(role).stems];
}

/** A role as lookups read it: the stems of its words, and its head (found when first asked). */
interface RoleReading {
  readonly stems: readonly string[];
  readonly head: () => string;
}

/**
 * Roles read so far: a story's people share a few hundred roles ("minister", "prime minister"),
 * so reading the thousands of holders of one role word folds and stems each role once.
 */
const roleReadings = new Map<string, RoleReading>();
const MAX_ROLE_READINGS = 20_000;

function readRole(role: string): RoleReading {
  let reading = roleReadings.get(role);
  if (!reading) {
    const words = foldForLookup(role).split(' ');
    reading = { stems: words.filter((word) => word !== 'of').map(stem), head: lazyHead(words) };
    if (roleReadings.size >= MAX_ROLE_READINGS) roleReadings.clear();
    roleReadings.set(role, reading);
  }
  return reading;
}

/**
 * The keys a story entity is looked up by when a question is read: its name and aliases as
 * `nameKey` folds them (the store's name index), and the stems of its roles' words.
 */
export function lookupKeysOf(entity: Pick<KnownEntity, 'name' | 'aliases' | 'roles'>): { readonly names: string[]; readonly roleStems: string[] } {
  return {
    names: [...new Set([entity.name, ...entity.aliases].map(nameKey))],
    roleStems: [...new Set(entity.roles.flatMap(roleStems))],
  };
}

/**
 * The name keys under which an alias folding to `folded` (`foldForLookup`) is stored: `nameKey`
 * keeps a final "'s" and folds a few more apostrophes, so an alias is found under one of these
 * and then checked by its own fold.
 */
export function nameKeysFor(folded: string): string[] {
  return [...new Set([folded, `${folded}'s`, `the ${folded}`, `the ${folded}'s`].map(nameKey))];
}

/**
 * What `byRole(words)` looks for: the words' stems (a demonym before the head read as its
 * country) and the head as written. Only roles holding the first stem can match: `stems[0]` is
 * the key a role lookup reads by.
 */
export function askedRole(words: readonly string[]): { readonly stems: readonly string[]; readonly head: string } | undefined {
  // "the Italian coach" holds the role "Italy coach": a demonym is its country.
  const asked = words
    .map((word) => foldForLookup(word))
    .filter(Boolean)
    .map((word, i, all) => (i < all.length - 1 ? foldForLookup(placeFor(word)?.canonical ?? word) : word));
  const head = asked[asked.length - 1];
  return head === undefined ? undefined : { stems: asked.map(stem), head };
}

/** What reading a role needs of a person: the roles, and the counts that order holders. */
export type RoleHolder = Pick<KnownEntity, 'id' | 'kind' | 'roles' | 'articleCount' | 'quoteCount'>;

interface RoleEntry<T extends RoleHolder> {
  readonly entity: T;
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

function roleMatches(role: RoleEntry<RoleHolder>, askedStems: readonly string[], askedHead: string, leader: boolean): boolean {
  const askedModifiers = askedStems.slice(0, -1);
  // A bare head ("the chairman") is enough only when the role is the same bare word: "the head"
  // alone does not say of what.
  if (askedModifiers.length === 0) return role.stems.length === 1 && stem(role.head()) === stem(askedHead);
  const headsAgree = stem(role.head()) === stem(askedHead) || (leader && isLeaderNoun(role.head()));
  return headsAgree && askedModifiers.every((modifier) => role.stems.includes(modifier));
}

function prominence(entity: Pick<KnownEntity, 'articleCount' | 'quoteCount'>): number {
  return entity.articleCount * 3 + entity.quoteCount;
}

/** An organisation the story is about is named in at least this share of its articles. */
export const MAIN_ORGANISATION_SHARE = 0.3;

/** Most prominent first; entities equally prominent keep their order (the store's: most quoted first). */
export function byProminence<T extends Pick<KnownEntity, 'articleCount' | 'quoteCount'>>(entities: readonly T[]): T[] {
  return [...entities].sort((a, b) => prominence(b) - prominence(a));
}

/**
 * The organisations the story is most about, from organisations in `byProminence` order (all of
 * them, or at least all named in `MAIN_ORGANISATION_SHARE` of the articles) and the highest
 * prominence among all: up to two, each at least half as prominent as the first.
 */
export function pickMainOrganisations(organisations: readonly KnownEntity[], top: number, articles?: number): KnownEntity[] {
  return organisations
    .filter((entity) => prominence(entity) >= top * 0.5)
    .filter((entity) => articles === undefined || entity.articleCount >= articles * MAIN_ORGANISATION_SHARE)
    .slice(0, 2);
}

/**
 * Builds the lookup from the story's canonical entities. With the number of articles, an
 * organisation is the story's own only when enough of them name it: a corpus of many stories
 * has no "the company".
 */
export function buildEntityIndex(entities: readonly KnownEntity[], articles?: number): EntityIndex {
  const names = new Map<string, KnownEntity[]>();
  let longestAlias = 1;
  const sorted = byProminence(entities);
  for (const entity of sorted) {
    for (const alias of new Set([entity.name, ...entity.aliases].map(foldForLookup))) {
      if (!alias) continue;
      const list = names.get(alias) ?? [];
      list.push(entity);
      names.set(alias, list);
      longestAlias = Math.max(longestAlias, alias.split(' ').length);
    }
  }
  const organisations = sorted.filter((entity) => entity.kind === 'organisation');
  const top = organisations[0];
  const mainOrganisations = top ? pickMainOrganisations(organisations, prominence(top), articles) : [];

  return {
    byName: (folded) => names.get(folded) ?? [],
    longestAlias: Math.min(longestAlias, 6),
    byRole: roleLookup(sorted),
    mainOrganisations,
    all: sorted,
  };
}

/**
 * `EntityIndex.byRole` over these entities alone: what a question reads when it needs the
 * holders of roles sharing a word, not the story's every name.
 */
export function buildRoleIndex(entities: readonly KnownEntity[]): Pick<EntityIndex, 'byRole'> {
  return { byRole: roleLookup(byProminence(entities)) };
}

/**
 * `byRole` over these people for the words whose first stem (`askedRole(words).stems[0]`) is
 * `key`, the only words it may be asked (it finds no one for others): it indexes only their
 * roles holding `key`, as a lookup by that stem reads them.
 */
export function buildRoleIndexFor<T extends RoleHolder>(key: string, holders: readonly T[]): { byRole(words: readonly string[]): readonly T[] } {
  return { byRole: roleLookup(byProminence(holders), key) };
}

/**
 * People who hold a role the words describe, from entities in `byProminence` order (see
 * `EntityIndex.byRole`); with `key`, only for words whose first stem is `key`.
 */
function roleLookup<T extends RoleHolder>(sorted: readonly T[], key?: string): (words: readonly string[]) => T[] {
  const roleEntries: RoleEntry<T>[] = [];
  for (const entity of sorted) {
    if (entity.kind !== 'person') continue;
    for (const role of entity.roles) {
      const { stems, head } = readRole(role);
      if (key === undefined || stems.includes(key)) roleEntries.push({ entity, stems, head });
    }
  }
  // A bare head matches only a one-word role with the same stem: indexed by it, so asking
  // "the chairman" reads the chairmen, not every one-word role of the story.
  const bareRoles = new Map<string, RoleEntry<T>[]>();
  for (const entry of roleEntries) {
    if (entry.stems.length !== 1) continue;
    const list = bareRoles.get(entry.stems[0]!) ?? [];
    list.push(entry);
    bareRoles.set(entry.stems[0]!, list);
  }
  // Only roles that share a content word with the question can match: index them by stem
  // (with `key`, by it alone: the only stem asked first).
  const rolesByStem = new Map<string, RoleEntry<T>[]>();
  for (const entry of roleEntries) {
    for (const roleStem of key === undefined ? new Set(entry.stems) : [key]) {
      const list = rolesByStem.get(roleStem) ?? [];
      list.push(entry);
      rolesByStem.set(roleStem, list);
    }
  }
  return (words) => {
    const asked = askedRole(words);
    if (!asked) return [];
    const { stems: askedStems, head: askedHead } = asked;
    const leader = isLeaderNoun(askedHead);
    // A modifier must be in the role, so the roles holding the first one are all there is to try;
    // a bare head, the one-word roles of its stem.
    const pool = (askedStems.length > 1 ? rolesByStem : bareRoles).get(askedStems[0]!) ?? [];
    const seen = new Set<string>();
    const found: T[] = [];
    for (const entry of pool) {
      if (!seen.has(entry.entity.id) && roleMatches(entry, askedStems, askedHead, leader)) {
        seen.add(entry.entity.id);
        found.push(entry.entity);
      }
    }
    return found;
  };
}
