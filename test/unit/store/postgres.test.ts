import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import { migrate, migrations } from '../../../src/store/postgres/migrations.ts';
import { analysedArticle, origin } from './article-fixture.ts';
import { storeContract } from './contract.ts';
import { feedStoreContract } from './feed-contract.ts';
import { conversationStoreContract } from './conversation-contract.ts';
import { answerStoreContract } from './answer-contract.ts';
import { linkingContract } from './linking-contract.ts';
import { dropSchema, freshPostgresStore, freshSchema, withTestDatabase } from './postgres-database.ts';

withTestDatabase((url) => {
  const factory = () => freshPostgresStore(url);
  storeContract('PostgreSQL', factory);
  feedStoreContract('PostgreSQL', factory);
  conversationStoreContract('PostgreSQL', factory);
  answerStoreContract('PostgreSQL', factory);
  linkingContract('PostgreSQL', async () => {
    const schema = freshSchema();
    // A whole relink compares and writes the links eleven articles at a time: chunks full and partial in every relink.
    const store = await openPostgresStore(url, { schema, max: 4, linkChunk: 11 });
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    return {
      store,
      rows: async (sql) => (await client.query(sql)).rows,
      close: async () => {
        await client.end();
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });

  describe('the PostgreSQL engine on a shared database', () => {
    it('keeps what was written across a close and reopen, and records each migration once', async () => {
      const schema = freshSchema();
      try {
        const first = await openPostgresStore(url, { schema });
        await first.putArticle(analysedArticle({ id: 'a', paragraphs: ['Kept on the server.'] }), origin());
        await first.close();
        const second = await openPostgresStore(url, { schema });
        expect((await second.getArticle('a'))?.clean.text).toBe('Kept on the server.');
        expect(await second.searchSentences({ terms: ['server'] })).toHaveLength(1);
        await second.close();
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        await client.end();
        expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      } finally {
        await dropSchema(url, schema);
      }
    });

    it('keeps one posting per stem of each sentence through writes, rewrites and removals, and fills them for sentences written before', async () => {
      const schema = freshSchema();
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      // What the postings must hold: each sentence's stems with their counts and its length, from its tsvector.
      const mismatches = async () =>
        (
          await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (
            (SELECT d.lexeme AS term, s.id, array_length(d.positions, 1) AS tf, s.token_count AS dl FROM sentences s, unnest(s.tokens) AS d (lexeme, positions, weights)
             EXCEPT ALL SELECT term, sentence, tf, dl FROM sentence_postings)
            UNION ALL
            (SELECT term, sentence, tf, dl FROM sentence_postings
             EXCEPT ALL SELECT d.lexeme, s.id, array_length(d.positions, 1), s.token_count FROM sentences s, unnest(s.tokens) AS d (lexeme, positions, weights))) AS diff`)
        ).rows[0]?.n;
      try {
        const store = await openPostgresStore(url, { schema });
        await client.connect();
        await store.putArticle(
          analysedArticle({ id: 'a', paragraphs: ['The quay, the quay and the board.', 'A second sentence.'] }),
          origin({ textHash: 'a1' }),
        );
        await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['The board met.'] }), origin({ textHash: 'b1' }));
        expect((await client.query('SELECT 1 FROM sentence_postings')).rowCount).toBeGreaterThan(5);
        expect(await mismatches()).toBe(0);
        await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['Only the quay now.'] }), origin({ textHash: 'a2' }));
        await store.markRemoved(['b'], '2026-12-03T00:00:00.000Z');
        expect(await mismatches()).toBe(0);
        expect((await client.query("SELECT 1 FROM sentence_postings WHERE term = 'board'")).rowCount).toBe(0);
        // Migration 3 run again on sentences already there fills their postings.
        await client.query('DELETE FROM sentence_postings');
        await client.query(
          `INSERT INTO sentence_postings (term, sentence, tf, dl) ${migrations
            .find((m) => m.version === 3)!
            .sql.split('INSERT INTO sentence_postings (term, sentence, tf, dl)')
            .pop()}`,
        );
        expect(await mismatches()).toBe(0);
        await store.close();
      } finally {
        await client.end().catch(() => undefined);
        await dropSchema(url, schema);
      }
    });

    it('migrates once when several replicas start together', async () => {
      const schema = freshSchema();
      try {
        const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { schema, max: 2 })));
        expect(await Promise.all(stores.map((s) => s.countArticles()))).toEqual([0, 0, 0]);
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await dropSchema(url, schema);
      }
    });

    it('applies a new migration in a transaction and rolls a broken one back', async () => {
      const schema = freshSchema();
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
      try {
        await pool.query(`CREATE SCHEMA ${schema}`);
        await migrate(pool);
        const next = [...migrations, { version: 999, name: 'test column', sql: 'ALTER TABLE articles ADD COLUMN note TEXT;' }];
        expect(await migrate(pool, next)).toBe(999);
        await expect(pool.query('SELECT note FROM articles')).resolves.toBeDefined();
        const broken = [...next, { version: 1000, name: 'broken', sql: 'CREATE TABLE half (x int); THIS IS NOT SQL;' }];
        await expect(migrate(pool, broken)).rejects.toThrow();
        const { rows } = await pool.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'half'", [schema]);
        expect(rows[0].n).toBe(0);
      } finally {
        await pool.end();
        await dropSchema(url, schema);
      }
    });

    it('refuses a database written by a newer schema', async () => {
      const schema = freshSchema();
      try {
        await (await openPostgresStore(url, { schema })).close();
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [9999, 'from the future', '2099-01-01']);
        await client.end();
        await expect(openPostgresStore(url, { schema })).rejects.toThrow(/newer than this briefbot/);
      } finally {
        await dropSchema(url, schema);
      }
    });
  });
});
