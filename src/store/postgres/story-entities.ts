/**
 * The story's canonical entities and the links to them, in PostgreSQL: as the SQLite engine
 * (sqlite/story-entities.ts), saving writes only the rows that differ from those stored, and
 * keeps each entity's article and quotation counts in its row. Writes are batched into a few
 * statements (arrays as parameters) rather than one round trip per row.
 */
import type pg from 'pg';
import type { Entity } from '../../core/article.ts';
import { linkKeysOf, type StoryEntity } from '../../core/analyse/entity-linking.ts';
import type { LinkedStory } from '../../core/analyse/story-passes.ts';
import type { ArticleEntities, RoleHolderRecord, StoryEntityRecord } from '../../core/ports/store.ts';
import {
  type EntityRow,
  type RoleHolderRow,
  STORY_ENTITY_ORDER,
  type StoryEntityRow,
  toEntity,
  toRoleHolderRecord,
  toStoryEntityRecord,
} from '../sqlite/rows.ts';
import { lookupKeysOf } from '../../core/retrieve/entity-index.ts';
import { type ArticleLinks, articleLinksByRule } from '../sqlite/story-entities.ts';
import type { Queryable } from './transaction.ts';

/** Namespaces the advisory lock on the story (one per database or schema). */
const STORY_LOCK = 716_018;

/**
 * Takes the story's lock until the transaction ends: whole saves and articles linked one at a
 * time (incremental-linking.ts) take turns, each deciding from rows no other is changing.
 */
export async function lockStory(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [STORY_LOCK]);
}

/** Articles whose stored and wanted links are compared at once when the story is saved whole. */
export const LINK_CHUNK = 1_000;

/** Each article's links as the rule decides them, made as the articles are read. */
export async function* linksByRule(story: LinkedStory, articles: AsyncIterable<ArticleEntities>): AsyncGenerator<ArticleLinks> {
  for await (const article of articles) yield articleLinksByRule(story, article);
}

/** Up to `size` items of `items` at a time. */
async function* chunksOf<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The story to save: its entities, and every current article's links, article by article. */
export interface StoryToSave {
  readonly entities: readonly StoryEntityWrite[];
  readonly links: Iterable<ArticleLinks> | AsyncIterable<ArticleLinks>;
}

/**
 * Makes the stored story equal to `story` inside the caller's transaction. The links go a
 * chunk of articles at a time, as the SQLite engine's save does: each chunk's stored links are
 * read and compared with the wanted ones, and only the differences written, so neither the
 * stored links nor the wanted ones are ever all in memory (1.3M of them at 100k articles).
 */
