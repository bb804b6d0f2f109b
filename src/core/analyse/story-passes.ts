/**
 * Whole-story linking in two reads of the story, for a story too large to hold every article's
 * entities at once (1.3M of them at 100,000 articles). The first read (`add`) keeps, per group
 * of members, each distinct way its members are written (name, kind, aliases, roles) with how
 * often and where first, plus the few articles that name someone only by role; `finish` decides
 * the story entities from that, and returns a rule that tells which story entity any article's
 * entity is, for a second read that writes the links as it goes.
 *
 * It decides exactly what `linkStoryEntities` decides for the same articles in the same order
 * (test/unit/analyse/story-passes.test.ts compares the two): the same groups, the same member
 * order inside each (direct members by article, then surnames alone, then role holders), hence
 * the same names, aliases, roles, kinds and ids.
 */
import type { Entity, EntityKind } from '../article.ts';
import { addNamesOf, baseId, cachedFold, isProperAlias, singleNameKey, strippedName, surnameOwners, type StoryEntity } from './entity-linking.ts';

/** A story entity as it is saved: what `StoryEntity` says but the list of its articles. */
export type LinkedEntity = Omit<StoryEntity, 'articles'>;

/** The story's entities, and which of them each article's entity is. */
export interface LinkedStory {
  readonly entities: readonly LinkedEntity[];
  /**
   * The id of the story entity an entity of `article` is; undefined for an article the first
   * read did not see, or an entity it did not have then (written since: it stays unlinked, and
   * the story marked, until the next relink).
   */
  linkOf(article: string, entity: Entity): string | undefined;
}

/** Members of a group written the same way: how many, and the first one's place in member order. */
interface Variant {
  readonly entity: Entity;
  count: number;
  first: number;
}

/** Member order has three phases, as `storyLinker` joins them: direct members, surnames alone, role holders. */
const PHASE = 1e12;

class Group {
  readonly variants = new Map<string, Variant>();

  /** `key`: the group's key, kept so that the articles naming it share one string. */
  constructor(readonly key: string) {}

  add(signature: string, entity: Entity, seq: number): void {
    const variant = this.variants.get(signature);
    if (variant) variant.count++;
    else this.variants.set(signature, { entity, count: 1, first: seq });
  }

  merge(other: Group): void {
    for (const [signature, variant] of other.variants) {
      const mine = this.variants.get(signature);
      if (!mine) this.variants.set(signature, { ...variant });
      else {
        mine.count += variant.count;
        mine.first = Math.min(mine.first, variant.first);
      }
    }
  }

  /** The variants in member order (by where each first appears). */
  ordered(): Variant[] {
    return [...this.variants.values()].sort((a, b) => a.first - b.first);
  }
}

/** An article that names someone only by role, with what deciding that needs of the article. */
interface RoleArticle {
  readonly article: string;
  /** Its multi-word people's group keys, and its surnames alone (folded). */
  readonly people: string[];
  readonly singles: string[];
  readonly roleOnly: Entity[];
}

/** What one entity is written as, for grouping equal members: interned lists compare by identity. */
function signer(): (entity: Entity) => string {
  const lists = new Map<readonly string[], number>();
  const listId = (list: readonly string[]): number => {
    let id = lists.get(list);
    if (id === undefined) {
      id = lists.size;
      lists.set(list, id);
    }
    return id;
  };
  // Joined, not a template: a template's string is a tree of pieces (five or more objects), and
  // each variant keeps its signature as a map key for the whole first read.
  return (entity) => [entity.name, entity.kind, entity.named ? 1 : 0, listId(entity.aliases), listId(entity.roles)].join('\u0000');
}

/**
 * `storyLinker`'s decisions from two reads of the story: `add` each article (by id, its entities
 * by key) once, `finish`, then ask `linkOf` for each entity of a second read of the same articles.
 */
