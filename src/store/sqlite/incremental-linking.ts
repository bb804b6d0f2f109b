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
import type { Entity } from '../../core/article.ts';
import { linkKeysOf, linkStoryEntities } from '../../core/analyse/entity-linking.ts';
import { type EntityRow, toEntity } from './rows.ts';

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

  /** Writes `wanted` as the keys of `id` when they differ from the stored ones. */
  const writeKeys = (id: string, wanted: ReadonlySet<string>): void => {
    const stored = keysOf.all(id) as string[];
    if (stored.length === wanted.size && stored.every((key) => wanted.has(key))) return;
    deleteKeys.run(id);
    for (const key of wanted) insertKey.run(key, id);
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
      const wanted = new Set<string>();
      for (const row of membersOf.iterate(id) as IterableIterator<EntityRow>) for (const key of linkKeysOf(toEntity(row)).own) wanted.add(key);
      writeKeys(id, wanted);
    },

    link(articles, before) {
      const current = state.get() as { stale: number; keys_built: number };
      if (current.stale === 1 || current.keys_built === 0) {
        markStale();
        return false;
      }
      const changed = new Set(articles);
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
            if (changed.has(row.article)) continue;
            const entity = toEntity(row);
            members += 1;
            linkedTo.set(`${row.article}\u0000${row.key}`, row.linked_to);
            const list = byArticle.get(row.article);
            if (list) list.push(entity);
            else byArticle.set(row.article, [entity]);
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
      // The keys and counts of the entities whose members changed, from the members in hand.
      const keys = new Map<string, Set<string>>();
      for (const { id: article, entities } of ordered) {
        for (const entity of entities) {
          const id = story.links.of(article, entity.key);
          if (id === undefined || !touched.has(id)) continue;
          const set = keys.get(id) ?? new Set<string>();
          for (const key of linkKeysOf(entity).own) set.add(key);
          keys.set(id, set);
        }
      }
      for (const id of touched) {
        if (!wanted.has(id)) continue;
        const { articles: articleCount, quotes } = counts.get({ id }) as { articles: number; quotes: number };
        recount.run({ id, articles: articleCount, quotes });
        writeKeys(id, keys.get(id) ?? new Set());
      }
      return true;
    },
  };
}
