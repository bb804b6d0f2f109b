/**
 * The story's canonical entities and the links from each article's entities to them, saved
 * whole: after a run of many changes, or to recover a story a stopped run left unlinked (a
 * few changes are linked one article at a time: incremental-linking.ts). The linking is a
 * function of all current articles, but saving it writes only what differs from the rows
 * already stored: adding one article to a story of 100,000 writes that article's
 * links and the rows of the entities it names (or merges), not the story's 1.27M links again.
 * Each entity's article and quotation counts are kept in its row, recounted when its links
 * change, so listing the entities is one read, not a subquery per entity.
 */
import type Database from 'better-sqlite3';
import { prepareEntityLookupRows } from './entity-lookup-rows.ts';
import type { StoryEntities } from '../../core/analyse/entity-linking.ts';
import type { StoryLinks } from '../../core/analyse/story-links.ts';
import type { LinkedEntity, LinkedStory } from '../../core/analyse/story-passes.ts';
import type { ArticleEntities, RoleHolderRecord, StoryEntityRecord } from '../../core/ports/store.ts';
import { type RoleHolderRow, STORY_ENTITY_ORDER, type StoryEntityRow, toRoleHolderRecord, toStoryEntityRecord } from './rows.ts';
import type { IncrementalLinker } from './incremental-linking.ts';

export interface StoryEntityStatements {
  /** Makes the stored story equal to `story`, writing only the rows that differ; the caller wraps it in a transaction. */
  save(story: StoryEntities): void;
  /**
   * `save` of the story `story.linkOf` links, reading `articles` (every current article's
   * entities, a chunk at a time) to make each one's links as they are compared and written:
   * the story's links are never all in memory. The caller wraps it in a transaction.
   */
  saveLinked(story: LinkedStory, articles: Iterable<ArticleEntities>): void;
  list(): StoryEntityRecord[];
  /** The entities that speak some quotation, in `list()` order. */
  quoted(): StoryEntityRecord[];
  /** The entities under any of these name keys, role stems or ids, in `list()` order. */
  byKey(names: readonly string[], roleStems: readonly string[], ids?: readonly string[]): StoryEntityRecord[];
  /** The people under these role stems, by stem and then in `list()` order: ids, roles and counts only. */
  roleHolders(roleStems: readonly string[]): RoleHolderRecord[];
  /** The highest prominence among entities of a kind, and those named in at least `minArticles` articles, in `list()` order. */
  prominent(kind: string, minArticles: number): { top: number; entities: StoryEntityRecord[] };
  /** True when some current article's entities are not linked (kept as a flag: see migration 8). */
  anyUnlinked(): boolean;
}

/** Articles whose stored and wanted links are compared at once when the story is saved whole. */
const LINK_CHUNK = 1_000;

/** Links written per statement: SQLite holds a statement's RETURNING rows until it is done. */
const LINKS_PER_STATEMENT = 1_000;

/** One article's wanted links: its entity keys and, in the same order, their story entities. */
/** One article's wanted links: its entity keys and, in the same order, their story entities. */
export interface ArticleLinks {
  readonly article: string;
  readonly keys: readonly string[];
  readonly ids: readonly string[];
}

interface LinkKey {
  article: string;
  entity_key: string;
}

const linkKey = (article: string, entityKey: string): string => `${article}\u0000${entityKey}`;

/**
 * The strings as SQLite stores them bound alone: a lone surrogate (never in decoded text, but
 * nothing upstream promises it) as U+FFFD, as V8 encodes it to UTF-8, rather than the surrogate's
 * own bytes, which is what SQLite makes of its JSON escape. The same rows when none has one.
 */
