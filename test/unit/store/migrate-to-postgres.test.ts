/**
 * `briefbot migrate` from SQLite to PostgreSQL, checked through the Store interface: a store
 * populated as the bot populates one (the seed story ingested and linked, a duplicate, a removed
 * article, a digest subscription with a posted run and its watermark, a feed with a poll and an
 * item, a conversation, an answer with a vote) reads the same on both sides, search included;
 * a second run changes nothing; a run interrupted half-way and run again ends the same; the
 * story's linking keys come along, so the next article is linked on its own on both engines.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { composeQuotes } from '../../../src/core/compose/quotes.ts';
import type { QuoteSpeakerState, Store } from '../../../src/core/ports/store.ts';
import { createStoryView } from '../../../src/core/retrieve/story-view.ts';
import { ingestPaths, relinkStory } from '../../../src/ingest/ingest.ts';
import { migrateSqliteToPostgres } from '../../../src/store/migrate/sqlite-to-postgres.ts';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';
import { dropSchema, freshSchema, withTestDatabase } from './postgres-database.ts';

const AT = '2026-03-02T09:00:00.000Z';
const QUERIES = [['Huawei'], ['security', 'network'], ['said'], ['5G network'], ['Williamson', 'concerns']];

/** Everything the store serves, read through its interface (the revision aside: it counts writes). */
async function everything(store: Store) {
  const fingerprints = [...(await store.fingerprints()).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const articles = await store.listArticles();
  const subscriptions = await store.digests.subscriptions();
  const sequence = await store.contentSequence();
  return {
    fingerprints,
    articles,
    full: await Promise.all(articles.map((a) => store.getArticle(a.id))),
    quotes: await store.listQuotes(),
    story: await store.storyEntities(),
    needsLinking: await store.needsLinking(),
    search: await Promise.all(QUERIES.map((terms) => store.searchSentences({ terms, limit: 50 }))),
    terms: await store.termStatistics(['huawei', 'said', 'secur', 'network']),
    sequence,
    changes: await store.articleChanges(0, sequence),
    subscriptions,
    runs: await Promise.all(subscriptions.map((s) => store.digests.runs(s.id, 50))),
    feeds: await store.feeds.feeds(),
    item: await store.feeds.seenItem(['guid:item-1']),
    conversation: await store.conversations.conversation('console:terminal'),
    message: await store.conversations.conversationOfMessage('m1'),
    answer: await store.answers.answer('a1'),
    feedback: await store.answers.feedback(10),
  };
}

withTestDatabase((url) => {
  describe('migrating a SQLite index to PostgreSQL', () => {
    let dir: string;
    let file: string;
    let expected: Awaited<ReturnType<typeof everything>>;
    const schemas: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'briefbot-migrate-'));
      file = join(dir, 'briefbot.db');
      const store = openSqliteStore(file);
      await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: { now: () => new Date(AT) }, log: silentLogger });
      const [first, second] = (await store.listArticles()).map((a) => a.id);
      const original = (await store.fingerprints()).get(first!)!;
      await store.putDuplicate({
        id: 'copy-of-first',
        path: '/elsewhere/copy.txt',
        root: '/elsewhere',
        hash: 'h-copy',
        textHash: original.textHash,
        duplicateOf: first!,
        at: AT,
      });
      await store.markRemoved([second!], AT);
      const { record } = await store.digests.saveSubscription(
        { platform: 'slack', workspace: 'T1', channel: 'C1' },
        { time: '09:00', days: [1, 2, 3], timezone: null, topic: null, empty: 'skip' },
        'U1',
        AT,
      );
      const ref = { subscription: record.id, slot: '2026-03-03T09:00:00.000Z' };
      await store.digests.claimRun({ ...ref, owner: 'p1', at: AT, leaseUntil: '2026-03-03T09:05:00.000Z', catchUp: false });
      await store.digests.startPosting(ref, 'p1', '2026-03-03T09:05:00.000Z');
      await store.digests.finishRun(ref, 'p1', { state: 'posted', fromSeq: null, toSeq: 3, articles: 3 }, AT);
      const feed = await store.feeds.addFeed({
        url: 'https://courier.example/feed.xml',
        addedFrom: null,
        owner: { platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' },
        intervalMinutes: 15,
        at: AT,
      });
      await store.feeds.claimPoll({ feed: feed.record.id, slot: AT, owner: 'p1', at: AT, leaseUntil: '2026-03-02T09:05:00.000Z' });
      await store.feeds.saveItem(
        ['guid:item-1', 'url:https://courier.example/1'],
        feed.record.id,
        { article: first!, entryHash: 'e1', status: 'indexed', reason: null, attempts: 1 },
        AT,
      );
      await store.conversations.saveConversation('console:terminal', [], AT);
      await store.conversations.linkMessage('m1', 'console:terminal', AT);
      await store.answers.saveAnswer({
        id: 'a1',
        platform: 'slack',
        conversation: null,
        command: 'ask',
        question: 'Who?',
        reply: { parts: [], citations: [] },
        at: AT,
      });
      await store.answers.vote({ answer: 'a1', platform: 'slack', user: 'U2', vote: 'down', at: AT });
      expected = await everything(store);
      await store.close();
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      for (const schema of schemas) await dropSchema(url, schema);
    });

    const migrated = async (schema: string) => {
      const store = await openPostgresStore(url, { schema });
      try {
        return await everything(store);
      } finally {
        await store.close();
      }
    };

    it('serves the same articles, quotations, story, search, digests, feeds, conversations and answers', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const report = await migrateSqliteToPostgres(file, url, { schema });
      expect(report.articles).toBe(expected.fingerprints.length);
      expect(expected.quotes.length).toBeGreaterThan(0);
      expect(expected.search.every((hits) => hits.length > 0)).toBe(true);
      expect(await migrated(schema)).toEqual(expected);
      // Run again: nothing to write, the same database.
      expect((await migrateSqliteToPostgres(file, url, { schema })).copied).toBe(0);
      expect(await migrated(schema)).toEqual(expected);
    });

    it('finishes a run that was interrupted half-way when it is run again', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const interrupted = migrateSqliteToPostgres(file, url, {
        schema,
        batch: 2,
        onBatch: () => {
          throw new Error('power cut');
        },
      });
      await expect(interrupted).rejects.toThrow('power cut');
      const again = await migrateSqliteToPostgres(file, url, { schema, batch: 2 });
      expect(again.copied).toBe(expected.fingerprints.length - 2);
      expect(await migrated(schema)).toEqual(expected);
    });

    it("carries the quoted speakers' counts and their marks over, so the first quote on PostgreSQL counts only what the source would", async () => {
      const copy = join(dir, 'counted.db');
      copyFileSync(file, copy);
      const sqlite = openSqliteStore(copy);
      await relinkStory({ store: sqlite }, [], silentLogger);
      const counted = await composeQuotes({}, createStoryView(sqlite));
      const whole = await sqlite.quoteSpeakers();
      expect(whole.version).not.toBeNull();
      expect(whole.speakers.length).toBeGreaterThan(0);
      expect(whole.changed).toEqual([]);
      // One quoted article removed: its speakers are marked for a recount, the rest stay counted.
      const quoted = (await sqlite.listQuotes()).find((quote) => quote.speaker !== null)!;
      await sqlite.markRemoved([quoted.article], AT);
      const source = await sqlite.quoteSpeakers();
      expect(source.changed.length).toBeGreaterThan(0);
      expect(source.changed.length).toBeLessThan(source.speakers.length);
      const afterRemoval = await composeQuotes({}, createStoryView(sqlite));
      await sqlite.close();
      const schema = freshSchema();
      schemas.push(schema);
      await migrateSqliteToPostgres(copy, url, { schema });
      const postgres = await openPostgresStore(url, { schema });
      try {
        const sorted = (state: QuoteSpeakerState) => ({
          version: state.version,
          speakers: [...state.speakers].sort((a, b) => (a.speaker < b.speaker ? -1 : 1)),
          changed: [...state.changed].sort((a, b) => (a.speaker < b.speaker ? -1 : 1)),
        });
        expect(sorted(await postgres.quoteSpeakers())).toEqual(sorted(source));
        expect(await composeQuotes({}, createStoryView(postgres))).toEqual(afterRemoval);
        expect(afterRemoval).not.toEqual(counted);
      } finally {
        await postgres.close();
      }
    });

    it('carries the linking keys over, so the next article is linked on its own as on SQLite', async () => {
      const copy = join(dir, 'linked.db');
      copyFileSync(file, copy);
      const sqlite = openSqliteStore(copy);
      await relinkStory({ store: sqlite }, [], silentLogger);
      expect(await sqlite.needsLinking()).toBe(false);
      await sqlite.close();
      const schema = freshSchema();
      schemas.push(schema);
      await migrateSqliteToPostgres(copy, url, { schema });
      // The same new article, naming a person of the story and a new one, linked on both.
      const [story] = await (async () => {
        const store = openSqliteStore(copy);
        try {
          return [await store.storyEntities()];
        } finally {
          await store.close();
        }
      })();
      const named = story!.find((entity) => entity.kind === 'person' && entity.articleCount > 1)!;
      const article = analysedArticle({
        id: 'zz/late',
        paragraphs: [`${named.name} met Ottilie Brandsma.`],
        entities: [person('p0', named.name), person('p1', 'Ottilie Brandsma')],
        quotes: [],
      });
      const read = async (store: Store) => {
        try {
          await store.putArticle(article, origin(), { link: true });
          return { needsLinking: await store.needsLinking(), story: await store.storyEntities(), quotes: await store.listQuotes() };
        } finally {
          await store.close();
        }
      };
      const onSqlite = await read(openSqliteStore(copy));
      expect(onSqlite.needsLinking).toBe(false);
      expect(onSqlite.story.find((entity) => entity.id === named.id)?.articleCount).toBe(named.articleCount + 1);
      expect(await read(await openPostgresStore(url, { schema }))).toEqual(onSqlite);
    });
  });
});
