/**
 * Linking a new article that sorts after every other, by indexed lookups only: what the
 * whole-story linking (`linkStoryEntities`) would decide for its entities, read from the
 * stored story entities' linking keys (`linkKeysOf`) instead of from every member of every
 * entity its names can reach. The article's entities are decided in the same three rounds
 * (full names and things, then surnames alone, then roles alone); each joins a stored story
 * entity or makes a new one.
 *
 * It answers only when the answer is certainly the whole linking's, and null otherwise (the
 * caller then links the usual way): the article must sort last (so it comes after every
 * stored member, and what it claims first is claimed by nobody before it), every stored story
 * entity an entity joins must already hold every key the entity is stored under and every name
 * and role it has (so its row, its name and what other entities' decisions read of it stay as
 * they are), and a new entity must change no other entity's decision (no surname alone that
 * its full name would now own, no role alone that its role would now resolve, no number suffix
 * another entity would give way to). So the cost is that of the article's names and the keys
 * they are looked up by, not of the story.
 */
import type { Entity } from '../article.ts';
import { baseId, describeGroup, foldName, isProperAlias, linkKeysOf, strippedName, type StoryEntity } from './entity-linking.ts';
import { givenNameGender } from './name-kinds.ts';

/** A stored story entity, as the decision reads it: its row, its keys and its tally. */
export interface StoredStoryEntity extends Omit<StoryEntity, 'articles'> {
  /** Every linking key it is stored under (`linkKeysOf(member).own` of its members). */
  readonly keys: ReadonlySet<string>;
  /** How many of its members go by each name, named or not. */
  readonly tally: readonly NameTally[];
}

export interface NameTally {
  readonly name: string;
  readonly named: boolean;
  readonly members: number;
}

/** The indexed reads the decision needs. */
export interface LinkReads {
  /** The ids of the stored story entities under a linking key. */
  withKey(key: string): readonly string[];
  entity(id: string): StoredStoryEntity | undefined;
  /** True when a stored story entity has this id. */
  idTaken(id: string): boolean;
}

export interface LastArticlePlan {
  /** Entity key → story entity id, for every entity of the article. */
  readonly links: ReadonlyMap<string, string>;
  /** Stored story entities the article's entities join, with those entities. */
  readonly joined: ReadonlyMap<string, readonly Entity[]>;
  /** New story entities, with the article's entities that make them. */
  readonly created: readonly { readonly entity: StoryEntity; readonly members: readonly Entity[] }[];
}

/** A group being decided: a stored story entity (`stored`) or a new one keyed like linking's groups. */
interface Group {
  readonly stored: string | null;
  /** linkStoryEntities' group key ("person:…", "thing:…", "role:…"), or null for a stored entity found otherwise. */
  readonly key: string | null;
  readonly person: boolean;
  readonly members: Entity[];
}

class Unsure extends Error {}

/**
 * The whole-story linking's decisions for the entities of `article` (its entities in key
 * order), when it sorts after every other current article; null when they cannot be told
 * from the keys alone.
 */
export function linkLastArticle(article: string, entities: readonly Entity[], reads: LinkReads): LastArticlePlan | null {
  try {
    return decide(article, entities, reads);
  } catch (error) {
    if (error instanceof Unsure) return null;
    throw error;
  }
}

