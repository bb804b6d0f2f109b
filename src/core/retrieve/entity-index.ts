/**
 * What the story knows about its people and organisations, shaped for reading questions:
 * every alias and role of every canonical entity, folded for lookup, so that "the Defence
 * Secretary", "Ms Smith" and "Smith" in a question all find the same person.
 */
import type { StoryEntityRecord } from '../../store/store.ts';
import { SYNONYM_GROUPS } from '../lexicon/synonyms.ts';
import { stem } from './terms.ts';

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
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Heads of roles that all mean "the person in charge": a question's "defence chief" is the
// story's "defence secretary" or "head of defence".
const LEADER_HEADS: ReadonlySet<string> = new Set(
  [
    ...(SYNONYM_GROUPS.find((group) => group.includes('chief')) ?? []),
    ...(SYNONYM_GROUPS.find((group) => group.includes('minister')) ?? []),
  ].map(stem),
);

function roleMatches(roleWords: readonly string[], asked: readonly string[]): boolean {
  const roleStems = roleWords.map(stem);
  const askedStems = asked.map(stem);
  const roleHead = roleStems[roleStems.length - 1];
  const askedHead = askedStems[askedStems.length - 1];
  if (roleHead === undefined || askedHead === undefined) return false;
  const headsAgree = roleHead === askedHead || (LEADER_HEADS.has(roleHead) && LEADER_HEADS.has(askedHead));
  if (!headsAgree) return false;
  const askedModifiers = askedStems.slice(0, -1);
  // A bare head ("the chairman") is enough only when the role is bare too.
  if (askedModifiers.length === 0) return roleStems.length === 1;
  return askedModifiers.every((modifier) => roleStems.includes(modifier));
}

function prominence(entity: KnownEntity): number {
  return entity.articleCount * 3 + entity.quoteCount;
}

/** Builds the lookup from the story's canonical entities. */
export function buildEntityIndex(entities: readonly KnownEntity[]): EntityIndex {
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
  const roleEntries = sorted
    .filter((entity) => entity.kind === 'person')
    .flatMap((entity) => entity.roles.map((role) => ({ entity, words: foldForLookup(role).split(' ') })));
  const organisations = sorted.filter((entity) => entity.kind === 'organisation');
  const top = organisations[0];
  const mainOrganisations = top
    ? organisations.filter((entity) => prominence(entity) >= prominence(top) * 0.5).slice(0, 2)
    : [];

  return {
    byName: (folded) => names.get(folded) ?? [],
    longestAlias: Math.min(longestAlias, 6),
    byRole(words) {
      const asked = words.map((word) => foldForLookup(word)).filter(Boolean);
      const seen = new Set<string>();
      const found: KnownEntity[] = [];
      for (const { entity, words: roleWords } of roleEntries) {
        if (!seen.has(entity.id) && roleMatches(roleWords, asked)) {
          seen.add(entity.id);
          found.push(entity);
        }
      }
      return found;
    },
    mainOrganisations,
    all: sorted,
  };
}
