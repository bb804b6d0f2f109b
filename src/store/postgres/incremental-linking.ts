/**
 * Links changed articles into the story without relinking the whole of it, in PostgreSQL: the
 * same decisions as the SQLite engine's (sqlite/incremental-linking.ts, whose comment says
 * why they equal the whole-story linking), read and written in batches, a few statements per
 * round rather than one per row. Runs inside the article's own transaction, after taking the
 * story's advisory lock (`lockStory`), so two replicas linking at once, or one linking while
 * another saves the story whole, take turns instead of each deciding from the same rows.
 */
import type pg from 'pg';
import type { Entity, EntityKind } from '../../core/article.ts';
import { linkKeysOf, linkStoryEntities, type StoryEntity } from '../../core/analyse/entity-linking.ts';
import { linkLastArticle, type LastArticlePlan, type LinkReads, type StoredStoryEntity } from '../../core/analyse/link-last-article.ts';
import { type EntityRow, gatherMember, toEntity } from '../sqlite/rows.ts';
import type { Affected } from '../sqlite/incremental-linking.ts';
import { recountEntities, writeEntityRows, writeKeysAndTallies } from './story-entities.ts';

/** As the SQLite engine: past this many members of other articles, a change is left to a whole relink. */
const MAX_MEMBERS = 50_000;

/** Marks the story as needing a whole relink: some article was written without linking. */
export async function markStale(client: pg.PoolClient): Promise<void> {
  await client.query('UPDATE store_state SET linking_stale = TRUE WHERE id = 1 AND NOT linking_stale');
}

/** The keys of what an entity's decision reads and of what it bears on. */
function bothWays(entity: Entity): string[] {
  const keys = linkKeysOf(entity);
  return [...keys.dependsOn, ...keys.affects];
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A read the decision asked for that is not fetched yet: fetched, then the decision runs again. */
class NotFetched extends Error {}

/** The articles' entities as stored now, each article's in key order. */
async function entitiesOf(client: pg.PoolClient, articles: readonly string[]): Promise<Map<string, Entity[]>> {
  const byArticle = new Map<string, Entity[]>(articles.map((id) => [id, []]));
  const { rows } = await client.query<EntityRow>(
    'SELECT article, key, name, kind, aliases, roles, named FROM entities WHERE article = ANY($1::text[]) ORDER BY article, key',
    [articles],
  );
  for (const row of rows) byArticle.get(row.article)?.push(toEntity(row));
  return byArticle;
}

/** The story entities under each of `keys`, in id order, as SQLite's primary key gives them. */
async function withKeys(client: pg.PoolClient, keys: readonly string[], into: Map<string, string[]>): Promise<void> {
  const fresh = [...new Set(keys)].filter((key) => !into.has(key));
  if (fresh.length === 0) return;
  for (const key of fresh) into.set(key, []);
  const { rows } = await client.query<{ link_key: string; story_entity: string }>(
    'SELECT link_key, story_entity FROM story_entity_keys WHERE link_key = ANY($1::text[]) ORDER BY link_key, story_entity',
    [fresh],
  );
  for (const row of rows) into.get(row.link_key)?.push(row.story_entity);
}

/** Which of `ids` are stored story entities. */
async function existing(client: pg.PoolClient, ids: Iterable<string>): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM story_entities WHERE id = ANY($1::text[])', [[...ids]]);
  return new Set(rows.map((row) => row.id));
}

/** The stored story entities `ids`, with their keys and tallies, as `linkLastArticle` reads them. */
async function storedEntities(client: pg.PoolClient, ids: readonly string[], into: Map<string, StoredStoryEntity | undefined>): Promise<void> {
  const fresh = [...new Set(ids)].filter((id) => !into.has(id));
  if (fresh.length === 0) return;
  // One after another: a client runs one query at a time.
  const entities = await client.query<{ id: string; name: string; kind: string; aliases: string; roles: string }>(
    'SELECT id, name, kind, aliases, roles FROM story_entities WHERE id = ANY($1::text[])',
    [fresh],
  );
  const keys = await client.query<{ story_entity: string; link_key: string }>(
    'SELECT story_entity, link_key FROM story_entity_keys WHERE story_entity = ANY($1::text[])',
    [fresh],
  );
  const tallies = await client.query<{ story_entity: string; name: string; named: number; members: number }>(
    'SELECT story_entity, name, named, members FROM story_entity_tally WHERE story_entity = ANY($1::text[]) ORDER BY story_entity, name, named',
    [fresh],
  );
  for (const id of fresh) into.set(id, undefined);
  for (const row of entities.rows) {
    into.set(row.id, {
      id: row.id,
      name: row.name,
      kind: row.kind as EntityKind,
      aliases: JSON.parse(row.aliases) as string[],
      roles: JSON.parse(row.roles) as string[],
      keys: new Set(keys.rows.filter((key) => key.story_entity === row.id).map((key) => key.link_key)),
      tally: tallies.rows.filter((tally) => tally.story_entity === row.id).map(({ name, named, members }) => ({ name, named: named === 1, members })),
    });
  }
}