function decide(article: string, entities: readonly Entity[], reads: LinkReads): LastArticlePlan {
  const groups = new Map<string, Group>();
  const placed: { entity: Entity; group: Group }[] = [];
  const storedOnly = (key: string): string | null => {
    const ids = reads.withKey(key);
    if (ids.length > 1) throw new Unsure();
    return ids[0] ?? null;
  };
  /** The group of a stored entity, or a new group under linking's key. */
  const groupOf = (stored: string | null, key: string, person: boolean): Group => {
    const label = stored === null ? `new\u0000${key}` : `stored\u0000${stored}`;
    let group = groups.get(label);
    if (!group) {
      group = { stored, key: stored === null ? key : null, person, members: [] };
      groups.set(label, group);
    }
    return group;
  };
  const join = (group: Group, entity: Entity) => {
    group.members.push(entity);
    placed.push({ entity, group });
  };

  // Round 1: full names and things, in the article's order. Names claimed before the article
  // are claimed by stored entities; the article's own claims come after them.
  const claims = new Map<string, Group>();
  const claimedBefore = (folded: string) => reads.withKey(`thing:${folded}`).length > 0;
  const singles: Entity[] = [];
  const roleOnly: Entity[] = [];
  for (const entity of entities) {
    const folded = foldName(entity.name);
    if (!entity.named && entity.kind === 'person') roleOnly.push(entity);
    else if (entity.kind === 'person' && !folded.includes(' ')) singles.push(entity);
    else if (entity.kind === 'person') join(groupOf(storedOnly(`person:${folded}`), `person:${folded}`, true), entity);
    else {
      const stored = storedOnly(`thing:${folded}`);
      const group = stored !== null ? groupOf(stored, '', false) : (claims.get(folded) ?? groupOf(null, `thing:${folded}`, false));
      join(group, entity);
      for (const alias of entity.aliases) {
        const name = foldName(alias);
        if (isProperAlias(alias) && !claims.has(name) && !claimedBefore(name)) claims.set(name, group);
      }
      if (!claims.has(folded) && !claimedBefore(folded)) claims.set(folded, group);
    }
  }

  // Round 2: a surname alone joins the one full name that owns it, else a thing of that
  // name, else the people called only that.
  const newOwners = new Map<string, Set<Group>>();
  for (const group of groups.values()) {
    if (group.stored !== null || !group.key?.startsWith('person:')) continue;
    const words = group.key.slice('person:'.length).split(' ');
    for (const word of ownedWords(words)) newOwners.set(word, (newOwners.get(word) ?? new Set()).add(group));
  }
  for (const entity of singles) {
    const folded = foldName(entity.name);
    const owners = new Set<Group>(newOwners.get(folded) ?? []);
    for (const id of reads.withKey(`owner:${folded}`)) owners.add(groupOf(id, '', true));
    if (owners.size === 1) {
      join([...owners][0]!, entity);
      continue;
    }
    const thing = groups.get(`new\u0000thing:${folded}`);
    if (thing) {
      join(thing, entity);
      continue;
    }
    // The others called only that are all in one entity: the thing of that name when there is
    // one (its key says so), else the people called only that.
    const others = storedOnly(`single:${folded}`);
    if (others === null && claimedBefore(folded)) throw new Unsure();
    const isThing = others !== null && (reads.entity(others)?.keys.has(`thing:${folded}`) ?? false);
    join(groupOf(others, `person:${folded}`, !isThing), entity);
  }

  // Round 3: a role alone joins the one holder of its most specific role, or the one holder
  // the article names, else the others unnamed in that role.
  // The holders of each role before any role alone joins one, as linking's `byRole`.
  const heldHere = new Map<string, Set<Group>>();
  for (const group of groups.values()) {
    for (const member of group.members) {
      if (member.kind !== 'person') continue;
      for (const role of member.roles) heldHere.set(role, (heldHere.get(role) ?? new Set()).add(group));
    }
  }
  const holders = (role: string): Set<Group> => {
    const found = new Set<Group>(heldHere.get(role) ?? []);
    for (const id of reads.withKey(`holder:${role}`)) found.add(groupOf(id, '', true));
    return found;
  };
  const named = [...groups.values()].filter((group) => group.person && group.members.length > 0);
  for (const entity of roleOnly) {
    const folded = foldName(entity.name);
    const roleGroup = () => groups.get(`new\u0000role:${folded}`) ?? groupOf(storedRoleGroup(folded, reads), `role:${folded}`, false);
    if (entity.roles.some((role) => /(?:^|\s)spokes/.test(role))) {
      join(roleGroup(), entity);
      continue;
    }
    const roles = [...entity.roles].sort((a, b) => b.length - a.length);
    let holder: Group | undefined;
    for (const role of roles) {
      const all = [...holders(role)];
      const here = all.filter((group) => named.includes(group));
      holder = all.length === 1 ? all[0] : here.length === 1 ? here[0] : undefined;
      if (holder) break;
    }
    join(holder ?? roleGroup(), entity);
  }

  const links = new Map<string, string>();
  const joined = new Map<string, Entity[]>();
  const created: { entity: StoryEntity; members: Entity[] }[] = [];
  const bases = new Set<string>();
  for (const group of groups.values()) {
    if (group.members.length === 0) continue;
    if (group.stored !== null) {
      checkJoin(reads.entity(group.stored), group.members);
      joined.set(group.stored, group.members);
      for (const member of group.members) links.set(member.key, group.stored);
      continue;
    }
    checkNew(group.members, reads);
    const described = describeGroup(group.members.map((entity) => ({ article, entity })));
    const id = baseId(described.kind, foldName(described.name));
    // A number suffix depends on the order of the groups: only an id nobody has is certain.
    if (reads.idTaken(id) || bases.has(id)) throw new Unsure();
    bases.add(id);
    created.push({ entity: { id, ...described }, members: group.members });
    for (const member of group.members) links.set(member.key, id);
  }
  return { links, joined, created };
}