export async function saveStoryEntities(client: pg.PoolClient, story: StoryToSave, chunk: number = LINK_CHUNK): Promise<void> {
  // One saver at a time: two replicas relinking at once would each diff against the same rows.
  await lockStory(client);
  await client.query('LOCK TABLE story_entities IN SHARE ROW EXCLUSIVE MODE');
  const touched = new Set<string>();
  const stored = new Map<string, string>();
  for (const row of (await client.query<StoryEntityRow>('SELECT id, name, kind, aliases, roles FROM story_entities')).rows) {
    stored.set(row.id, fingerprint(row.name, row.kind, row.aliases, row.roles));
  }
  const wanted = new Set<string>();
  const upserts: StoryEntityWrite[] = [];
  const renamed: string[] = [];
  for (const entity of story.entities) {
    wanted.add(entity.id);
    const before = stored.get(entity.id);
    if (before === fingerprint(entity.name, entity.kind, JSON.stringify(entity.aliases), JSON.stringify(entity.roles))) continue;
    upserts.push(entity);
    if (before !== undefined) renamed.push(entity.id);
    touched.add(entity.id);
  }
  await writeEntityRows(client, upserts, renamed);

  const wantedArticles = new Set<string>();
  for await (const articles of chunksOf(story.links, Math.max(1, chunk))) {
    const storedByArticle = new Map<string, Map<string, string>>();
    const { rows } = await client.query<{ article: string; entity_key: string; story_entity: string }>(
      'SELECT article, entity_key, story_entity FROM entity_links WHERE article = ANY($1::text[])',
      [articles.map(({ article }) => article)],
    );
    for (const row of rows) {
      let links = storedByArticle.get(row.article);
      if (!links) {
        links = new Map();
        storedByArticle.set(row.article, links);
      }
      links.set(row.entity_key, row.story_entity);
    }
    const linkWrites: { article: string; key: string; story: string }[] = [];
    const gone: { article: string; key: string }[] = [];
    for (const { article, keys, ids } of articles) {
      wantedArticles.add(article);
      const links = storedByArticle.get(article);
      keys.forEach((entityKey, n) => {
        const storyEntity = ids[n] ?? '';
        const before = links?.get(entityKey);
        links?.delete(entityKey);
        if (before === storyEntity) return;
        linkWrites.push({ article, key: entityKey, story: storyEntity });
        touched.add(storyEntity);
        if (before !== undefined) touched.add(before);
      });
      for (const [entityKey, storyEntity] of links ?? []) {
        gone.push({ article, key: entityKey });
        touched.add(storyEntity);
      }
    }
    if (linkWrites.length > 0) {
      // Links only to entities of current articles: linking may lag a removal by a moment.
      await client.query(
        `INSERT INTO entity_links (article, entity_key, story_entity)
         SELECT w.article, w.key, w.story FROM jsonb_to_recordset($1::jsonb) AS w (article text, key text, story text)
         WHERE EXISTS (SELECT 1 FROM entities e WHERE e.article = w.article AND e.key = w.key)
         ON CONFLICT (article, entity_key) DO UPDATE SET story_entity = excluded.story_entity`,
        [JSON.stringify(linkWrites)],
      );
    }
    if (gone.length > 0) {
      await client.query(
        `DELETE FROM entity_links l USING jsonb_to_recordset($1::jsonb) AS g (article text, key text)
         WHERE l.article = g.article AND l.entity_key = g.key`,
        [JSON.stringify(gone)],
      );
    }
  }
  // Articles with stored links and none wanted (removed ones, or whose entities are gone).
  const linked = await client.query<{ article: string }>('SELECT DISTINCT article FROM entity_links');
  const leftOver = linked.rows.map((row) => row.article).filter((article) => !wantedArticles.has(article));
  for (let i = 0; i < leftOver.length; i += chunk) {
    const { rows } = await client.query<{ story_entity: string }>('DELETE FROM entity_links WHERE article = ANY($1::text[]) RETURNING story_entity', [
      leftOver.slice(i, i + chunk),
    ]);
    for (const row of rows) touched.add(row.story_entity);
  }
  const dropped = [...stored.keys()].filter((id) => !wanted.has(id));
  if (dropped.length > 0) await client.query('DELETE FROM story_entities WHERE id = ANY($1::text[])', [dropped]);
  for (const id of dropped) touched.delete(id);
  await recountEntities(client, [...touched]);
  // Linking keys and name tallies follow the members; a database whose keys are not built yet
  // (migration 7 on a story) builds them all once.
  const built = (await client.query<{ built: boolean }>('SELECT keys_built AS built FROM store_state WHERE id = 1')).rows[0]?.built === true;
  const rewrite = built ? [...touched] : [...wanted];
  const members = new Map<string, Entity[]>(rewrite.map((id) => [id, []]));
  if (rewrite.length > 0) {
    const { rows } = await client.query<EntityRow & { story_entity: string }>(
      `SELECT l.story_entity, e.article, e.key, e.name, e.kind, e.aliases, e.roles, e.named FROM entity_links l
       JOIN entities e ON e.article = l.article AND e.key = l.entity_key WHERE l.story_entity = ANY($1::text[])`,
      [rewrite],
    );
    for (const row of rows) members.get(row.story_entity)?.push(toEntity(row));
  }
  await writeKeysAndTallies(client, members);
  if (!built) await client.query('UPDATE store_state SET keys_built = TRUE WHERE id = 1');
}

/**
 * Recounts the articles and quotations of these entities from their links, writing only the
 * rows whose counts moved. All at once, in joins: a subquery per entity was planned as a scan of
 * every quotation per entity on tables not yet analysed (44 s for 10k entities).
 */
export async function recountEntities(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `WITH touched AS (SELECT DISTINCT unnest($1::text[]) AS id),
     links AS (SELECT l.story_entity, l.article, l.entity_key FROM entity_links l JOIN touched t ON l.story_entity = t.id),
     article_counts AS (SELECT story_entity, count(DISTINCT article) AS n FROM links GROUP BY story_entity),
     quote_counts AS (SELECT l.story_entity, count(*) AS n FROM links l
       JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key GROUP BY l.story_entity)
     UPDATE story_entities se SET article_count = coalesce(a.n, 0), quote_count = coalesce(q.n, 0)
     FROM touched t LEFT JOIN article_counts a ON a.story_entity = t.id LEFT JOIN quote_counts q ON q.story_entity = t.id
     WHERE se.id = t.id AND (se.article_count <> coalesce(a.n, 0) OR se.quote_count <> coalesce(q.n, 0))`,
    [ids],
  );
}

/**
 * Makes the linking keys (`linkKeysOf(member).own`) and the name tally of each entity those of
 * the members given, rewriting an entity's rows only when they differ from the stored ones.
 */