/**
 * Runs `decide` with reads served from what is fetched so far. A read not fetched yet is
 * answered as if nothing were stored and noted; when any was, the decision is thrown away, all
 * the reads it noted are fetched at once, and it runs again. A decision reads a handful of keys,
 * entities and ids, each round reaching further, so it settles in a few rounds.
 */
async function withFetchedReads<T>(client: pg.PoolClient, keyed: Map<string, string[]>, decide: (reads: LinkReads) => T): Promise<T> {
  const entities = new Map<string, StoredStoryEntity | undefined>();
  const taken = new Map<string, boolean>();
  for (;;) {
    const keys = new Set<string>();
    const ids = new Set<string>();
    const asked = new Set<string>();
    const reads: LinkReads = {
      withKey: (key) => keyed.get(key) ?? (keys.add(key) && []),
      entity: (id) => (entities.has(id) ? entities.get(id) : ids.add(id) && undefined),
      idTaken: (id) => taken.get(id) ?? (asked.add(id) && false),
    };
    const decided = decide(reads);
    if (keys.size === 0 && ids.size === 0 && asked.size === 0) return decided;
    await withKeys(client, [...keys], keyed);
    await storedEntities(client, [...ids], entities);
    // Ids with a number suffix are asked one after another: the next few come with the first.
    const candidates = [...asked].flatMap((id) => [id, ...[2, 3, 4, 5].map((n) => `${id}-${n}`)]);
    const found = await existing(client, candidates);
    for (const id of candidates) taken.set(id, found.has(id));
  }
}

/** The story entities a rewrite or removal of `articles` can affect, read before it is made. */
export async function affectedBy(client: pg.PoolClient, articles: readonly string[]): Promise<Affected> {
  const { rows } = await client.query<{ story_entity: string }>('SELECT DISTINCT story_entity FROM entity_links WHERE article = ANY($1::text[])', [articles]);
  const linked = new Set(rows.map((row) => row.story_entity));
  const scope = new Set(linked);
  const keyed = new Map<string, string[]>();
  const keys = [...(await entitiesOf(client, articles)).values()].flat().flatMap(bothWays);
  await withKeys(client, keys, keyed);
  for (const key of keys) for (const id of keyed.get(key) ?? []) scope.add(id);
  return { linked, scope };
}

/** Each member's quotations in `article`, by entity key. */
async function quotesBySpeaker(client: pg.PoolClient, article: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ speaker: string; n: number }>(
    'SELECT speaker, count(*)::int AS n FROM quotes WHERE article = $1 AND speaker IS NOT NULL GROUP BY speaker',
    [article],
  );
  return new Map(rows.map((row) => [row.speaker, row.n]));
}

