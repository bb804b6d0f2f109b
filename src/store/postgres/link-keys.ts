/**
 * Builds the story's linking keys where migration 7 left them unbuilt (a database that had a
 * story before it): from the links already stored, a bounded number of story entities per
 * transaction, instead of relinking the whole story to get them (at 100k articles, 1.3M links
 * decided again on PostgreSQL, minutes of a first small ingest).
 */
import type pg from 'pg';
import type { Entity } from '../../core/article.ts';
import { type EntityRow, toEntity } from '../sqlite/rows.ts';
import { lockStory, writeKeysAndTallies } from './story-entities.ts';
import { inTransaction } from './transaction.ts';

/** Story entities whose members are read and keyed in one transaction. */
const CHUNK = 2_000;

/** Whether there is nothing to build: the keys are built, or the story waits for a whole relink, which builds them. */
async function nothingToBuild(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ built: boolean; stale: boolean }>('SELECT keys_built AS built, linking_stale AS stale FROM store_state WHERE id = 1');
  const state = rows[0];
  return state === undefined || state.built || state.stale;
}

/**
 * Makes `story_entity_keys` cover every story entity, then says so (`keys_built`), so that a
 * write can be linked on its own; does nothing when they are built, or when the story waits for
 * a whole relink anyway (it writes every entity's keys). Each chunk is written under
 * the story's lock from its members as stored: until the keys are built no article is linked
 * on its own, so only a whole save changes members in between, and that save writes every
 * entity's keys itself and marks them built, which ends this at the next chunk.
 */
export async function buildLinkKeys(pool: pg.Pool, chunk = CHUNK): Promise<void> {
  let after = '';
  for (;;) {
    const done = await inTransaction(pool, async (client) => {
      await lockStory(client);
      if (await nothingToBuild(client)) return true;
      const ids = (await client.query<{ id: string }>('SELECT id FROM story_entities WHERE id > $1 ORDER BY id LIMIT $2', [after, chunk])).rows.map(
        (row) => row.id,
      );
      if (ids.length === 0) {
        await client.query('UPDATE store_state SET keys_built = TRUE WHERE id = 1');
        return true;
      }
      const members = new Map<string, Entity[]>(ids.map((id) => [id, []]));
      const { rows } = await client.query<EntityRow & { story_entity: string }>(
        `SELECT l.story_entity, e.article, e.key, e.name, e.kind, e.aliases, e.roles, e.named FROM entity_links l
         JOIN entities e ON e.article = l.article AND e.key = l.entity_key WHERE l.story_entity = ANY($1::text[])`,
        [ids],
      );
      for (const row of rows) members.get(row.story_entity)?.push(toEntity(row));
      await writeKeysAndTallies(client, members);
      after = ids[ids.length - 1] ?? after;
      return false;
    });
    if (done) return;
  }
}
