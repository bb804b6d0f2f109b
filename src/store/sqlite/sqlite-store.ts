/**
 * The embedded Store engine: one SQLite file through better-sqlite3, in WAL mode with
 * `synchronous=NORMAL` (a crash loses at most the last commits, never consistency), foreign
 * keys on, the schema migrated on open, every statement prepared once, and each write in one
 * transaction. Calls are synchronous underneath; the async port lets Postgres share it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleWrite, DuplicateEntry, Store } from '../../core/ports/store.ts';
import { createSqliteAnswerStore } from './answer-store.ts';
import { prepareArticleReader } from './article-reader.ts';
import { prepareArticleWriter } from './article-writer.ts';
import { prepareContentSequence } from './content-sequence.ts';
import { createSqliteConversationStore } from './conversation-store.ts';
import { createSqliteDigestStore } from './digest-store.ts';
import { createSqliteFeedStore } from './feed-store.ts';
import { prepareFtsIndexer } from './fts-index.ts';
import { type Affected, prepareIncrementalLinker } from './incremental-linking.ts';
import { migrate, PAGE_SIZE } from './migrations.ts';
import { prepareQuoteReader, prepareQuoteTexts } from './quote-reader.ts';
import { prepareQuoteSpeakers } from './quote-speakers.ts';
import { entitiesByArticle, entitiesByArticleNow } from './rows.ts';
import type { LinkedStory } from '../../core/analyse/story-passes.ts';
import { prepareSentenceLookup, prepareSentenceSearch } from './sentence-search.ts';
import { prepareStoryEntities } from './story-entities.ts';
import { prepareTermStatistics } from './term-statistics.ts';

export const IN_MEMORY = ':memory:';

/** Sentences are indexed for search at least every this many article writes (see fts-index.ts). */
const INDEX_EVERY = 256;

/**
 * Opens (creating it, and its folder, if need be) the database at `file`, or an in-memory
 * one for `:memory:`, and brings its schema up to date.
 *
 * @example const store = openSqliteStore('data/briefbot.db'); … await store.close();
 */
export function openSqliteStore(file: string): Store {
  if (file !== IN_MEMORY) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Before anything is written: a new file takes it, an existing one keeps its own.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Another process (the bot while the CLI ingests) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    // Checkpoint every 32 MB of log rather than SQLite's 4 MB: an article write touches some
    // 25 pages, and each checkpoint syncs the file, so the default would sync every 40 articles.
    db.pragma('wal_autocheckpoint = 8192');
    // An 8 MB page cache (SQLite's default is 2 MB) keeps the b-tree interiors every article write walks in memory.
    db.pragma('cache_size = -8192');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStore(db);
}

/** `make()`, called on first use and kept. */
function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

