import type { Entity, EntityKind } from '../article.ts';
import { givenNameGender } from './name-kinds.ts';
import { StoryLinks } from './story-links.ts';

export { StoryLinks };

/** A person, organisation, place or group with one name across the whole story. */
export interface StoryEntity {
  /** Stable for the same name and kind: "person:joan-smith". */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** Every other name any article uses for it, the article-level names included. */
  readonly aliases: readonly string[];
  /** Roles any article gives it, lower-cased. */
  readonly roles: readonly string[];
  /** Ids of the articles that name it. */
  readonly articles: readonly string[];
}

/** The story's canonical entities, and which of them each article's entity is. */
export interface StoryEntities {
  readonly entities: readonly StoryEntity[];
  /**
   * `${articleId}\u0000${entityKey}` (see `linkKey`) → `StoryEntity.id`; iterate it, `get`
   * a key, or ask `links.of(articleId, entityKey)` without building one.
   */
  readonly links: StoryLinks;
}

/** The key of `StoryEntities.links` for an article's entity. */
export function linkKey(articleId: string, entityKey: string): string {
  return `${articleId}\u0000${entityKey}`;
}

export interface Member {
  readonly article: string;
  readonly entity: Entity;
}

/** Folds a name for matching: case, accents, dots, "the" and a possessive do not count. */
export function foldName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: [\x00-\x7f] tests for ASCII-only text (no accents to fold), not for controls.
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isProperAlias(alias: string): boolean {
  return /^\p{Lu}/u.test(alias) && !/^(?:The|A|An)\s/.test(alias);
}

/** foldName with a cache: a story repeats the same few thousand names many times. */
export function cachedFold(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let folded = cache.get(name);
    if (folded === undefined) {
      folded = foldName(name);
      cache.set(name, folded);
    }
    return folded;
  };
}

function slug(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'unnamed';
}

function mostCommon<T>(values: readonly T[], better: (a: T, b: T) => boolean): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && better(value, best))) best = value;
  }
  return best;
}

/**
 * Links the entities of every article of a story: one canonical entity per person,
 * organisation, place or group, with every alias and role. Full names match by their
 * folded form; a surname alone ("Smith", "Dr Chen" for "Chen Wei") joins the one
 * full name it ends or starts; an entity the article names only by role ("the Defence
 * Secretary") joins the one named person who holds that role somewhere in the story.
 * Hash-based: linear in the number of entities.
 */
export function linkStoryEntities(articles: Iterable<{ readonly id: string; readonly entities: readonly Entity[] }>, options: LinkOptions = {}): StoryEntities {
  const linker = storyLinker(options);
  for (const article of articles) linker.add(article);
  return linker.finish();
}

/**
 * Members kept as two parallel lists, an article id and its entity each: a story of 100,000
 * articles has 1.3M of them, and an object per member was a fifth of linking's memory.
 */
class Members {
  readonly articles: string[] = [];
  readonly entities: Entity[] = [];

  push(article: string, entity: Entity): void {
    this.articles.push(article);
    this.entities.push(entity);
  }

  get length(): number {
    return this.articles.length;
  }

  /** The members as objects, for one group at a time. */
  list(): Member[] {
    return this.entities.map((entity, n) => ({ article: this.articles[n] ?? '', entity }));
  }
}

/**
 * The words that may stand alone for a person's group: the last word of each person key (the
 * surname), and the first where it is not a given name ("Okafor Chidi"), each to the keys it ends
 * or starts.
 */
export function surnameOwners(keys: Iterable<string>): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const index = (word: string | undefined, key: string): void => {
    if (!word) return;
    const set = owners.get(word) ?? new Set<string>();
    set.add(key);
    owners.set(word, set);
  };
  for (const key of keys) {
    if (!key.startsWith('person:')) continue;
    const words = key.slice('person:'.length).split(' ');
    index(words[words.length - 1], key);
    if (!givenNameGender(words[0] ?? '')) index(words[0], key);
  }
  return owners;
}

/** The group a one-word person name joins: the one full name it ends or starts, else a thing of that name, else its own. */
export function singleNameKey(folded: string, owners: ReadonlyMap<string, ReadonlySet<string>>, has: (key: string) => boolean): string {
  const found = owners.get(folded);
  const only = found && found.size === 1 ? [...found][0] : undefined;
  return only ?? (has(`thing:${folded}`) ? `thing:${folded}` : `person:${folded}`);
}

/**
 * `linkStoryEntities` fed an article at a time (articles by id, each one's entities by key),
 * so that a caller reading the story in chunks never holds its articles and their members at
 * once; `finish` links what was added.
 */