/** Writes a new article's links, its new entities and the counts and tallies of those it joins. */
async function apply(client: pg.PoolClient, article: string, plan: LastArticlePlan): Promise<void> {
  const quotes = await quotesBySpeaker(client, article);
  const quotesOf = (members: readonly Entity[]) => members.reduce((sum, member) => sum + (quotes.get(member.key) ?? 0), 0);
  if (plan.created.length > 0) {
    await writeEntityRows(
      client,
      plan.created.map(({ entity }) => entity),
      [],
    );
    const linkKeys = plan.created.flatMap(({ entity, members }) =>
      [...new Set(members.flatMap((member) => linkKeysOf(member).own))].map((key) => ({ id: entity.id, key })),
    );
    if (linkKeys.length > 0) {
      await client.query(
        `INSERT INTO story_entity_keys (link_key, story_entity)
         SELECT key, id FROM jsonb_to_recordset($1::jsonb) AS k (id text, key text) ON CONFLICT DO NOTHING`,
        [JSON.stringify(linkKeys)],
      );
    }
  }
  const grown = [...plan.joined, ...plan.created.map(({ entity, members }) => [entity.id, members] as const)];
  await client.query(
    `UPDATE story_entities se SET article_count = se.article_count + 1, quote_count = se.quote_count + c.quotes
     FROM jsonb_to_recordset($1::jsonb) AS c (id text, quotes int) WHERE se.id = c.id`,
    [JSON.stringify(grown.map(([id, members]) => ({ id, quotes: quotesOf(members) })))],
  );
  // One row per entity and name: a statement may not update one row twice.
  const tally = new Map<string, { id: string; name: string; named: number; members: number }>();
  for (const [id, members] of grown) {
    for (const member of members) {
      const named = member.named ? 1 : 0;
      const key = `${id}\u0000${member.name}\u0000${named}`;
      const row = tally.get(key) ?? { id, name: member.name, named, members: 0 };
      row.members += 1;
      tally.set(key, row);
    }
  }
  await client.query(
    `INSERT INTO story_entity_tally (story_entity, name, named, members)
     SELECT id, name, named, members FROM jsonb_to_recordset($1::jsonb) AS t (id text, name text, named int, members int)
     ON CONFLICT (story_entity, name, named) DO UPDATE SET members = story_entity_tally.members + excluded.members`,
    [JSON.stringify([...tally.values()])],
  );
  // After the entities they point to.
  await client.query(
    `INSERT INTO entity_links (article, entity_key, story_entity)
     SELECT $1, key, id FROM jsonb_to_recordset($2::jsonb) AS l (key text, id text)
     ON CONFLICT (article, entity_key) DO UPDATE SET story_entity = excluded.story_entity`,
    [article, JSON.stringify([...plan.links].map(([key, id]) => ({ key, id })))],
  );
}

/**
 * Links `articles` (their entities as stored now; a removed one has none) into the story, given
 * what they affected before, inside the caller's transaction and under `lockStory`. False when
 * the story must be relinked whole instead (it already needs it, its keys are not built yet, or
 * the change reaches too far): the story is then marked as needing it.
 */
