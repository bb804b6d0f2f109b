/**
 * PostgreSQL's early stop for wide OR searches (sentence-search.ts, bm25-pruning.ts's bound):
 * on the seeded corpus of the SQLite test, every query gives exactly the hits, scores and order
 * of ranking every match, on PostgreSQL and as SQLite's FTS5 gives them, whether the candidates
 * answered or the bound sent the search back to rank everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentenceHit, Store } from '../../../src/core/ports/store.ts';
import { openFts5Tokenizer, type Fts5Tokenizer } from '../../../src/store/fts5-tokens.ts';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import { createSentenceSearch } from '../../../src/store/postgres/sentence-search.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { dropSchema, freshSchema, withTestDatabase } from './postgres-database.ts';
import { rankingQueries, writeRankingCorpus } from './ranking-corpus.ts';

const QUERIES = rankingQueries(120);
const hitsOf = (hits: readonly SentenceHit[]) => hits.map((hit) => ({ article: hit.article, sentence: hit.sentence, score: hit.score }));

withTestDatabase((url) => {
  describe('PostgreSQL sentence search with an early stop', () => {
    const schema = freshSchema();
    let dir: string;
    let pool: pg.Pool;
    let tokenizer: Fts5Tokenizer;
    /** Each query's hits from SQLite's FTS5, which the PostgreSQL engine matches. */
    let fts5: { article: string; sentence: number; score: number }[][];

    beforeAll(async () => {
      const store: Store = await openPostgresStore(url, { schema });
      await writeRankingCorpus(store);
      await store.close();
      dir = mkdtempSync(join(tmpdir(), 'briefbot-pg-pruning-'));
      const sqlite = openSqliteStore(join(dir, 'briefbot.db'));
      await writeRankingCorpus(sqlite);
      // With no common word, nothing is pruned: FTS5 ranks every match.
      fts5 = [];
      for (const { terms, limit } of QUERIES) fts5.push(hitsOf(await sqlite.searchSentences({ terms, limit })));
      await sqlite.close();
      pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
      tokenizer = openFts5Tokenizer();
    });

    afterAll(async () => {
      tokenizer?.close();
      await pool?.end();
      await dropSchema(url, schema);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('returns exactly the sentences, scores and order of ranking every match, ties included', async () => {
      // Every word with 5% of the sentences is common here, and pruning is tried on any query.
      const pruned = createSentenceSearch(pool, tokenizer, { commonShare: 0.05, minPostings: 0, commonPostingsShare: 0 });
      // No word is common: every match is ranked.
      const whole = createSentenceSearch(pool, tokenizer, { commonShare: 2, minPostings: 0, commonPostingsShare: 0 });
      let compared = 0;
      for (const [n, { terms, limit }] of QUERIES.entries()) {
        const expected = hitsOf(await whole({ terms, limit }));
        expect(expected, terms.join(' | ')).toEqual(fts5[n]);
        expect(hitsOf(await pruned({ terms, limit })), terms.join(' | ')).toEqual(expected);
        compared += 1;
      }
      expect(compared).toBe(QUERIES.length);
      expect(whole.pruning).toEqual({ answered: 0, retried: 0 });
      // Both ways were taken: answers from the candidates alone, and queries the bound sent back to rank every match.
      expect(pruned.pruning.answered).toBeGreaterThan(20);
      expect(pruned.pruning.retried).toBeGreaterThan(0);
    });

    it('tries the early stop only where the common words hold most of the postings read', async () => {
      const pruned = createSentenceSearch(pool, tokenizer, { commonShare: 0.05, minPostings: 0, commonPostingsShare: 2 / 3 });
      const whole = createSentenceSearch(pool, tokenizer, { commonShare: 2, minPostings: 0, commonPostingsShare: 0 });
      // "ferry" and "ferries" are one stem named twice: not common, and read twice, more than "harbour".
      const rareHeavy = { terms: ['harbour', 'ferry', 'ferries'], limit: 20 };
      expect(hitsOf(await pruned(rareHeavy))).toEqual(hitsOf(await whole(rareHeavy)));
      expect(pruned.pruning).toEqual({ answered: 0, retried: 0 });
      const commonHeavy = { terms: ['harbour', 'council', 'weather', 'kelp'], limit: 20 };
      expect(hitsOf(await pruned(commonHeavy))).toEqual(hitsOf(await whole(commonHeavy)));
      expect(pruned.pruning.answered + pruned.pruning.retried).toBe(1);
    });

    it('ranks every match for an AND search and within given articles', async () => {
      const pruned = createSentenceSearch(pool, tokenizer, { commonShare: 0.05, minPostings: 0, commonPostingsShare: 0 });
      const whole = createSentenceSearch(pool, tokenizer, { commonShare: 2, minPostings: 0, commonPostingsShare: 0 });
      const terms = ['harbour', 'ferry', 'council', 'kelp'];
      for (const query of [
        { terms, limit: 20, match: 'all' as const },
        { terms, limit: 20, articles: ['a1', 'a2', 'a3'] },
      ]) {
        expect(hitsOf(await pruned(query))).toEqual(hitsOf(await whole(query)));
      }
      expect(pruned.pruning).toEqual({ answered: 0, retried: 0 });
    });
  });
});
