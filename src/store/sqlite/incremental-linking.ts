/**
 * Links changed articles into the story without relinking the whole of it. The story
 * entities a change can affect are those the changed articles were linked to before, and
 * those whose members share a linking key (`linkKeysOf`: a folded name, a surname, a role)
 * with the articles' entities now, found through `story_entity_keys`. Those entities' members
 * and the articles' entities are linked again with the same `linkStoryEntities`, and only the
 * rows that differ are written: links, entity rows, their names, keys and counts. Runs inside
 * the article's own transaction.
 *
 * It equals linking the whole story when every entity that linking could join with the
 * changed articles' shares a key with them (its rules join only on these keys), except where
 * the whole-story linking is itself order-dependent: an organisation whose alias another
 * organisation claimed first, and the number suffix of two entities with the same id.
 */
import type Database from 'better-sqlite3';
import { prepareEntityLookupRows } from './entity-lookup-rows.ts';
import type { Entity, EntityKind } from '../../core/article.ts';
import { linkKeysOf, linkStoryEntities } from '../../core/analyse/entity-linking.ts';
import { linkLastArticle, type LastArticlePlan, type LinkReads } from '../../core/analyse/link-last-article.ts';
import { type EntityRow, gatherMember, toEntity } from './rows.ts';

/** What a rewrite or removal of an article can affect, read before it is made. */
export interface Affected {
  /** The story entities its entities are linked to. */
  readonly linked: ReadonlySet<string>;
  /** Those and the story entities that share a linking key with its entities. */
  readonly scope: ReadonlySet<string>;
}

export interface IncrementalLinker {
  /**
   * The story entities a rewrite or removal of `article` can affect on the side of what it
   * says now: those it is linked to, and those that share a linking key with its entities (a
   * surname alone joins the one full name left when the article that named another goes).
   */
  affectedBy(article: string): Affected;
  /**
   * Links `articles` (their entities as stored now; a removed one has none) into the story,
   * given what they affected before. False when the story must be relinked whole instead (it
   * already needs it, its keys are not built yet, or the change reaches too far): the story
   * is then marked as needing it.
   */
  link(articles: readonly string[], before: Affected): boolean;
  /** Marks the story as needing a whole relink: some article was written without linking. */
  markStale(): void;
  /** Rewrites the linking keys of one story entity from its members, when they differ. */
  rewriteKeys(id: string): void;
}

/**
 * Past this many members of other articles to link again, one article's change is left to a
 * whole relink (at the end of the ingest run) instead.
 */
const MAX_MEMBERS = 50_000;

/** The keys of what an entity's decision reads and of what it bears on. */
function bothWays(entity: Entity): string[] {
  const keys = linkKeysOf(entity);
  return [...keys.dependsOn, ...keys.affects];
}

