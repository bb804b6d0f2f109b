/**
 * Both engines answer a search with the same hits in the same order and with equal scores: the
 * PostgreSQL engine tokenizes as FTS5 does and computes FTS5's bm25 from the same counts, so a
 * question cites the same sentences whichever engine serves it. The corpus is written here;
 * replacements and removals run on both so the counters must follow them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentenceQuery, Store } from '../../../src/core/ports/store.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { analysedArticle, origin } from './article-fixture.ts';
import { freshPostgresStore, withTestDatabase } from './postgres-database.ts';

const CORPUS: Record<string, string[]> = {
  'harbour/01': [
    'The harbour board voted to close the northern quay. Fishermen said the vote was rushed.',
    'A spokesman for the board said the quay was unsafe. The closure takes effect in March.',
  ],
  'harbour/02': [
    'Fishermen protested outside the harbour office on Monday. Some carried signs reading "Save our quay".',
    'The board’s chair, Ana Ruiz, said: "We cannot run a quay that is falling into the sea."',
  ],
  'harbour/03': ['Ruiz said the vote was not rushed. The board had studied the quay for two years.', 'Repairs would cost £3.2m, the board said.'],
  'harbour/04': [
    'Café owners near the quay fear losing trade. "Without the boats, nobody comes," one said.',
    'The café on the corner has been open since 1962.',
  ],
  'harbour/05': ['Quay quay quay: the word was everywhere at the meeting.', 'Vote. Vote. Vote.'],
  'harbour/06': ['The northern quay will close.', 'The southern quay will stay open, the board said.', 'Fishermen may moor at the southern quay.'],
  'harbour/09': ['"Quay, quay, quay!" the crowd chanted as the board met.', 'The board said the board would meet again.'],
  'harbour/07': ['An unrelated story about a bakery.', 'The baker said bread prices will rise.'],
};

const QUERIES: SentenceQuery[] = [
  { terms: ['quay'] },
  { terms: ['quay'], limit: 3 },
  { terms: ['vote', 'rushed'] },
  { terms: ['vote', 'rushed'], match: 'all' },
  { terms: ['northern quay'] },
  { terms: ['southern quay', 'board'] },
  { terms: ['cafe'] },
  { terms: ['Café owners'] },
  { terms: ['fisherman'] },
  { terms: ['board'], articles: ['harbour/03', 'harbour/06'] },
  { terms: ['said'] },
  { terms: ['the'] },
  { terms: ['3.2m'] },
  { terms: ['board’s chair'] },
  { terms: ['AND', 'NEAR(', '"quay'] },
  { terms: ['nothing-matches-this'] },
  { terms: ['quay', 'quay'] },
  { terms: ['bread', 'baker', 'bakery'], match: 'any', limit: 50 },
  // Four stems summed: FTS5 adds them in the query's order, and so must the postings' aggregate.
  { terms: ['quay', 'board', 'vote', 'said'], limit: 50 },
  { terms: ['said', 'vote', 'board', 'quay'], limit: 50 },
  { terms: ['quay', 'quay', 'board'], match: 'all' },
  { terms: ['fishermen', 'quay', 'southern'], match: 'all' },
  // A phrase that occurs twice in a sentence ("quay quay quay"), and one whose stem "the" occurs
  // more often than the phrase: a phrase is counted, not taken as its rarest stem's count.
  { terms: ['quay quay'] },
  { terms: ['the board', 'quay quay', 'southern quay'], limit: 50 },
  { terms: ['the board', 'the quay'], match: 'all' },
];

async function fill(store: Store): Promise<void> {
  for (const [id, paragraphs] of Object.entries(CORPUS)) {
    await store.putArticle(analysedArticle({ id, paragraphs }), origin({ textHash: id }));
  }
  // A replaced text and a removal must leave the counters as FTS5's.
  await store.putArticle(
    analysedArticle({ id: 'harbour/05', paragraphs: ['Quay quay: the word was everywhere at the meeting.', 'Vote.'] }),
    origin({ textHash: 'v2' }),
  );
  await store.putArticle(analysedArticle({ id: 'harbour/08', paragraphs: ['A quay story soon removed.'] }), origin({ textHash: '8' }));
  await store.markRemoved(['harbour/08'], '2024-06-01T00:00:00.000Z');
}

withTestDatabase((url) => {
  describe('search on SQLite and PostgreSQL', () => {
    let sqlite: Store;
    let postgres: Store;
    beforeAll(async () => {
      sqlite = openSqliteStore(':memory:');
      postgres = await freshPostgresStore(url);
      await fill(sqlite);
      await fill(postgres);
    });
    afterAll(async () => {
      await sqlite.close();
      await postgres.close();
    });

    it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))('gives the same hits, order and scores for %s', async (_, query) => {
      const expected = await sqlite.searchSentences(query);
      expect(await postgres.searchSentences(query)).toEqual(expected);
    });

    it('finds something for most queries, so the comparison is not of empty lists', async () => {
      const found = await Promise.all(QUERIES.map((query) => sqlite.searchSentences(query)));
      expect(found.filter((hits) => hits.length > 0).length).toBeGreaterThan(QUERIES.length - 3);
    });

    it('counts the documents of each stem as FTS5 does', async () => {
      const stems = ['quay', 'vote', 'fishermen', 'cafe', 'the', 'remov', 'absent'];
      expect(await postgres.termStatistics(stems)).toEqual(await sqlite.termStatistics(stems));
    });
  });
});