export function storyLinker(options: LinkOptions = {}): {
  add(article: { readonly id: string; readonly entities: readonly Entity[] }): void;
  finish(): StoryEntities;
} {
  const groups = new Map<string, Members>();
  const join = (key: string, article: string, entity: Entity): void => {
    let members = groups.get(key);
    if (!members) {
      members = new Members();
      groups.set(key, members);
    }
    members.push(article, entity);
  };
  const fold = cachedFold();
  const aliasOwner = new Map<string, string>();
  const singles = new Members();
  const roleOnly = new Members();

  const add = (article: { readonly id: string; readonly entities: readonly Entity[] }): void => {
    for (const entity of article.entities) {
      const folded = fold(entity.name);
      if (!entity.named && entity.kind === 'person') roleOnly.push(article.id, entity);
      else if (entity.kind === 'person' && !folded.includes(' ')) singles.push(article.id, entity);
      else if (entity.kind === 'person') join(`person:${folded}`, article.id, entity);
      else {
        const key = aliasOwner.get(folded) ?? `thing:${folded}`;
        join(key, article.id, entity);
        for (const alias of entity.aliases) if (isProperAlias(alias) && !aliasOwner.has(fold(alias))) aliasOwner.set(fold(alias), key);
        if (!aliasOwner.has(folded)) aliasOwner.set(folded, key);
      }
    }
  };

  const finishLinking = (): StoryEntities => {
    const bySurname = surnameOwners(groups.keys());
    singles.entities.forEach((entity, n) => {
      join(
        singleNameKey(fold(entity.name), bySurname, (key) => groups.has(key)),
        singles.articles[n] ?? '',
        entity,
      );
    });

    const byRole = new Map<string, Set<string>>();
    for (const [key, members] of groups) {
      for (const entity of members.entities) {
        if (entity.kind !== 'person') continue;
        for (const role of entity.roles) {
          const set = byRole.get(role) ?? new Set<string>();
          set.add(key);
          byRole.set(role, set);
        }
      }
    }
    // The people each article names, to pick among several holders of a role the one it names.
    const namedIn = new Map<string, Set<string>>();
    for (const [key, members] of groups) {
      if (!key.startsWith('person:')) continue;
      for (const article of members.articles) namedIn.set(article, (namedIn.get(article) ?? new Set<string>()).add(key));
    }
    roleOnly.entities.forEach((entity, n) => {
      const article = roleOnly.articles[n] ?? '';
      // An unnamed spokesperson is someone the article chose not to name: never a named person.
      if (entity.roles.some((role) => /(?:^|\s)spokes/.test(role))) {
        join(`role:${fold(entity.name)}`, article, entity);
        return;
      }
      // Most specific first ("acme chairman" before "chairman"); among several holders, the
      // one the same article names ("the opposition leader" in an article that names Jane Doe).
      const roles = [...entity.roles].sort((a, b) => b.length - a.length);
      const named = namedIn.get(article);
      const holder = roles
        .map((role) => {
          const holders = [...(byRole.get(role) ?? [])];
          const here = named ? holders.filter((key) => named.has(key)) : [];
          return holders.length === 1 ? holders[0] : here.length === 1 ? here[0] : undefined;
        })
        .find((key) => key !== undefined);
      join(holder ?? `role:${fold(entity.name)}`, article, entity);
    });
    return finish(groups, fold, options.taken ?? (() => false));
  };

  return { add, finish: finishLinking };
}

export interface LinkOptions {
  /**
   * Ids already used by story entities outside the articles given: linking part of a story
   * (see `linkKeys`) numbers a new entity past them, as linking the whole would.
   */
  readonly taken?: (id: string) => boolean;
}

/**
 * What linking's decision for one article's entity depends on and bears on, as keys: `own`,
 * the keys it is stored under (in its story entity); `dependsOn`, the keys of the entities its
 * own decision reads (a surname alone reads the full names that end or start with it, an
 * unnamed role holder the people who hold the role, an organisation the names and aliases
 * others claimed); `affects`, the keys of the entities whose decisions it bears on (a full
 * name bears on the surname alone, a person with a role on the unnamed holders of it).
 * Linking part of a story equals linking the whole when the part holds, for every entity
 * whose decision is made again, every entity stored under a key it depends on.
 *
 * @example linkKeysOf({ name: 'Jane Doe', kind: 'person', roles: ['minister'], named: true, … })
 *   → { own: ['person:jane doe', 'owner:doe', 'holder:minister'], dependsOn: [],
 *       affects: ['person:jane doe', 'single:doe', 'roleonly:minister'] }   ("jane" is a given name)
 */