export function storyLinkerInPasses(options: { readonly taken?: (id: string) => boolean } = {}): {
  add(article: { readonly id: string; readonly entities: readonly Entity[] }): void;
  finish(): LinkedStory;
} {
  const fold = cachedFold();
  const sign = signer();
  const groups = new Map<string, Group>();
  const aliasOwner = new Map<string, string>();
  const singles = new Map<string, Group>();
  const roleArticles: RoleArticle[] = [];
  const seen = new Set<string>();
  let seq = 0;

  const groupOf = (map: Map<string, Group>, key: string): Group => {
    let group = map.get(key);
    if (!group) {
      group = new Group(key);
      map.set(key, group);
    }
    return group;
  };

  const add = (article: { readonly id: string; readonly entities: readonly Entity[] }): void => {
    seen.add(article.id);
    let roles: RoleArticle | undefined;
    const people: string[] = [];
    const singlesHere: string[] = [];
    for (const entity of article.entities) {
      const at = seq++;
      const folded = fold(entity.name);
      if (!entity.named && entity.kind === 'person') {
        roles ??= { article: article.id, people, singles: singlesHere, roleOnly: [] };
        roles.roleOnly.push(entity);
      } else if (entity.kind === 'person' && !folded.includes(' ')) {
        groupOf(singles, folded).add(sign(entity), entity, PHASE + at);
        singlesHere.push(folded);
      } else if (entity.kind === 'person') {
        const group = groupOf(groups, `person:${folded}`);
        group.add(sign(entity), entity, at);
        // The group's own key, not this entity's copy: 45,000 articles at 100k keep their people.
        people.push(group.key);
      } else {
        const key = aliasOwner.get(folded) ?? `thing:${folded}`;
        groupOf(groups, key).add(sign(entity), entity, at);
        for (const alias of entity.aliases) if (isProperAlias(alias) && !aliasOwner.has(fold(alias))) aliasOwner.set(fold(alias), key);
        if (!aliasOwner.has(folded)) aliasOwner.set(folded, key);
      }
    }
    // Copies of exactly their length: an array grown by push keeps room for 16 more elements,
    // which 45,000 articles' three lists at 100k turned into some 15 MB.
    if (roles) roleArticles.push({ article: roles.article, people: people.slice(), singles: singlesHere.slice(), roleOnly: roles.roleOnly.slice() });
  };

  const finish = (): LinkedStory => {
    // A surname alone joins the one full name it ends or starts, as storyLinker decides it.
    const bySurname = surnameOwners(groups.keys());
    const singleKey = new Map<string, string>();
    for (const folded of singles.keys())
      singleKey.set(
        folded,
        singleNameKey(folded, bySurname, (key) => groups.has(key)),
      );
    // Joined in the order storyLinker joins them: a group a surname alone starts comes after
    // every group of the first read, in the order of the surname's first member.
    const bySingleFirst = [...singles].sort(([, a], [, b]) => firstOf(a) - firstOf(b));
    for (const [folded, members] of bySingleFirst) groupOf(groups, singleKey.get(folded) ?? '').merge(members);
    singles.clear();

    const byRole = new Map<string, Set<string>>();
    for (const [key, group] of groups) {
      for (const { entity } of group.variants.values()) {
        if (entity.kind !== 'person') continue;
        for (const role of entity.roles) {
          const set = byRole.get(role) ?? new Set<string>();
          set.add(key);
          byRole.set(role, set);
        }
      }
    }
    // Per article, its role-only entities' keys and their groups' keys, in turn: a list, not a
    // map per article (45,000 of them at 100k articles).
    const roleKey = new Map<string, string[]>();
    for (const { article, people, singles: named, roleOnly } of roleArticles) {
      const here = new Set(people);
      for (const folded of named) {
        const key = singleKey.get(folded) ?? '';
        if (key.startsWith('person:')) here.add(key);
      }
      const keys: string[] = [];
      for (const entity of roleOnly) {
        const group = groupOf(groups, holderOf(entity, here, byRole, fold));
        keys.push(entity.key, group.key);
        group.add(sign(entity), entity, 2 * PHASE + seq++);
      }
      roleKey.set(article, keys);
    }
    roleArticles.length = 0;

    const ids = new Map<string, string>();
    const used = new Set<string>();
    const taken = options.taken ?? (() => false);
    const entities: LinkedEntity[] = [];
    for (const [key, group] of groups) {
      const described = describeVariants(group.ordered());
      const base = baseId(described.kind, fold(described.name));
      let id = base;
      for (let n = 2; used.has(id) || taken(id); n++) id = `${base}-${n}`;
      used.add(id);
      ids.set(key, id);
      entities.push({ id, ...described });
    }
    groups.clear();

    const linkOf = (article: string, entity: Entity): string | undefined => {
      if (!seen.has(article)) return undefined;
      const folded = fold(entity.name);
      let key: string | undefined;
      if (!entity.named && entity.kind === 'person') key = roleKeyOf(roleKey.get(article), entity.key);
      else if (entity.kind === 'person' && !folded.includes(' ')) key = singleKey.get(folded);
      else if (entity.kind === 'person') key = `person:${folded}`;
      else key = aliasOwner.get(folded);
      // (An entity the article did not have at the first read may belong to no group.)
      return key === undefined ? undefined : ids.get(key);
    };
    return { entities, linkOf };
  };

  return { add, finish };
}