function asBound<T extends readonly string[]>(rows: readonly T[]): readonly T[] {
  if (!/\\u[dD][89a-fA-F]/.test(JSON.stringify(rows))) return rows;
  return rows.map(
    (row) => row.map((text) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')) as unknown as T,
  );
}

interface LinkRow {
  article: string;
  entity_key: string;
  story_entity: string;
}

/** Prepares every statement once. */
export function prepareStoryEntities(db: Database.Database, linker: Pick<IncrementalLinker, 'rewriteKeys'>): StoryEntityStatements {
  const storedEntities = db.prepare('SELECT id, name, kind, aliases, roles FROM story_entities');
  const storedLinksOf = db.prepare('SELECT article, entity_key, story_entity FROM entity_links WHERE article IN (SELECT value FROM json_each(?))');
  const linkedArticles = db.prepare('SELECT DISTINCT article FROM entity_links').pluck();
  const deleteLinksOf = db.prepare('DELETE FROM entity_links WHERE article = ? RETURNING entity_key, story_entity');
  // Migration 17's triggers on entity_links mark a link's story entity when the entity it links
  // speaks some quotation. Fired on each of the 1.3M links of a first 100k relink, each write
  // kept a statement journal of its pages; the save instead lifts them for its link writes and
  // marks, a chunk at a time, the story entities those triggers would have marked, as often.
  const linkTriggers = db.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entity_links' AND name LIKE 'entity_links_mark_speaker_%' ORDER BY name",
  );
  // One row per link written, moved or dropped: [story entity, article, entity key].
  const markSpeakers = db.prepare(`INSERT INTO quote_speaker_changes (speaker, mark)
    SELECT json_extract(e.value, '$[0]'), count(*) FROM json_each(?) e
    WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.article = json_extract(e.value, '$[1]') AND q.speaker = json_extract(e.value, '$[2]'))
    GROUP BY 1
    ON CONFLICT (speaker) DO UPDATE SET mark = mark + excluded.mark`);
  const upsertEntity = db.prepare(`INSERT INTO story_entities (id, name, kind, aliases, roles) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, roles = excluded.roles`);
  const deleteEntity = db.prepare('DELETE FROM story_entities WHERE id = ?');
  const lookupRows = prepareEntityLookupRows(db);
  // Links only to entities of current articles: linking may lag a removal by a moment. A chunk's
  // links go in one statement, as JSON [[article, key, story entity], …]: a statement per link
  // cost twice the CPU of the rows it writes (131,652 links at 10k: 1.4 against 0.64 s).
  const upsertLinks = db.prepare(`INSERT OR REPLACE INTO entity_links
    SELECT l.value ->> 0, l.value ->> 1, l.value ->> 2 FROM json_each(?) l
    WHERE EXISTS (SELECT 1 FROM entities WHERE article = l.value ->> 0 AND key = l.value ->> 1)
    RETURNING article, entity_key`);
  const deleteLink = db.prepare('DELETE FROM entity_links WHERE article = ? AND entity_key = ?');
  // One entity's counts, by its links (index entity_links_by_story_entity) and its articles' quotations.
  const recount = db.prepare(`UPDATE story_entities SET
      article_count = (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = @id),
      quote_count = (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
        WHERE l.story_entity = @id)
    WHERE id = @id`);
  const list = db.prepare(`SELECT * FROM story_entities ORDER BY ${STORY_ENTITY_ORDER}`);
  const quoted = db.prepare(`SELECT * FROM story_entities WHERE quote_count > 0 ORDER BY ${STORY_ENTITY_ORDER}`);
  const byKey = db.prepare(`SELECT * FROM story_entities WHERE id IN (
      SELECT story_entity FROM story_entity_names WHERE name_key IN (SELECT value FROM json_each(@names))
      UNION SELECT story_entity FROM story_entity_roles WHERE role_stem IN (SELECT value FROM json_each(@roles))
      UNION SELECT value FROM json_each(@ids))
    ORDER BY ${STORY_ENTITY_ORDER}`);
  // By the primary key of story_entity_roles (role_stem first), then each holder by its id; names
  // and aliases are not read. CROSS JOIN keeps that order: by kind the planner would scan every person.
  const holdersOf = db.prepare(`SELECT r.role_stem AS stem, e.id, e.roles, e.article_count, e.quote_count
    FROM story_entity_roles r CROSS JOIN story_entities e ON e.id = r.story_entity
    WHERE r.role_stem IN (SELECT value FROM json_each(?)) AND e.kind = 'person'
    ORDER BY r.role_stem, ${STORY_ENTITY_ORDER}`);
  // Both by the index on (kind, article_count, quote_count).
  const topOfKind = db.prepare('SELECT coalesce(max(article_count * 3 + quote_count), 0) FROM story_entities WHERE kind = ?').pluck();
  const namedInMany = db.prepare(`SELECT * FROM story_entities WHERE kind = ? AND article_count >= ? ORDER BY ${STORY_ENTITY_ORDER}`);
  const unlinked = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM entities e WHERE NOT EXISTS
    (SELECT 1 FROM entity_links l WHERE l.article = e.article AND l.entity_key = e.key))`)
    .pluck();
  const keysBuilt = db.prepare('SELECT keys_built FROM story_link_state WHERE id = 1').pluck();
  const setState = db.prepare('UPDATE story_link_state SET stale = ?, keys_built = 1 WHERE id = 1');
  const stale = db.prepare('SELECT stale FROM story_link_state WHERE id = 1').pluck();

  /** Makes the stored story equal to `entities` and the wanted links, writing only the rows that differ. */
  const saveAll = (entities: readonly LinkedEntity[], links: Iterable<ArticleLinks>): void => {
    // Entities whose counts may have moved: any whose links were written, and any new one.
    const touched = new Set<string>();
    const stored = new Map<string, string>();
    for (const row of storedEntities.iterate() as Iterable<Omit<StoryEntityRow, 'article_count' | 'quote_count'>>) {
      stored.set(row.id, entityFingerprint(row.name, row.kind, row.aliases, row.roles));
    }
    const wanted = new Set<string>();
    for (const entity of entities) {
      wanted.add(entity.id);
      const aliases = JSON.stringify(entity.aliases);
      const roles = JSON.stringify(entity.roles);
      const before = stored.get(entity.id);
      if (before === entityFingerprint(entity.name, entity.kind, aliases, roles)) continue;
      upsertEntity.run(entity.id, entity.name, entity.kind, aliases, roles);
      lookupRows.write(entity, before !== undefined);
      touched.add(entity.id);
    }

    // Links, a chunk of articles at a time, so that neither the stored links nor the wanted
    // ones are ever all in memory as maps (1.3M of them at 100k articles): each wanted link
    // is written only when it differs from the stored one. The quoted-speaker triggers are
    // lifted meanwhile; each chunk marks the story entities they would have marked, as often.
    const wantedArticles = new Set<string>();
    const triggers = linkTriggers.all() as { name: string; sql: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
    let changed: [string, string, string][] = [];
    const mark = () => {
      if (changed.length > 0) markSpeakers.run(JSON.stringify(changed));
      changed = [];
    };
    for (const chunk of chunks(links, LINK_CHUNK)) {
      const storedByArticle = new Map<string, Map<string, string>>();
      for (const row of storedLinksOf.all(JSON.stringify(chunk.map(({ article }) => article))) as LinkRow[]) {
        let links = storedByArticle.get(row.article);
        if (!links) {
          links = new Map();
          storedByArticle.set(row.article, links);
        }
        links.set(row.entity_key, row.story_entity);
      }
      // The chunk's links that differ from the stored ones: [article, key, story entity], and the story entity before.
      const writes: [string, string, string][] = [];
      const replaced: (string | undefined)[] = [];
      for (const wanted of chunk) {
        const article = wanted.article;
        wantedArticles.add(article);
        const links = storedByArticle.get(article);
        wanted.keys.forEach((entityKey, n) => {
          const storyEntity = wanted.ids[n] ?? '';
          const before = links?.get(entityKey);
          links?.delete(entityKey);
          if (before === storyEntity) return;
          writes.push([article, entityKey, storyEntity]);
          replaced.push(before);
          touched.add(storyEntity);
          if (before !== undefined) touched.add(before);
        });
        for (const [entityKey, storyEntity] of links ?? []) {
          if (deleteLink.run(article, entityKey).changes > 0) changed.push([storyEntity, article, entityKey]);
          touched.add(storyEntity);
        }
      }
      if (writes.length > 0) {
        const rows = asBound(writes);
        // Not written when its entity is gone: then nothing changed, and nothing is marked.
        const written = new Set<string>();
        for (let from = 0; from < rows.length; from += LINKS_PER_STATEMENT) {
          const slice = JSON.stringify(rows.slice(from, from + LINKS_PER_STATEMENT));
          for (const row of upsertLinks.all(slice) as LinkKey[]) written.add(linkKey(row.article, row.entity_key));
        }
        rows.forEach(([article, entityKey, storyEntity], n) => {
          if (!written.has(linkKey(article, entityKey))) return;
          changed.push([storyEntity, article, entityKey]);
          const before = replaced[n];
          if (before !== undefined) changed.push([before, article, entityKey]);
        });
      }
      mark();
    }
    // Articles with stored links and none wanted (removed ones, or whose entities are gone).
    const leftOver = (linkedArticles.all() as string[]).filter((article) => !wantedArticles.has(article));
    for (const article of leftOver) {
      for (const row of deleteLinksOf.all(article) as { entity_key: string; story_entity: string }[]) {
        changed.push([row.story_entity, article, row.entity_key]);
        touched.add(row.story_entity);
      }
      if (changed.length >= LINK_CHUNK) mark();
    }
    mark();
    // Back before anything else is written (an entity deleted below cascades to its links).
    for (const { sql } of triggers) db.exec(sql);

    // Entities no longer in the story go last, once nothing links to them.
    for (const id of stored.keys()) {
      if (wanted.has(id)) continue;
      deleteEntity.run(id);
      touched.delete(id);
    }
    for (const id of touched) recount.run({ id });
    // Linking keys follow the members; a database from before migration 8 builds them all once.
    for (const id of keysBuilt.get() === 1 ? touched : wanted) linker.rewriteKeys(id);
    setState.run(unlinked.get() === 1 ? 1 : 0);
  };

  return {
    save(story) {
      saveAll(story.entities, linksOfStory(story.links));
    },

    saveLinked(story, articles) {
      saveAll(story.entities, linksByRule(story, articles));
    },

    anyUnlinked() {
      return stale.get() === 1;
    },

    list() {
      return (list.all() as StoryEntityRow[]).map(toStoryEntityRecord);
    },

    quoted() {
      return (quoted.all() as StoryEntityRow[]).map(toStoryEntityRecord);
    },

    byKey(names, roleStems, ids = []) {
      return (byKey.all({ names: JSON.stringify(names), roles: JSON.stringify(roleStems), ids: JSON.stringify(ids) }) as StoryEntityRow[]).map(
        toStoryEntityRecord,
      );
    },

    roleHolders(roleStems) {
      if (roleStems.length === 0) return [];
      return (holdersOf.all(JSON.stringify(roleStems)) as RoleHolderRow[]).map(toRoleHolderRecord);
    },

    prominent(kind, minArticles) {
      return { top: topOfKind.get(kind) as number, entities: (namedInMany.all(kind, minArticles) as StoryEntityRow[]).map(toStoryEntityRecord) };
    },
  };
}

/** A story's links article by article, from the links it holds (both engines' saves). */
export function* linksOfStory(links: StoryLinks): Generator<ArticleLinks> {
  for (const article of links.articles()) {
    const held = links.linksOf(article);
    if (held) yield { article, ...held };
  }
}

/** One article's links as the rule decides them (both engines' saves). */
export function articleLinksByRule(story: LinkedStory, { id, entities }: ArticleEntities): ArticleLinks {
  const keys: string[] = [];
  const ids: string[] = [];
  for (const entity of entities) {
    const storyEntity = story.linkOf(id, entity);
    if (storyEntity === undefined) continue;
    keys.push(entity.key);
    ids.push(storyEntity);
  }
  return { article: id, keys, ids };
}

/** Each article's links as the rule decides them, made as the articles are read. */
function* linksByRule(story: LinkedStory, articles: Iterable<ArticleEntities>): Generator<ArticleLinks> {
  for (const article of articles) yield articleLinksByRule(story, article);
}

/** The items in lists of up to `size`, in order. */
function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The stored columns of an entity as one string, to tell whether its row must be written. */
function entityFingerprint(name: string, kind: string, aliases: string, roles: string): string {
  return `${name}\u0000${kind}\u0000${aliases}\u0000${roles}`;
}