function createSqliteStore(db: Database.Database): Store {
  const reader = prepareArticleReader(db);
  const quotes = prepareQuoteReader(db);
  const quoteTexts = prepareQuoteTexts(db);
  const quoteSpeakers = prepareQuoteSpeakers(db);
  const search = prepareSentenceSearch(db);
  const lookup = prepareSentenceLookup(db);
  // What only writes, digests, feeds and conversations use is prepared when first used: a
  // one-shot question from the CLI prepares none of it (some 30 statements, 5-7 ms of a call).
  const writer = lazily(() => prepareArticleWriter(db));
  const linker = lazily(() => prepareIncrementalLinker(db));
  const story = prepareStoryEntities(db, { rewriteKeys: (id) => linker().rewriteKeys(id) });
  const fts = prepareFtsIndexer(db);
  const terms = prepareTermStatistics(db);
  const sequence = lazily(() => prepareContentSequence(db));
  const digests = lazily(() => createSqliteDigestStore(db));
  const feeds = lazily(() => createSqliteFeedStore(db));
  const conversations = lazily(() => createSqliteConversationStore(db));
  const answers = lazily(() => createSqliteAnswerStore(db));
  // SQLite's data_version moves when another connection commits; our own writes are counted
  // here. Together they say whether anything this store serves may have changed.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let ownWrites = 0;
  let unindexedWrites = 0;
  const written = (articles: number) => {
    ownWrites += 1;
    unindexedWrites += articles;
    if (unindexedWrites < INDEX_EVERY) return;
    fts.catchUp();
    unindexedWrites = 0;
  };
  // A failed incremental linking rolls back to here and leaves the story marked for a whole relink.
  const linkOrMark = db.transaction((ids: readonly string[], before: Affected) => linker().link(ids, before));
  /** Runs `write` on `ids`, then links them into the story (or marks it for a relink), all in one transaction. */
  const linkedWrite = <T extends unknown[]>(write: (...args: T) => void, idsOf: (...args: T) => readonly string[]) =>
    db.transaction((link: boolean, ...args: T) => {
      const ids = idsOf(...args);
      const before = { linked: new Set<string>(), scope: new Set<string>() };
      if (link) {
        for (const id of ids) {
          const affected = linker().affectedBy(id);
          for (const entity of affected.linked) before.linked.add(entity);
          for (const entity of affected.scope) before.scope.add(entity);
        }
      }
      write(...args);
      if (!link) return linker().markStale();
      try {
        linkOrMark(ids, before);
      } catch {
        linker().markStale();
      }
    });
  const putArticles = linkedWrite(
    (entries: readonly ArticleWrite[]) => {
      for (const { article, origin } of entries) writer().put(article, origin);
    },
    (entries) => [...new Set(entries.map((entry) => entry.article.id))],
  );
  const putDuplicates = linkedWrite(
    (entries: readonly DuplicateEntry[]) => {
      for (const entry of entries) writer().putDuplicate(entry);
    },
    (entries) => [...new Set(entries.map((entry) => entry.id))],
  );
  const markRemoved = linkedWrite(
    (ids: readonly string[], at: string) => {
      for (const id of ids) writer().markRemoved(id, at);
    },
    (ids) => ids,
  );
  const saveStory = db.transaction(story.save);
  const saveLinked = db.transaction((linked: LinkedStory) =>
    story.saveLinked(
      linked,
      entitiesByArticleNow((after) => reader.entitiesAfter(after)),
    ),
  );

  return {
    fingerprints: async () => reader.fingerprints(),
    fingerprintsOf: async (query) => reader.fingerprintsOf(query),
    currentWithText: async (textHash) => reader.currentWithText(textHash),
    // IMMEDIATE, as every write that reads first: processes sharing the file queue for the
    // write lock instead of failing with SQLITE_BUSY when one upgrades a stale read.
    putArticle: async (article, origin, options = {}) => {
      putArticles.immediate(options.link === true, [{ article, origin }]);
      written(1);
    },
    putArticles: async (entries, options = {}) => {
      if (entries.length === 0) return;
      putArticles.immediate(options.link === true, entries);
      written(entries.length);
    },
    putDuplicate: async (entry, options = {}) => {
      putDuplicates.immediate(options.link === true, [entry]);
      ownWrites += 1;
    },
    putDuplicates: async (entries, options = {}) => {
      if (entries.length === 0) return;
      putDuplicates.immediate(options.link === true, entries);
      ownWrites += 1;
    },
    markRemoved: async (ids, at, options = {}) => {
      markRemoved.immediate(options.link === true, ids, at);
      ownWrites += 1;
    },
    countArticles: async () => reader.count(),
    listArticles: async () => reader.list(),
    articleSummaries: async (ids) => reader.summaries(ids),
    newestArticles: async (limit) => reader.newest(limit),
    getArticle: async (id) => reader.get(id),
    listArticleEntities: async () => reader.entities(),
    eachArticleEntities: () => entitiesByArticle((after) => reader.entitiesAfter(after)),
    listQuotes: async (filter = {}) => quotes(filter),
    quoteTextsOf: async (speakerId) => quoteTexts(speakerId),
    saveStoryEntities: async (entities) => {
      saveStory.immediate(entities);
      ownWrites += 1;
    },
    saveLinkedStory: async (linked) => {
      saveLinked.immediate(linked);
      ownWrites += 1;
    },
    storyEntities: async () => story.list(),
    quotedEntities: async () => story.quoted(),
    quoteSpeakers: async () => quoteSpeakers.read(),
    // Not one of ownWrites: the counts follow from what is stored, so cached views stay good.
    saveQuoteSpeakers: async (update) => quoteSpeakers.save(update),
    storyEntitiesByKey: async ({ names = [], roleStems = [] }) => story.byKey(names, roleStems),
    prominentEntities: async (kind, minArticles) => story.prominent(kind, minArticles),
    needsLinking: async () => story.anyUnlinked(),
    searchSentences: async (query) => {
      fts.catchUp();
      return search(query);
    },
    sentencesAt: async (refs) => lookup(refs),
    termStatistics: async (stems) => {
      fts.catchUp();
      return terms(stems);
    },
    revision: async () => `${dataVersion.get() as number}.${ownWrites}`,
    contentSequence: async () => sequence().last(),
    articleChanges: async (after, upTo) => sequence().changes(after, upTo),
    get digests() {
      return digests();
    },
    get feeds() {
      return feeds();
    },
    get conversations() {
      return conversations();
    },
    get answers() {
      return answers();
    },
    close: async () => {
      if (!db.open) return;
      try {
        fts.catchUp();
      } catch {
        // Busy past the timeout: indexing is idempotent, and whoever opens the file next finishes it.
      } finally {
        search.close();
        db.close();
      }
    },
  };
}