export async function writeKeysAndTallies(client: pg.PoolClient, members: ReadonlyMap<string, readonly Entity[]>): Promise<void> {
  if (members.size === 0) return;
  const ids = [...members.keys()];
  const keyRows = await client.query<{ story_entity: string; link_key: string }>(
    'SELECT story_entity, link_key FROM story_entity_keys WHERE story_entity = ANY($1::text[])',
    [ids],
  );
  const tallyRows = await client.query<{ story_entity: string; name: string; named: number; members: number }>(
    'SELECT story_entity, name, named, members FROM story_entity_tally WHERE story_entity = ANY($1::text[])',
    [ids],
  );
  const storedKeys = new Map<string, Set<string>>();
  for (const row of keyRows.rows) storedKeys.set(row.story_entity, (storedKeys.get(row.story_entity) ?? new Set()).add(row.link_key));
  const storedTally = new Map<string, Map<string, number>>();
  for (const row of tallyRows.rows) {
    const tally = storedTally.get(row.story_entity) ?? new Map<string, number>();
    tally.set(`${row.name}\u0000${row.named}`, row.members);
    storedTally.set(row.story_entity, tally);
  }
  const keyIds: string[] = [];
  const keys: { id: string; key: string }[] = [];
  const tallyIds: string[] = [];
  const tallies: { id: string; name: string; named: number; members: number }[] = [];
  for (const [id, list] of members) {
    const wantedKeys = new Set(list.flatMap((member) => linkKeysOf(member).own));
    const had = storedKeys.get(id) ?? new Set<string>();
    if (had.size !== wantedKeys.size || [...had].some((key) => !wantedKeys.has(key))) {
      keyIds.push(id);
      for (const key of wantedKeys) keys.push({ id, key });
    }
    const wantedTally = new Map<string, { id: string; name: string; named: number; members: number }>();
    for (const member of list) {
      const named = member.named ? 1 : 0;
      const key = `${member.name}\u0000${named}`;
      const row = wantedTally.get(key) ?? { id, name: member.name, named, members: 0 };
      row.members += 1;
      wantedTally.set(key, row);
    }
    const hadTally = storedTally.get(id) ?? new Map<string, number>();
    if (hadTally.size !== wantedTally.size || [...hadTally].some(([key, n]) => wantedTally.get(key)?.members !== n)) {
      tallyIds.push(id);
      tallies.push(...wantedTally.values());
    }
  }
  if (keyIds.length > 0) {
    await client.query('DELETE FROM story_entity_keys WHERE story_entity = ANY($1::text[])', [keyIds]);
    await client.query(
      `INSERT INTO story_entity_keys (link_key, story_entity)
       SELECT key, id FROM jsonb_to_recordset($1::jsonb) AS k (id text, key text) ON CONFLICT DO NOTHING`,
      [JSON.stringify(keys)],
    );
  }
  if (tallyIds.length > 0) {
    await client.query('DELETE FROM story_entity_tally WHERE story_entity = ANY($1::text[])', [tallyIds]);
    await client.query(
      `INSERT INTO story_entity_tally (story_entity, name, named, members)
       SELECT id, name, named, members FROM jsonb_to_recordset($1::jsonb) AS t (id text, name text, named int, members int)`,
      [JSON.stringify(tallies)],
    );
  }
}

/** A story entity's row as written. */
export type StoryEntityWrite = Omit<StoryEntity, 'articles'>;

/**
 * Writes story entities' rows and the rows a question finds them by (name keys, role stems),
 * a statement per table; `replaced` are those among them stored before, whose lookup rows go first.
 */
export async function writeEntityRows(client: pg.PoolClient, entities: readonly StoryEntityWrite[], replaced: readonly string[]): Promise<void> {
  if (entities.length === 0) return;
  await client.query(
    `INSERT INTO story_entities (id, name, kind, aliases, roles)
     SELECT id, name, kind, aliases, roles FROM jsonb_to_recordset($1::jsonb) AS e (id text, name text, kind text, aliases text, roles text)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, roles = excluded.roles`,
    [JSON.stringify(entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: JSON.stringify(e.aliases), roles: JSON.stringify(e.roles) })))],
  );
  if (replaced.length > 0) {
    await client.query('DELETE FROM story_entity_names WHERE story_entity = ANY($1::text[])', [replaced]);
    await client.query('DELETE FROM story_entity_roles WHERE story_entity = ANY($1::text[])', [replaced]);
  }
  const lookups = entities.map((entity) => ({ id: entity.id, keys: lookupKeysOf(entity) }));
  await insertKeys(
    client,
    'story_entity_names',
    'name_key',
    lookups.flatMap(({ id, keys }) => keys.names.map((key) => ({ id, key }))),
  );
  await insertKeys(
    client,
    'story_entity_roles',
    'role_stem',
    lookups.flatMap(({ id, keys }) => keys.roleStems.map((key) => ({ id, key }))),
  );
}

