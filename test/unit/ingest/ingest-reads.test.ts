/**
 * What an ingest run reads of the story: the fingerprints of its own files (by id and path)
 * and the holder of each text it meets, by index; never every article's fingerprint, nor the
 * article list. Counted by a store that tallies the rows each read hands back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { analysedArticle } from '../store/article-fixture.ts';
import { countingStore } from '../../support/counting-store.ts';
import { tempFolder, testDeps } from './helpers.ts';

const STORED = 400;

/** The store, with the rows each read method handed back, by method. */
function counting(store: Store): { store: Store; rows: Map<string, number> } {
  const { store: wrapped, reads } = countingStore(store);
  return { store: wrapped, rows: reads.rows };
}

describe('an ingest run reads only what its files need', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: Store;
  beforeEach(async () => {
    folder = tempFolder();
    store = openSqliteStore(':memory:');
    // A story of hundreds of fingerprints: one article, and many exact duplicates of it.
    await store.putArticle(
      analysedArticle({ id: 'first', paragraphs: ['The port reopened on Monday. '] }),
      { root: '/elsewhere', textHash: 'text-of-first', analysisVersion: 1, at: '2024-05-01T00:00:00.000Z' },
      { link: true },
    );
    for (let i = 0; i < STORED; i++) {
      await store.putDuplicate(
        {
          id: `copy-${i}`,
          path: `/elsewhere/copy-${i}.txt`,
          root: '/elsewhere',
          hash: `hash-${i}`,
          textHash: 'text-of-first',
          duplicateOf: 'first',
          at: '2024-05-01T00:00:00.000Z',
        },
        { link: true },
      );
    }
  });
  afterEach(async () => {
    await store.close();
    folder.cleanup();
  });

  it('adding one new file reads its own fingerprint and its text holder, not the story', async () => {
    const path = folder.write('news/new-one.txt', 'Harbour dues rise\n\nThe harbour board raised its dues on Tuesday.\n');
    const { store: spied, rows } = counting(store);
    const report = await ingestPaths([path], testDeps(spied, { incrementalLinking: 200 }));
    expect(report.added).toEqual(['new-one']);
    expect(rows.has('fingerprints')).toBe(false);
    expect(rows.has('listArticles')).toBe(false);
    expect(rows.has('listArticleEntities')).toBe(false);
    // The file's id is new and no article holds its text.
    expect(rows.get('fingerprintsOf')).toBe(0);
    expect(rows.get('currentWithText')).toBe(0);
    expect((await store.fingerprintsOf({ ids: ['new-one'] })).get('new-one')?.status).toBe('current');
  });

  it('still finds the original of an exact copy, and an unchanged file, by index', async () => {
    const path = folder.write('copy.txt', 'Harbour dues rise\n\nThe harbour board raised its dues on Tuesday.\n');
    const original = folder.write('original.txt', 'Harbour dues rise\n\nThe harbour board raised its dues on Tuesday.\n');
    expect((await ingestPaths([original], testDeps(store, { incrementalLinking: 200 }))).added).toEqual(['original']);
    const { store: spied, rows } = counting(store);
    const report = await ingestPaths([path, original], testDeps(spied, { incrementalLinking: 200 }));
    expect(report.duplicates).toEqual([{ id: 'copy', of: 'original' }]);
    expect(report.unchanged).toEqual(['original']);
    expect(rows.has('fingerprints')).toBe(false);
    // The two files' own fingerprints (one stored), and the holder of their text.
    expect(rows.get('fingerprintsOf')).toBe(1);
    expect(rows.get('currentWithText')).toBe(1);
  });
});