/** The group key paired with `entityKey` in an article's list of [entity key, group key, …]; the last pair wins, as a map's set would. */
function roleKeyOf(pairs: readonly string[] | undefined, entityKey: string): string | undefined {
  if (!pairs) return undefined;
  for (let i = pairs.length - 2; i >= 0; i -= 2) if (pairs[i] === entityKey) return pairs[i + 1];
  return undefined;
}

function firstOf(group: Group): number {
  let first = Number.POSITIVE_INFINITY;
  for (const variant of group.variants.values()) first = Math.min(first, variant.first);
  return first;
}

/** The group an entity named only by role joins, as storyLinker decides it. */
function holderOf(entity: Entity, named: ReadonlySet<string>, byRole: ReadonlyMap<string, ReadonlySet<string>>, fold: (name: string) => string): string {
  // An unnamed spokesperson is someone the article chose not to name: never a named person.
  if (entity.roles.some((role) => /(?:^|\s)spokes/.test(role))) return `role:${fold(entity.name)}`;
  const roles = [...entity.roles].sort((a, b) => b.length - a.length);
  const holder = roles
    .map((role) => {
      const holders = [...(byRole.get(role) ?? [])];
      const here = holders.filter((key) => named.has(key));
      return holders.length === 1 ? holders[0] : here.length === 1 ? here[0] : undefined;
    })
    .find((key) => key !== undefined);
  return holder ?? `role:${fold(entity.name)}`;
}

/** The first of the most common values (counts in first-appearance order); ties go to `better`. */
function mostCommon<T>(counts: ReadonlyMap<T, number>, better: (a: T, b: T) => boolean): T | undefined {
  let best: T | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && better(value, best))) best = value;
  }
  return best;
}

function tally<T>(counts: Map<T, number>, value: T, count: number): void {
  counts.set(value, (counts.get(value) ?? 0) + count);
}

/** `describeGroup` of the members the variants stand for, in the same order. */
function describeVariants(variants: readonly Variant[]): Omit<LinkedEntity, 'id'> {
  const named = variants.filter(({ entity }) => entity.named);
  const pool = named.length > 0 ? named : variants;
  const names = new Map<string, number>();
  for (const { entity, count } of pool) tally(names, strippedName(entity.name), count);
  const isFull = (name: string): boolean => name.includes(' ');
  const name = mostCommon(names, (a, b) => (isFull(a) && !isFull(b)) || a.length > b.length) ?? variants[0]?.entity.name ?? '';
  const kinds = new Map<EntityKind, number>();
  for (const { entity, count } of variants) tally(kinds, entity.kind, count);
  const kind = mostCommon(kinds, () => false) ?? 'person';
  const aliases = new Map<string, string>();
  const roles = new Set<string>();
  const own = name.toLowerCase();
  for (const { entity } of variants) addNamesOf(entity, own, aliases, roles);
  return { name, kind, aliases: [...aliases.values()], roles: [...roles] };
}
