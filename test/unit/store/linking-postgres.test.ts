/**
 * Adding one article to a PostgreSQL story of 5,000, linked in its own transaction, writes only
 * the rows of the entities the article mentions and reads a fraction of their members, as on
 * SQLite (linking-one-article.test.ts). Writes are counted by triggers a second connection
 * installs on the story tables (cascades included); rows read, by counting every row the
 * server hands to this process.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import { relinkStory } from '../../../src/ingest/ingest.ts';
import { buildLinkKeys } from '../../../src/store/postgres/link-keys.ts';
import { migrate, migrations } from '../../../src/store/postgres/migrations.ts';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { origin } from './article-fixture.ts';
import { countsDifferingFromLinks, differencesFromWholeLinking, generated, LINKING_TABLES, type StoryRows } from './linking-fixture.ts';
import { dropSchema, freshSchema, withTestDatabase } from './postgres-database.ts';

const ARTICLES = 5000;

withTestDatabase((url) => {
  describe('adding one article to a PostgreSQL story of 5,000, linked in its own transaction', () => {
    const schema = freshSchema();
    let store: Store;
    let spy: pg.Client;
    const rows: StoryRows = async (sql) => (await spy.query(sql)).rows;

    beforeAll(async () => {
      store = await openPostgresStore(url, { schema, max: 4 });
      const batch = [];
      for (let i = 0; i < ARTICLES; i++) {
        batch.push({ article: generated(i), origin: origin() });
        if (batch.length === 250) await store.putArticles(batch.splice(0));
      }
      await relinkStory({ store }, [], silentLogger);
      spy = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await spy.connect();
      await spy.query(`CREATE TABLE write_log (tbl TEXT NOT NULL, story_entity TEXT NOT NULL);
        CREATE FUNCTION log_write() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
        BEGIN
          INSERT INTO write_log VALUES (TG_TABLE_NAME, to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> TG_ARGV[0]);
          RETURN NULL;
        END $fn$;`);
      for (const [table, column] of LINKING_TABLES) {
        await spy.query(`CREATE TRIGGER log_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION log_write('${column}')`);
      }
    }, 600_000);

    afterAll(async () => {
      await spy?.end();
      await store?.close();
      await dropSchema(url, schema);
    });

    it('writes only the rows of the entities it mentions, and leaves the story as linking it whole would', async () => {
      const id = `gen/${String(ARTICLES).padStart(5, '0')}`;
      // Two people already in the story, one surname alone, a role holder, an organisation; 9999 is new.
      await store.putArticle(generated(ARTICLES, [17, 250, 9999]), origin(), { link: true });
      expect(await store.needsLinking()).toBe(false);

      const mentioned = new Set(
        (await spy.query<{ id: string }>('SELECT story_entity AS id FROM entity_links WHERE article = $1', [id])).rows.map((r) => r.id),
      );
      expect(mentioned.size).toBeGreaterThanOrEqual(3);
      expect(mentioned.size).toBeLessThanOrEqual(5);
      const writes = (await spy.query<{ tbl: string; story_entity: string }>('SELECT tbl, story_entity FROM write_log')).rows;
      expect(writes.length).toBeGreaterThan(0);
      expect([...new Set(writes.map((w) => w.story_entity))].filter((entity) => !mentioned.has(entity))).toEqual([]);
      // Five links, the new person's row, names and keys, and the counts of the others.
      expect(writes.length).toBeLessThan(30);
      expect(await differencesFromWholeLinking(store, rows)).toEqual([]);
    });

    it('reads only the rows of the keys its entities are linked by, not the members of the entities they join', async () => {
      // Every row the server hands to this process (the spy's own queries come after).
      let read = 0;
      const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = prototype.query;
      prototype.query = function (this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        if (result instanceof Promise) {
          return result.then((answer: { rows?: unknown[] } | undefined) => {
            read += answer?.rows?.length ?? 0;
            return answer;
          });
        }
        return result;
      };
      try {
        // People, a surname, a role holder and an organisation already named in hundreds of articles.
        await store.putArticle(generated(ARTICLES + 1, [17, 250, 30]), origin(), { link: true });
      } finally {
        prototype.query = original;
      }
      const links = Number((await spy.query<{ n: string }>('SELECT count(*) AS n FROM entity_links')).rows[0]?.n);
      const members = Number(
        (
          await spy.query<{ n: string }>(
            'SELECT count(*) AS n FROM entity_links WHERE story_entity IN (SELECT story_entity FROM entity_links WHERE article = $1)',
            [`gen/${String(ARTICLES + 1).padStart(5, '0')}`],
          )
        ).rows[0]?.n,
      );
      expect(links).toBeGreaterThan(20_000);
      expect(members).toBeGreaterThan(500);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(members / 2);
      expect(await differencesFromWholeLinking(store, rows)).toEqual([]);
      expect(await countsDifferingFromLinks(rows)).toEqual([]);
    });
  });
  describe('a PostgreSQL story from before migration 7, which has no linking keys', () => {
    it('is not marked for a whole relink by the migration, only for its keys', async () => {
      const schema = freshSchema();
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
      try {
        await pool.query(`CREATE SCHEMA ${schema}`);
        await migrate(
          pool,
          migrations.filter((m) => m.version < 7),
        );
        await pool.query(`INSERT INTO story_entities (id, name, kind, aliases, roles) VALUES ('s1', 'Alice Barson', 'person', '[]', '[]')`);
        await migrate(pool);
        const { rows } = await pool.query('SELECT keys_built AS built, linking_stale AS stale FROM store_state WHERE id = 1');
        expect(rows).toEqual([{ built: false, stale: false }]);
      } finally {
        await pool.end();
        await dropSchema(url, schema);
      }
    });

    it('gets its keys from its links a chunk of entities at a time, and the next article is linked on its own', async () => {
      const schema = freshSchema();
      let store = await openPostgresStore(url, { schema, max: 2 });
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
      const rows: StoryRows = async (sql) => (await pool.query(sql)).rows;
      const keys = () => rows('SELECT story_entity, link_key FROM story_entity_keys ORDER BY story_entity, link_key');
      const built = async () => (await rows('SELECT keys_built AS built FROM store_state'))[0]?.built;
      // What migration 7 leaves of a story linked whole.
      const asMigrationSevenLeavesIt = () => pool.query('DELETE FROM story_entity_keys; UPDATE store_state SET keys_built = FALSE');
      try {
        await store.putArticles(Array.from({ length: 200 }, (_, i) => ({ article: generated(i), origin: origin() })));
        await relinkStory({ store }, [], silentLogger);
        const whole = await keys();
        expect(whole.length).toBeGreaterThan(100);

        await asMigrationSevenLeavesIt();
        expect(await store.needsLinking()).toBe(false);
        await buildLinkKeys(pool, 7);
        expect(await keys()).toEqual(whole);
        expect(await built()).toBe(true);

        await asMigrationSevenLeavesIt();
        await store.close();
        store = await openPostgresStore(url, { schema, max: 2 });
        await store.putArticle(generated(200, [17, 250, 9999]), origin(), { link: true });
        expect(await built()).toBe(true);
        expect(await store.needsLinking()).toBe(false);
        expect(await differencesFromWholeLinking(store, rows)).toEqual([]);
        expect(await countsDifferingFromLinks(rows)).toEqual([]);
        // The keys are those a whole relink writes when it builds them all.
        const linked = await keys();
        await pool.query('DELETE FROM story_entity_keys; UPDATE store_state SET keys_built = FALSE, linking_stale = TRUE');
        await relinkStory({ store }, [], silentLogger);
        expect(await built()).toBe(true);
        expect(await keys()).toEqual(linked);
      } finally {
        await pool.end();
        await store.close();
        await dropSchema(url, schema);
      }
    }, 180_000);
  });
  describe('two replicas linking articles into one PostgreSQL story at once', () => {
    it('give the story linking it whole gives, each write linked in its own transaction', async () => {
      const schema = freshSchema();
      const first = await openPostgresStore(url, { schema, max: 2 });
      const second = await openPostgresStore(url, { schema, max: 2 });
      const spy = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await spy.connect();
      try {
        // Interleaved ids, so each replica's article often sorts before the other's.
        const write = async (store: Store, ids: readonly number[]) => {
          for (const i of ids) await store.putArticle(generated(i), origin(), { link: true });
        };
        const all = Array.from({ length: 80 }, (_, n) => (n * 37) % 80);
        await Promise.all([
          write(
            first,
            all.filter((_, n) => n % 2 === 0),
          ),
          write(
            second,
            all.filter((_, n) => n % 2 === 1),
          ),
        ]);
        expect(await first.needsLinking()).toBe(false);
        expect(await differencesFromWholeLinking(first, async (sql) => (await spy.query(sql)).rows)).toEqual([]);
        expect(await countsDifferingFromLinks(async (sql) => (await spy.query(sql)).rows)).toEqual([]);
      } finally {
        await spy.end();
        await first.close();
        await second.close();
        await dropSchema(url, schema);
      }
    }, 120_000);
  });
});