export function linkKeysOf(entity: Entity): { readonly own: string[]; readonly dependsOn: string[]; readonly affects: string[] } {
  const folded = foldName(entity.name);
  if (entity.kind !== 'person') {
    // Whose names and aliases claim whose: a chain of organisations, places and groups.
    const names = [`thing:${folded}`];
    for (const alias of entity.aliases) if (isProperAlias(alias)) names.push(`thing:${foldName(alias)}`);
    return { own: names, dependsOn: names, affects: [...names, `single:${folded}`] };
  }
  const roles = (prefix: string) => entity.roles.map((role) => `${prefix}:${role}`);
  if (!entity.named) {
    const group = `unnamed:${folded}`;
    return { own: [group, ...roles('roleonly')], dependsOn: roles('holder'), affects: [group] };
  }
  const words = folded.split(' ');
  if (words.length === 1) {
    const single = `single:${folded}`;
    return { own: [single, ...roles('holder')], dependsOn: [`owner:${folded}`, `thing:${folded}`], affects: [single, ...roles('roleonly')] };
  }
  const first = words[0] ?? '';
  const owned = [`${words[words.length - 1]}`, ...(givenNameGender(first) ? [] : [first])];
  const person = `person:${folded}`;
  return {
    own: [person, ...owned.map((word) => `owner:${word}`), ...roles('holder')],
    dependsOn: [],
    affects: [person, ...owned.map((word) => `single:${word}`), ...roles('roleonly')],
  };
}

function finish(groups: ReadonlyMap<string, Members>, fold: (name: string) => string, taken: (id: string) => boolean): StoryEntities {
  const entities: StoryEntity[] = [];
  const links = new StoryLinks();
  const used = new Set<string>();
  for (const members of groups.values()) {
    const { name, kind, aliases, roles, articles } = describeGroup(members.list());
    const base = baseId(kind, fold(name));
    let id = base;
    for (let n = 2; used.has(id) || taken(id); n++) id = `${base}-${n}`;
    used.add(id);
    entities.push({ id, name, kind, aliases, roles, articles });
    members.entities.forEach((entity, n) => links.add(members.articles[n] ?? '', entity.key, id));
  }
  return { entities, links };
}

/** A story entity's id before any number suffix: its kind and its folded name as a slug. */
export function baseId(kind: EntityKind, folded: string): string {
  return `${kind}:${slug(folded)}`;
}

/**
 * What one group of members, in the order they joined, says of its story entity: the most
 * common name (of the named members when any), kind, every other name and role, the articles.
 */
export function describeGroup(members: readonly Member[]): Omit<StoryEntity, 'id'> {
  const named = members.filter(({ entity }) => entity.named);
  const pool = named.length > 0 ? named : members;
  const isFull = (name: string): boolean => name.includes(' ');
  const name =
    mostCommon(
      pool.map(({ entity }) => strippedName(entity.name)),
      (a, b) => (isFull(a) && !isFull(b)) || a.length > b.length,
    ) ??
    members[0]?.entity.name ??
    '';
  const kind =
    mostCommon(
      members.map(({ entity }) => entity.kind),
      () => false,
    ) ?? 'person';
  const aliases = new Map<string, string>();
  const roles = new Set<string>();
  const articles: string[] = [];
  const own = name.toLowerCase();
  for (const { article, entity } of members) {
    // Members arrive article by article: a change of article is a new one.
    if (articles[articles.length - 1] !== article) articles.push(article);
    addNamesOf(entity, own, aliases, roles);
  }
  return { name, kind, aliases: [...aliases.values()], roles: [...roles], articles: [...new Set(articles)] };
}

/**
 * A member's name and aliases added to a group's aliases (by lower case, the first spelling kept,
 * the group's own name `own` left out) and its roles to the group's: both linkers.
 */
export function addNamesOf(entity: Pick<Entity, 'name' | 'aliases' | 'roles'>, own: string, aliases: Map<string, string>, roles: Set<string>): void {
  const lower = entity.name.toLowerCase();
  if (lower !== own && !aliases.has(lower)) aliases.set(lower, entity.name);
  for (const alias of entity.aliases) {
    const key = alias.toLowerCase();
    if (key !== own && !aliases.has(key)) aliases.set(key, alias);
  }
  for (const role of entity.roles) roles.add(role);
}

/** A member's name as it counts for its story entity's name: without a leading "the". */
export function strippedName(name: string): string {
  return name.replace(/^the\s+/i, '');
}