/** An entity's lookup rows (name keys or role stems), batched into one statement. */
async function insertKeys(
  client: pg.PoolClient,
  table: 'story_entity_names' | 'story_entity_roles',
  column: 'name_key' | 'role_stem',
  rows: readonly { id: string; key: string }[],
) {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${table} (story_entity, ${column})
     SELECT id, key FROM jsonb_to_recordset($1::jsonb) AS n (id text, key text) ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Fills `story_entity_roles` for a database from before migration 5. */
export async function backfillRoleStems(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ id: string; roles: string }>("SELECT id, roles FROM story_entities WHERE roles <> '[]'");
  const roles = rows.flatMap((row) =>
    lookupKeysOf({ name: '', aliases: [], roles: JSON.parse(row.roles) as string[] }).roleStems.map((key) => ({ id: row.id, key })),
  );
  await insertKeys(client, 'story_entity_roles', 'role_stem', roles);
}

export async function listStoryEntities(db: Queryable): Promise<StoryEntityRecord[]> {
  const { rows } = await db.query<StoryEntityRow>(`SELECT * FROM story_entities ORDER BY ${STORY_ENTITY_ORDER}`);
  return rows.map(toStoryEntityRecord);
}

/** The entities that speak some quotation, in `listStoryEntities` order. */
export async function listQuotedEntities(db: Queryable): Promise<StoryEntityRecord[]> {
  const { rows } = await db.query<StoryEntityRow>(`SELECT * FROM story_entities WHERE quote_count > 0 ORDER BY ${STORY_ENTITY_ORDER}`);
  return rows.map(toStoryEntityRecord);
}

/** The entities under any of these name keys, role stems or ids, in `listStoryEntities` order. */
export async function storyEntitiesByKey(
  db: Queryable,
  names: readonly string[],
  roleStems: readonly string[],
  ids: readonly string[] = [],
): Promise<StoryEntityRecord[]> {
  const { rows } = await db.query<StoryEntityRow>(
    `SELECT * FROM story_entities WHERE id IN (
       SELECT story_entity FROM story_entity_names WHERE name_key = ANY($1::text[])
       UNION SELECT story_entity FROM story_entity_roles WHERE role_stem = ANY($2::text[])
       UNION SELECT unnest($3::text[]))
     ORDER BY ${STORY_ENTITY_ORDER}`,
    [[...names], [...roleStems], [...ids]],
  );
  return rows.map(toStoryEntityRecord);
}

/** The people under these role stems, by stem and then in `listStoryEntities` order: ids, roles and counts only. */
export async function roleHolders(db: Queryable, roleStems: readonly string[]): Promise<RoleHolderRecord[]> {
  if (roleStems.length === 0) return [];
  const { rows } = await db.query<RoleHolderRow>(
    `SELECT r.role_stem AS stem, e.id, e.roles, e.article_count, e.quote_count
     FROM story_entity_roles r JOIN story_entities e ON e.id = r.story_entity
     WHERE r.role_stem = ANY($1::text[]) AND e.kind = 'person'
     ORDER BY r.role_stem, ${STORY_ENTITY_ORDER}`,
    [[...roleStems]],
  );
  return rows.map(toRoleHolderRecord);
}

/** The highest prominence among entities of a kind, and those named in at least `minArticles` articles, in list order. */
export async function prominentEntities(db: Queryable, kind: string, minArticles: number): Promise<{ top: number; entities: StoryEntityRecord[] }> {
  const [top, named] = await Promise.all([
    db.query<{ top: number }>('SELECT coalesce(max(article_count * 3 + quote_count), 0)::int AS top FROM story_entities WHERE kind = $1', [kind]),
    db.query<StoryEntityRow>(`SELECT * FROM story_entities WHERE kind = $1 AND article_count >= $2::float8 ORDER BY ${STORY_ENTITY_ORDER}`, [
      kind,
      minArticles,
    ]),
  ]);
  return { top: top.rows[0]?.top ?? 0, entities: named.rows.map(toStoryEntityRecord) };
}

export async function anyUnlinked(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ unlinked: boolean }>(`SELECT EXISTS (SELECT 1 FROM entities e WHERE NOT EXISTS
    (SELECT 1 FROM entity_links l WHERE l.article = e.article AND l.entity_key = e.key)) AS unlinked`);
  return rows[0]?.unlinked === true;
}

function fingerprint(name: string, kind: string, aliases: string, roles: string): string {
  return `${name}\u0000${kind}\u0000${aliases}\u0000${roles}`;
}