/** The words of a full name that a surname alone can be: the last, and the first unless it is a given name. */
function ownedWords(words: readonly string[]): string[] {
  const first = words[0] ?? '';
  return [words[words.length - 1] ?? '', ...(givenNameGender(first) ? [] : [first])];
}

/**
 * The stored entity of the people named only by this role: the one under `unnamed:` whose
 * every key is a role alone's (a named holder it joined has names of its own).
 */
function storedRoleGroup(folded: string, reads: LinkReads): string | null {
  // Its members are people who all go by the role, so its id is that name's (a number suffix aside).
  const base = baseId('person', folded);
  const found = reads.withKey(`unnamed:${folded}`).filter((id) => {
    if (id !== base && !(id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1)))) return false;
    const keys = reads.entity(id)?.keys ?? new Set<string>();
    return [...keys].every((key) => key.startsWith('unnamed:') || key.startsWith('roleonly:'));
  });
  if (found.length > 1) throw new Unsure();
  return found[0] ?? null;
}

/**
 * A stored entity the article's entities join stays as it is only when it already holds every
 * key they are stored under (so no other decision that reads those keys changes), every name
 * and role they have, and their kind; and its name stays the most common: every other name
 * they add to stays less common than it (its tally says how common each is).
 */
function checkJoin(stored: StoredStoryEntity | undefined, members: readonly Entity[]): void {
  if (!stored) throw new Unsure();
  const names = new Set([stored.name, ...stored.aliases].map((name) => name.toLowerCase()));
  const roles = new Set(stored.roles);
  // The name is chosen among the named members, or among all when none is named.
  const anyNamed = stored.tally.some((row) => row.named);
  const counts = new Map<string, number>();
  for (const row of stored.tally) {
    if (anyNamed && !row.named) continue;
    const name = strippedName(row.name);
    counts.set(name, (counts.get(name) ?? 0) + row.members);
  }
  for (const member of members) {
    if (member.kind !== stored.kind) throw new Unsure();
    if (!linkKeysOf(member).own.every((key) => stored.keys.has(key))) throw new Unsure();
    if (![member.name, ...member.aliases].every((name) => names.has(name.toLowerCase()))) throw new Unsure();
    if (!member.roles.every((role) => roles.has(role))) throw new Unsure();
    if (member.named && !anyNamed) throw new Unsure();
    if (member.named || !anyNamed) {
      const name = strippedName(member.name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const best = counts.get(stored.name) ?? 0;
  for (const [name, count] of counts) if (name !== stored.name && count >= best) throw new Unsure();
}

/**
 * A new entity must leave every stored decision as it was: no surname alone of it anywhere
 * (a full name would now own it, a thing of that name take it), and no role alone whose
 * holders it would bring from none or one to more.
 */
function checkNew(members: readonly Entity[], reads: LinkReads): void {
  for (const member of members) {
    const folded = foldName(member.name);
    const words = folded.split(' ');
    if (member.kind !== 'person') {
      if (reads.withKey(`single:${folded}`).length > 0) throw new Unsure();
      continue;
    }
    if (member.named && words.length > 1) {
      for (const word of ownedWords(words)) if (reads.withKey(`single:${word}`).length > 0) throw new Unsure();
    }
    if (!member.named) continue;
    for (const role of member.roles) {
      if (reads.withKey(`holder:${role}`).length < 2 && reads.withKey(`roleonly:${role}`).length > 0) throw new Unsure();
    }
  }
}