interface StoredEntityRow {
  name: string;
  kind: string;
  aliases: string;
  roles: string;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Prepares every statement once. */
export function prepareIncrementalLinker(db: Database.Database): IncrementalLinker {
  const state = db.prepare('SELECT stale, keys_built FROM story_link_state WHERE id = 1');
  const setStale = db.prepare('UPDATE story_link_state SET stale = 1 WHERE id = 1 AND stale = 0');
  const linkedFrom = db.prepare('SELECT DISTINCT story_entity FROM entity_links WHERE article = ?').pluck();
  const entitiesOf = db.prepare('SELECT * FROM entities WHERE article = ? ORDER BY key');
  const byKey = db.prepare('SELECT story_entity FROM story_entity_keys WHERE link_key = ?').pluck();
  const membersOf = db.prepare(`SELECT e.*, l.story_entity AS linked_to FROM entity_links l
    JOIN entities e ON e.article = l.article AND e.key = l.entity_key WHERE l.story_entity = ?`);
  const storedEntity = db.prepare('SELECT name, kind, aliases, roles FROM story_entities WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM story_entities WHERE id = ?').pluck();
  const upsertEntity = db.prepare(`INSERT INTO story_entities (id, name, kind, aliases, roles) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, roles = excluded.roles`);
  const deleteEntity = db.prepare('DELETE FROM story_entities WHERE id = ?');
  const lookupRows = prepareEntityLookupRows(db);
  const upsertLink = db.prepare('INSERT OR REPLACE INTO entity_links VALUES (?, ?, ?)');
  const keysOf = db.prepare('SELECT link_key FROM story_entity_keys WHERE story_entity = ?').pluck();
  const deleteKeys = db.prepare('DELETE FROM story_entity_keys WHERE story_entity = ?');
  const insertKey = db.prepare('INSERT OR IGNORE INTO story_entity_keys VALUES (?, ?)');
  // Written only when a count moved, so an entity whose members did not change is not touched.
  const recount = db.prepare(`UPDATE story_entities SET article_count = @articles, quote_count = @quotes
    WHERE id = @id AND (article_count != @articles OR quote_count != @quotes)`);
  const tallyOf = db.prepare('SELECT name, named, members FROM story_entity_tally WHERE story_entity = ? ORDER BY name, named');
  const deleteTally = db.prepare('DELETE FROM story_entity_tally WHERE story_entity = ?');
  const addTally = db.prepare(`INSERT INTO story_entity_tally VALUES (?, ?, ?, ?)
    ON CONFLICT (story_entity, name, named) DO UPDATE SET members = members + excluded.members`);
  const laterArticle = db.prepare("SELECT 1 FROM articles WHERE status = 'current' AND id > ? LIMIT 1").pluck();
  const quotesBy = db.prepare('SELECT count(*) FROM quotes WHERE article = ? AND speaker = ?').pluck();
  const addCounts = db.prepare('UPDATE story_entities SET article_count = article_count + ?, quote_count = quote_count + ? WHERE id = ?');
  const counts = db.prepare(`SELECT
      (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = @id) AS articles,
      (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
        WHERE l.story_entity = @id) AS quotes`);

  /** Adds the story entities stored under `keys` to `into`, each key looked up once per linking. */
  const lookUp = (keys: Iterable<string>, into: Set<string>, seen: Set<string>): void => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      for (const id of byKey.all(key) as string[]) into.add(id);
    }
  };

  const markStale = (): void => {
    setStale.run();
  };

  /** Writes the tally of `id`'s members by name when it differs from the stored one. */
  const writeTally = (id: string, members: Iterable<Entity>): void => {
    const wanted = new Map<string, { name: string; named: number; members: number }>();
    for (const member of members) {
      const named = member.named ? 1 : 0;
      const key = `${member.name}\u0000${named}`;
      const row = wanted.get(key) ?? { name: member.name, named, members: 0 };
      row.members += 1;
      wanted.set(key, row);
    }
    const stored = tallyOf.all(id) as { name: string; named: number; members: number }[];
    if (stored.length === wanted.size && stored.every((row) => wanted.get(`${row.name}\u0000${row.named}`)?.members === row.members)) return;
    deleteTally.run(id);
    for (const row of wanted.values()) addTally.run(id, row.name, row.named, row.members);
  };

  /** Writes `wanted` as the keys of `id` when they differ from the stored ones. */
  const writeKeys = (id: string, wanted: ReadonlySet<string>): void => {
    const stored = keysOf.all(id) as string[];
    if (stored.length === wanted.size && stored.every((key) => wanted.has(key))) return;
    deleteKeys.run(id);
    for (const key of wanted) insertKey.run(key, id);
  };

  /** The stored story read by index for `linkLastArticle`, each key and entity read once per linking. */
  const linkReads = (): LinkReads => {
    const keyed = new Map<string, string[]>();
    const entities = new Map<string, ReturnType<LinkReads['entity']>>();
    return {
      withKey(key) {
        let ids = keyed.get(key);
        if (!ids) {
          ids = byKey.all(key) as string[];
          keyed.set(key, ids);
        }
        return ids;
      },
      entity(id) {
        if (!entities.has(id)) {
          const row = storedEntity.get(id) as StoredEntityRow | undefined;
          entities.set(
            id,
            row && {
              id,
              name: row.name,
              kind: row.kind as EntityKind,
              aliases: JSON.parse(row.aliases) as string[],
              roles: JSON.parse(row.roles) as string[],
              keys: new Set(keysOf.all(id) as string[]),
              tally: (tallyOf.all(id) as { name: string; named: number; members: number }[]).map((tally) => ({ ...tally, named: tally.named === 1 })),
            },
          );
        }
        return entities.get(id);
      },
      idTaken: (id) => exists.get(id) === 1,
    };
  };

  /** Writes a new article's links, its new entities and the counts of those it joins. */
  const apply = (article: string, plan: LastArticlePlan): void => {
    const quotesOf = (members: readonly Entity[]) => members.reduce((sum, member) => sum + (quotesBy.get(article, member.key) as number), 0);
    for (const { entity, members } of plan.created) {
      upsertEntity.run(entity.id, entity.name, entity.kind, JSON.stringify(entity.aliases), JSON.stringify(entity.roles));
      lookupRows.write(entity, false);
      for (const key of new Set(members.flatMap((member) => linkKeysOf(member).own))) insertKey.run(key, entity.id);
      addCounts.run(1, quotesOf(members), entity.id);
    }
    for (const [id, members] of plan.joined) addCounts.run(1, quotesOf(members), id);
    for (const [id, members] of [...plan.joined, ...plan.created.map(({ entity, members }) => [entity.id, members] as const)]) {
      for (const member of members) addTally.run(id, member.name, member.named ? 1 : 0, 1);
    }
    // After the entities they point to.
    for (const [key, id] of plan.links) upsertLink.run(article, key, id);
  };

  return {
    affectedBy(article) {
      const linked = new Set(linkedFrom.all(article) as string[]);
      const scope = new Set(linked);
      const seen = new Set<string>();
      for (const row of entitiesOf.all(article) as EntityRow[]) lookUp(bothWays(toEntity(row)), scope, seen);
      return { linked, scope };
    },
    markStale,

    rewriteKeys(id) {
      // Members read one row at a time, each way of writing one decoded once: an entity of a
      // 100,000-article story has up to some 100,000 members, mostly written alike, and holding
      // them all as rows and entities was the last rise of a first ingest's peak memory.
      const wanted = new Set<string>();
      const decoded = new Map<string, Entity>();
      const members: Entity[] = [];
      for (const row of membersOf.iterate(id) as IterableIterator<EntityRow>) {
        const form = `${row.name}\u0000${row.kind}\u0000${row.named}\u0000${row.aliases}\u0000${row.roles}`;
        let member = decoded.get(form);
        if (!member) {
          member = toEntity(row);
          decoded.set(form, member);
          for (const key of linkKeysOf(member).own) wanted.add(key);
        }
        members.push(member);
      }
      writeKeys(id, wanted);
      writeTally(id, members);
    },

    link(articles, before) {
      const current = state.get() as { stale: number; keys_built: number };
      if (current.stale === 1 || current.keys_built === 0) {
        markStale();
        return false;
      }
      const changed = new Set(articles);
      // A new article that sorts last is decided by the keys of what it names, when it can be.
      const [only] = articles;
      if (articles.length === 1 && only !== undefined && before.linked.size === 0 && before.scope.size === 0 && !laterArticle.get(only)) {
        const plan = linkLastArticle(only, (entitiesOf.all(only) as EntityRow[]).map(toEntity), linkReads());
        if (plan) {
          apply(only, plan);
          return true;
        }
      }
      const byArticle = new Map<string, Entity[]>();
      const scope = new Set(before.scope);
      const seen = new Set<string>();
      for (const article of changed) {
        const entities = (entitiesOf.all(article) as EntityRow[]).map(toEntity);
        byArticle.set(article, entities);
        for (const entity of entities) lookUp(bothWays(entity), scope, seen);
      }
      // Every member of the scope is linked again, so whatever its decision reads joins the
      // scope too, until nothing new does; a scope that grows past the limit is left to a
      // whole relink, which then costs less.
      const linkedTo = new Map<string, string>();
      let members = 0;
      for (let fresh = [...scope]; fresh.length > 0; ) {
        const next = new Set<string>();
        for (const id of fresh) {
          for (const row of membersOf.iterate(id) as IterableIterator<EntityRow & { linked_to: string }>) {
            const entity = gatherMember(row, { changed, linkedTo, byArticle });
            if (!entity) continue;
            members += 1;
            lookUp(linkKeysOf(entity).dependsOn, next, seen);
          }
        }
        fresh = [...next].filter((id) => !scope.has(id));
        for (const id of fresh) scope.add(id);
        if (members > MAX_MEMBERS) {
          markStale();
          return false;
        }
      }
      // The whole-story linking's order: articles by id, each one's entities by key.
      const ordered = [...byArticle]
        .sort(([a], [b]) => byString(a, b))
        .map(([id, entities]) => ({ id, entities: entities.sort((a, b) => byString(a.key, b.key)) }));
      const story = linkStoryEntities(ordered, { taken: (id) => !scope.has(id) && exists.get(id) === 1 });

      const touched = new Set(before.linked);
      const wanted = new Set<string>();
      for (const entity of story.entities) {
        wanted.add(entity.id);
        const aliases = JSON.stringify(entity.aliases);
        const roles = JSON.stringify(entity.roles);
        const stored = storedEntity.get(entity.id) as StoredEntityRow | undefined;
        if (stored && stored.name === entity.name && stored.kind === entity.kind && stored.aliases === aliases && stored.roles === roles) continue;
        upsertEntity.run(entity.id, entity.name, entity.kind, aliases, roles);
        lookupRows.write(entity, stored !== undefined);
        touched.add(entity.id);
      }
      for (const { id: article, entities } of ordered) {
        for (const entity of entities) {
          const id = story.links.of(article, entity.key);
          const stored = linkedTo.get(`${article}\u0000${entity.key}`);
          if (id === undefined || stored === id) continue;
          upsertLink.run(article, entity.key, id);
          touched.add(id);
          if (stored !== undefined) touched.add(stored);
        }
      }
      // An entity of the scope that no member joins any more: its links have all moved.
      for (const id of scope) {
        if (wanted.has(id)) continue;
        deleteEntity.run(id);
        touched.delete(id);
      }
      // The keys, tallies and counts of the entities whose members changed, from the members in hand.
      const keys = new Map<string, Set<string>>();
      const membersOfTouched = new Map<string, Entity[]>();
      for (const { id: article, entities } of ordered) {
        for (const entity of entities) {
          const id = story.links.of(article, entity.key);
          if (id === undefined || !touched.has(id)) continue;
          const set = keys.get(id) ?? new Set<string>();
          for (const key of linkKeysOf(entity).own) set.add(key);
          keys.set(id, set);
          const list = membersOfTouched.get(id);
          if (list) list.push(entity);
          else membersOfTouched.set(id, [entity]);
        }
      }
      for (const id of touched) {
        if (!wanted.has(id)) continue;
        const { articles: articleCount, quotes } = counts.get({ id }) as { articles: number; quotes: number };
        recount.run({ id, articles: articleCount, quotes });
        writeKeys(id, keys.get(id) ?? new Set());
        writeTally(id, membersOfTouched.get(id) ?? []);
      }
      return true;
    },
  };
}
