/**
 * The story's canonical entities and the links to them, in PostgreSQL: as the SQLite engine
 * (sqlite/story-entities.ts), saving writes only the rows that differ from those stored, and
 * keeps each entity's article and quotation counts in its row. Writes are batched into a few
 * statements (arrays as parameters) rather than one round trip per row.
 */
import type pg from 'pg';
import type { StoryEntities } from '../../core/analyse/entity-linking.ts';
import type { StoryEntityRecord } from '../../core/ports/store.ts';
import { STORY_ENTITY_ORDER, type StoryEntityRow, toStoryEntityRecord } from '../sqlite/rows.ts';
import { lookupKeysOf } from '../../core/retrieve/entity-index.ts';
import type { Queryable } from './transaction.ts';

/** Makes the stored story equal to `story` inside the caller's transaction. */
export async function saveStoryEntities(client: pg.PoolClient, story: StoryEntities): Promise<void> {
  // One saver at a time: two replicas relinking at once would each diff against the same rows.
  await client.query('LOCK TABLE story_entities IN SHARE ROW EXCLUSIVE MODE');
  const touched = new Set<string>();
  const stored = new Map<string, string>();
  for (const row of (await client.query<StoryEntityRow>('SELECT id, name, kind, aliases, roles FROM story_entities')).rows) {
    stored.set(row.id, fingerprint(row.name, row.kind, row.aliases, row.roles));
  }
  const wanted = new Set<string>();
  const upserts: { id: string; name: string; kind: string; aliases: string; roles: string }[] = [];
  const renamed: string[] = [];
  const names: { id: string; key: string }[] = [];
  const roleStems: { id: string; key: string }[] = [];
  for (const entity of story.entities) {
    wanted.add(entity.id);
    const aliases = JSON.stringify(entity.aliases);
    const roles = JSON.stringify(entity.roles);
    const before = stored.get(entity.id);
    if (before === fingerprint(entity.name, entity.kind, aliases, roles)) continue;
    upserts.push({ id: entity.id, name: entity.name, kind: entity.kind, aliases, roles });
    if (before !== undefined) renamed.push(entity.id);
    const keys = lookupKeysOf(entity);
    for (const key of keys.names) names.push({ id: entity.id, key });
    for (const key of keys.roleStems) roleStems.push({ id: entity.id, key });
    touched.add(entity.id);
  }
  if (upserts.length > 0) {
    await client.query(
      `INSERT INTO story_entities (id, name, kind, aliases, roles)
       SELECT id, name, kind, aliases, roles FROM jsonb_to_recordset($1::jsonb) AS e (id text, name text, kind text, aliases text, roles text)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, roles = excluded.roles`,
      [JSON.stringify(upserts)],
    );
  }
  if (renamed.length > 0) {
    await client.query('DELETE FROM story_entity_names WHERE story_entity = ANY($1::text[])', [renamed]);
    await client.query('DELETE FROM story_entity_roles WHERE story_entity = ANY($1::text[])', [renamed]);
  }
  await insertKeys(client, 'story_entity_names', 'name_key', names);
  await insertKeys(client, 'story_entity_roles', 'role_stem', roleStems);

  const storedByArticle = new Map<string, Map<string, string>>();
  for (const row of (
    await client.query<{ article: string; entity_key: string; story_entity: string }>('SELECT article, entity_key, story_entity FROM entity_links')
  ).rows) {
    let links = storedByArticle.get(row.article);
    if (!links) {
      links = new Map();
      storedByArticle.set(row.article, links);
    }
    links.set(row.entity_key, row.story_entity);
  }
  const linkWrites: { article: string; key: string; story: string }[] = [];
  for (const [key, storyEntity] of story.links) {
    const [article, entityKey] = key.split('\u0000');
    if (article === undefined || entityKey === undefined) continue;
    const links = storedByArticle.get(article);
    const before = links?.get(entityKey);
    links?.delete(entityKey);
    if (before === storyEntity) continue;
    linkWrites.push({ article, key: entityKey, story: storyEntity });
    touched.add(storyEntity);
    if (before !== undefined) touched.add(before);
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
  const gone: { article: string; key: string }[] = [];
  for (const [article, links] of storedByArticle) {
    for (const [entityKey, storyEntity] of links) {
      gone.push({ article, key: entityKey });
      touched.add(storyEntity);
    }
  }
  if (gone.length > 0) {
    await client.query(
      `DELETE FROM entity_links l USING jsonb_to_recordset($1::jsonb) AS g (article text, key text)
       WHERE l.article = g.article AND l.entity_key = g.key`,
      [JSON.stringify(gone)],
    );
  }
  const dropped = [...stored.keys()].filter((id) => !wanted.has(id));
  if (dropped.length > 0) await client.query('DELETE FROM story_entities WHERE id = ANY($1::text[])', [dropped]);
  for (const id of dropped) touched.delete(id);
  if (touched.size > 0) {
    // Counted for all the touched entities at once, in joins: a subquery per entity was planned
    // as a scan of every quotation per entity on tables not yet analysed (44 s for 10k entities).
    await client.query(
      `WITH touched AS (SELECT DISTINCT unnest($1::text[]) AS id),
       links AS (SELECT l.story_entity, l.article, l.entity_key FROM entity_links l JOIN touched t ON l.story_entity = t.id),
       article_counts AS (SELECT story_entity, count(DISTINCT article) AS n FROM links GROUP BY story_entity),
       quote_counts AS (SELECT l.story_entity, count(*) AS n FROM links l
         JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key GROUP BY l.story_entity)
       UPDATE story_entities se SET article_count = coalesce(a.n, 0), quote_count = coalesce(q.n, 0)
       FROM touched t LEFT JOIN article_counts a ON a.story_entity = t.id LEFT JOIN quote_counts q ON q.story_entity = t.id
       WHERE se.id = t.id`,
      [[...touched]],
    );
  }
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

/** The entities under any of these name keys or role stems, in `listStoryEntities` order. */
export async function storyEntitiesByKey(db: Queryable, names: readonly string[], roleStems: readonly string[]): Promise<StoryEntityRecord[]> {
  const { rows } = await db.query<StoryEntityRow>(
    `SELECT * FROM story_entities WHERE id IN (
       SELECT story_entity FROM story_entity_names WHERE name_key = ANY($1::text[])
       UNION SELECT story_entity FROM story_entity_roles WHERE role_stem = ANY($2::text[]))
     ORDER BY ${STORY_ENTITY_ORDER}`,
    [[...names], [...roleStems]],
  );
  return rows.map(toStoryEntityRecord);
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