export async function linkArticles(client: pg.PoolClient, articles: readonly string[], before: Affected): Promise<boolean> {
  const state = (await client.query<{ stale: boolean; built: boolean }>('SELECT linking_stale AS stale, keys_built AS built FROM store_state WHERE id = 1'))
    .rows[0];
  if (!state || state.stale || !state.built) {
    await markStale(client);
    return false;
  }
  const changed = new Set(articles);
  const byArticle = await entitiesOf(client, [...changed]);
  const keyed = new Map<string, string[]>();
  // A new article that sorts last is decided by the keys of what it names, when it can be.
  const [only] = articles;
  if (articles.length === 1 && only !== undefined && before.linked.size === 0 && before.scope.size === 0) {
    const later = await client.query("SELECT 1 FROM articles WHERE status = 'current' AND id > $1 LIMIT 1", [only]);
    if (later.rowCount === 0) {
      const entities = byArticle.get(only) ?? [];
      const plan = await withFetchedReads(client, keyed, (reads) => linkLastArticle(only, entities, reads));
      if (plan) {
        await apply(client, only, plan);
        return true;
      }
    }
  }
  const scope = new Set(before.scope);
  const lookUp = async (keys: readonly string[], into: Set<string>): Promise<void> => {
    await withKeys(client, keys, keyed);
    for (const key of keys) for (const id of keyed.get(key) ?? []) into.add(id);
  };
  await lookUp([...byArticle.values()].flat().flatMap(bothWays), scope);
  // Every member of the scope is linked again, so whatever its decision reads joins the scope
  // too, until nothing new does; a scope that grows past the limit is left to a whole relink.
  const linkedTo = new Map<string, string>();
  let members = 0;
  for (let fresh = [...scope]; fresh.length > 0; ) {
    const { rows } = await client.query<EntityRow & { linked_to: string }>(
      `SELECT e.article, e.key, e.name, e.kind, e.aliases, e.roles, e.named, l.story_entity AS linked_to FROM entity_links l
       JOIN entities e ON e.article = l.article AND e.key = l.entity_key WHERE l.story_entity = ANY($1::text[])`,
      [fresh],
    );
    const dependsOn: string[] = [];
    for (const row of rows) {
      const entity = gatherMember(row, { changed, linkedTo, byArticle });
      if (!entity) continue;
      members += 1;
      dependsOn.push(...linkKeysOf(entity).dependsOn);
    }
    if (members > MAX_MEMBERS) {
      await markStale(client);
      return false;
    }
    const next = new Set<string>();
    await lookUp(dependsOn, next);
    fresh = [...next].filter((id) => !scope.has(id));
    for (const id of fresh) scope.add(id);
  }
  // The whole-story linking's order: articles by id, each one's entities by key.
  const ordered = [...byArticle]
    .sort(([a], [b]) => byString(a, b))
    .map(([id, entities]) => ({ id, entities: entities.sort((a, b) => byString(a.key, b.key)) }));
  const taken = new Map<string, boolean>();
  let story: ReturnType<typeof linkStoryEntities> | undefined;
  while (!story) {
    const asked = new Set<string>();
    try {
      story = linkStoryEntities(ordered, {
        taken: (id) => {
          if (scope.has(id)) return false;
          const known = taken.get(id);
          if (known !== undefined) return known;
          asked.add(id);
          throw new NotFetched();
        },
      });
    } catch (error) {
      if (!(error instanceof NotFetched)) throw error;
      const candidates = [...asked].flatMap((id) => [id, ...[2, 3, 4, 5].map((n) => `${id}-${n}`)]);
      const found = await existing(client, candidates);
      for (const id of candidates) taken.set(id, found.has(id));
    }
  }

  const stored = new Map<string, string>();
  for (const row of (
    await client.query<{ id: string; name: string; kind: string; aliases: string; roles: string }>(
      'SELECT id, name, kind, aliases, roles FROM story_entities WHERE id = ANY($1::text[])',
      [story.entities.map((entity) => entity.id)],
    )
  ).rows) {
    stored.set(row.id, `${row.name}\u0000${row.kind}\u0000${row.aliases}\u0000${row.roles}`);
  }
  const touched = new Set(before.linked);
  const wanted = new Set<string>();
  const upserts: StoryEntity[] = [];
  const replaced: string[] = [];
  for (const entity of story.entities) {
    wanted.add(entity.id);
    const was = stored.get(entity.id);
    if (was === `${entity.name}\u0000${entity.kind}\u0000${JSON.stringify(entity.aliases)}\u0000${JSON.stringify(entity.roles)}`) continue;
    upserts.push(entity);
    if (was !== undefined) replaced.push(entity.id);
    touched.add(entity.id);
  }
  await writeEntityRows(client, upserts, replaced);
  const linkWrites: { article: string; key: string; id: string }[] = [];
  for (const { id: article, entities } of ordered) {
    for (const entity of entities) {
      const id = story.links.of(article, entity.key);
      const was = linkedTo.get(`${article}\u0000${entity.key}`);
      if (id === undefined || was === id) continue;
      linkWrites.push({ article, key: entity.key, id });
      touched.add(id);
      if (was !== undefined) touched.add(was);
    }
  }
  if (linkWrites.length > 0) {
    await client.query(
      `INSERT INTO entity_links (article, entity_key, story_entity)
       SELECT article, key, id FROM jsonb_to_recordset($1::jsonb) AS l (article text, key text, id text)
       ON CONFLICT (article, entity_key) DO UPDATE SET story_entity = excluded.story_entity`,
      [JSON.stringify(linkWrites)],
    );
  }
  // An entity of the scope that no member joins any more: its links have all moved.
  const dropped = [...scope].filter((id) => !wanted.has(id));
  if (dropped.length > 0) await client.query('DELETE FROM story_entities WHERE id = ANY($1::text[])', [dropped]);
  for (const id of dropped) touched.delete(id);
  // The keys, tallies and counts of the entities whose members changed, from the members in hand.
  const membersOfTouched = new Map<string, Entity[]>();
  for (const id of touched) if (wanted.has(id)) membersOfTouched.set(id, []);
  for (const { id: article, entities } of ordered) {
    for (const entity of entities) {
      const id = story.links.of(article, entity.key);
      if (id !== undefined) membersOfTouched.get(id)?.push(entity);
    }
  }
  await recountEntities(client, [...membersOfTouched.keys()]);
  await writeKeysAndTallies(client, membersOfTouched);
  return true;
}
