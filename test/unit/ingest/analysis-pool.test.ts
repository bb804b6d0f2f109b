import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { analyseRawArticle } from '../../../src/ingest/analyse-raw.ts';
import { createAnalysisPool, type AnalysisPool } from '../../../src/ingest/analysis-pool.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import type { SourceArticle } from '../../../src/ingest/read-article.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { tempFolder } from './helpers.ts';

const raw: SourceArticle = {
  id: 'x',
  path: '/x.txt',
  text: 'Council approves new bridge\n\n"It will open next spring," said Mayor Ana Ruiz on Monday.\n\nThe bridge cost £12m.',
  meta: { outlet: 'The Local', published: '2021-03-01' },
  firstLine: 1,
  encoding: 'utf-8',
};

describe('the analysis pool', () => {
  let pool: AnalysisPool;
  beforeEach(() => {
    pool = createAnalysisPool(2);
  });
  afterEach(async () => {
    await pool.close();
  });

  it('gives the same analysis as analysing on this thread', async () => {
    const [first, second] = await Promise.all([pool.analyse(raw, 'h1'), pool.analyse({ ...raw, id: 'y' }, 'h2')]);
    expect(first).toEqual(analyseRawArticle(raw, 'h1'));
    expect(second.id).toBe('y');
  });

  it('rejects with the analyser’s error and keeps working', async () => {
    const broken = { ...raw, text: undefined } as unknown as SourceArticle;
    await expect(pool.analyse(broken, 'h')).rejects.toThrow();
    expect((await pool.analyse(raw, 'h')).id).toBe('x');
  });

  it('refuses work once closed', async () => {
    await pool.close();
    await expect(pool.analyse(raw, 'h')).rejects.toThrow('closed');
  });
});

describe('ingest on worker threads', () => {
  it('stores exactly what ingest on this thread stores', async () => {
    const folder = tempFolder();
    const threaded = openSqliteStore(':memory:');
    const single = openSqliteStore(':memory:');
    try {
      for (let i = 0; i < 220; i++) {
        folder.write(
          `n/${String(i).padStart(3, '0')}.txt`,
          `Report number ${i}\n\n"We counted ${i} votes," said Officer Lee Park.\n\nThe count ended at ${(i % 12) + 1}pm.`,
        );
      }
      folder.write('n/copy.txt', 'Report number 7\n\n"We counted 7 votes," said Officer Lee Park.\n\nThe count ended at 8pm.');
      const deps = { clock: systemClock, log: silentLogger };
      // Written in full batches, whatever the workers' pace: a commit per article rewrites its pages.
      const batches: number[] = [];
      const counting = {
        ...threaded,
        putArticles: async (...args: Parameters<typeof threaded.putArticles>) => {
          batches.push(args[0].length);
          return threaded.putArticles(...args);
        },
      };
      const a = await ingestPaths([folder.dir], { ...deps, store: counting, workers: 2 });
      expect(batches).toEqual([64, 64, 64, 28]);
      const b = await ingestPaths([folder.dir], { ...deps, store: single });
      expect(a.added).toEqual(b.added);
      expect(a.duplicates).toEqual([{ id: 'n/copy', of: 'n/007' }]);
      expect(b.duplicates).toEqual(a.duplicates);
      for (const id of ['n/000', 'n/123', 'n/219']) {
        const [x, y] = [await threaded.getArticle(id), await single.getArticle(id)];
        expect(x?.analysis).toEqual(y?.analysis);
        expect(x?.meta).toEqual(y?.meta);
      }
      expect(await threaded.listQuotes()).toEqual(await single.listQuotes());
    } finally {
      await threaded.close();
      await single.close();
      folder.cleanup();
    }
  });
});
