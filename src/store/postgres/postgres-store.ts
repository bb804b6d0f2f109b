/**
 * The scale-out Store engine: PostgreSQL through a `pg.Pool`, shared by any number of bot
 * replicas. The schema is migrated on open under an advisory lock; each article is written in
 * one transaction on one client; every value travels as a parameter. Full text answers as the
 * SQLite engine's FTS5 does (sentence-search.ts), so both engines cite the same sentences.
 */
import pg from 'pg';
import type { Store } from '../../core/ports/store.ts';
import { describeDatabaseUrl } from './database-url.ts';
import { createPostgresAnswerStore } from './answer-store.ts';
import { createArticleReader } from './article-reader.ts';
import { createArticleWriter, moveRevision } from './article-writer.ts';
import { createPostgresConversationStore } from './conversation-store.ts';
import { createPostgresDigestStore } from './digest-store.ts';
import { createPostgresFeedStore } from './feed-store.ts';
import { openFts5Tokenizer } from '../fts5-tokens.ts';
import { migrate } from './migrations.ts';
import { createQuoteReader, quotationsToCount, quoteTextsOf } from './quote-reader.ts';
import { createSentenceLookup, createSentenceSearch, createTermStatistics } from './sentence-search.ts';
import { affectedBy, linkArticles, markStale } from './incremental-linking.ts';
import { buildLinkKeys } from './link-keys.ts';
import { readQuoteSpeakers, saveQuoteSpeakers } from './quote-speakers.ts';
import {
  anyUnlinked,
  LINK_CHUNK,
  linksByRule,
  listQuotedEntities,
  listStoryEntities,
  lockStory,
  prominentEntities,
  roleHolders,
  saveStoryEntities,
  type StoryToSave,
  storyEntitiesByKey,
} from './story-entities.ts';
import { entitiesByArticle } from '../sqlite/rows.ts';
import { linksOfStory } from '../sqlite/story-entities.ts';
import { inTransaction, isRetryable } from './transaction.ts';
import { guardConnections, isConnectionError } from './unavailable.ts';

/** OIDs of PostgreSQL's 64-bit integer and numeric types. */
const INT8 = 20;

/** Counts and sequences are far below 2^53: read 64-bit integers as numbers, in this pool only. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** A schema to work in (created if missing) instead of the user's default: tests use one each. */
  readonly schema?: string;
  /** Most connections the pool opens (default 10). */
  readonly max?: number;
  /** Articles whose links a whole save compares at once (default story-entities.ts's LINK_CHUNK; tests use a few). */
  readonly linkChunk?: number;
}

/**
 * Connects to the database at `url`, migrates it, and returns the store. Throws an error whose
 * message names the host (never the password) when the server cannot be reached.
 *
 * @example const store = await openPostgresStore('postgres://bot@db.internal:5432/briefbot');
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const { connectionString, settings } = sessionSettings(url, schema);
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000, types, options: settings });
  // An idle client whose server went away must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  try {
    // Replicas creating one schema together race past IF NOT EXISTS: the loser's error is harmless.
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(ignoreCode('23505'));
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || /timeout/i.test((error as Error).message)) {
      throw new Error(`cannot reach PostgreSQL at ${describeDatabaseUrl(url)} (${code ?? (error as Error).message})`, { cause: error });
    }
    throw error;
  }
  return guardConnections(createPostgresStore(pool, options.linkChunk ?? LINK_CHUNK));
}

/**
 * The session settings every connection starts with: JIT off (it compiles a search's per-row
 * scoring for some 200 ms when the planner guesses many rows, longer than the query itself at
 * every size measured by npm run bench -- --engine postgres); a work_mem of 16 MB, so that a
 * search's contributions, sorted by sentence to be summed in FTS5's order, are sorted in memory
 * (at 100k, the sixteen terms of the bench's slowest question give 112k rows, 10 MB: with the
 * server's default 4 MB they went to a file, 7–10% more of the server's CPU for that search);
 * the schema when one is asked for; and any `options` the URL carries (taken out of it: pg would
 * let them replace ours, and so a URL can still set its own work_mem).
 */
function sessionSettings(url: string, schema: string | undefined): { connectionString: string; settings: string } {
  let connectionString = url;
  let fromUrl: string | null = null;
  try {
    const parsed = new URL(url);
    fromUrl = parsed.searchParams.get('options');
    if (fromUrl !== null) {
      parsed.searchParams.delete('options');
      connectionString = parsed.toString();
    }
  } catch {
    // Not a URL pg can read either: it says so when connecting.
  }
  return { connectionString, settings: ['-c jit=off', '-c work_mem=16MB', schema ? `-c search_path=${schema}` : null, fromUrl].filter(Boolean).join(' ') };
}

/** A catch handler that swallows one PostgreSQL error code and rethrows the rest. */
function ignoreCode(code: string): (error: unknown) => void {
  return (error) => {
    if ((error as { code?: string }).code !== code) throw error;
  };
}

function createPostgresStore(pool: pg.Pool, linkChunk: number): Store {
  const tokenizer = openFts5Tokenizer();
  const writer = createArticleWriter(tokenizer);
  const reader = createArticleReader(pool);
  const quotes = createQuoteReader(pool);
  const search = createSentenceSearch(pool, tokenizer);
  const lookup = createSentenceLookup(pool);
  const terms = createTermStatistics(pool);
  let closed = false;
  // Once built, the linking keys stay built: the flag is read until then, before a linked write.
  let keysBuilt = false;

  /** Makes the stored story equal to `story`, in one transaction. */
  /** Makes the stored story equal to `story`, in one transaction; the links are made and read on its client. */
  const saveStory = (story: (client: pg.PoolClient) => StoryToSave): Promise<void> =>
    inTransaction(pool, async (client) => {
      await saveStoryEntities(client, story(client), linkChunk);
      await moveRevision(client);
      // As SQLite's: the story stays marked while some current article's entity is not linked.
      await client.query('UPDATE store_state SET linking_stale = $1 WHERE id = 1', [await anyUnlinked(client)]);
    });

  /**
   * Runs `write` on the articles `ids` in one transaction, then links them into the story (or
   * marks it for a whole relink), as the SQLite engine does: under the story's lock, what they
   * affect is read before the write and linked after it; a linking that fails rolls back to the
   * write alone and leaves the story marked.
   */
  const linkedWrite = async (link: boolean, ids: readonly string[], write: (client: pg.PoolClient) => Promise<void>): Promise<void> => {
    if (link && !keysBuilt) {
      // A story from before migration 7 gets its keys from its links, not from a whole relink.
      await buildLinkKeys(pool);
      keysBuilt = true;
    }
    await inTransaction(pool, async (client) => {
      if (!link) {
        await write(client);
        await markStale(client);
        return;
      }
      await lockStory(client);
      const before = await affectedBy(client, ids);
      await write(client);
      await client.query('SAVEPOINT linking');
      try {
        await linkArticles(client, ids, before);
        await client.query('RELEASE SAVEPOINT linking');
      } catch (error) {
        // A lost connection, a deadlock or a conflict fails the transaction, which is run again.
        if (isConnectionError(error) || isRetryable(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT linking');
        await markStale(client);
      }
    });
  };

  return {
    fingerprints: () => reader.fingerprints(),
    fingerprintsOf: (query) => reader.fingerprintsOf(query),
    currentWithText: (textHash) => reader.currentWithText(textHash),
    putArticle: (article, origin, options = {}) => linkedWrite(options.link === true, [article.id], (client) => writer.putMany(client, [{ article, origin }])),
    putArticles: async (entries, options = {}) => {
      if (entries.length === 0) return;
      const ids = [...new Set(entries.map((entry) => entry.article.id))];
      await linkedWrite(options.link === true, ids, (client) => writer.putMany(client, entries));
    },
    putDuplicate: (entry, options = {}) => linkedWrite(options.link === true, [entry.id], (client) => writer.putDuplicates(client, [entry])),
    putDuplicates: async (entries, options = {}) => {
      if (entries.length === 0) return;
      const ids = [...new Set(entries.map((entry) => entry.id))];
      await linkedWrite(options.link === true, ids, (client) => writer.putDuplicates(client, entries));
    },
    markRemoved: (ids, at, options = {}) => linkedWrite(options.link === true, ids, (client) => writer.markRemoved(client, ids, at)),
    countArticles: () => reader.count(),
    listArticles: () => reader.list(),
    articleSummaries: (ids) => reader.summaries(ids),
    newestArticles: (limit) => reader.newest(limit),
    getArticle: (id) => reader.get(id),
    listArticleEntities: () => reader.entities(),
    eachArticleEntities: () => entitiesByArticle((after) => reader.entitiesAfter(after)),
    listQuotes: (filter = {}) => quotes(filter),
    quoteTextsOf: (speakerId) => quoteTextsOf(pool, speakerId),
    quotationsToCount: (speakerId) => quotationsToCount(pool, speakerId),
    saveStoryEntities: (story) => saveStory(() => ({ entities: story.entities, links: linksOfStory(story.links) })),
    // Each article's links made as its entities are read, in the save's transaction, a chunk of
    // articles at a time (story-entities.ts): the story's links are never all in memory.
    saveLinkedStory: (linked) =>
      saveStory((client) => {
        const read = createArticleReader(client);
        return {
          entities: linked.entities,
          links: linksByRule(
            linked,
            entitiesByArticle((after) => read.entitiesAfter(after)),
          ),
        };
      }),
    storyEntities: () => listStoryEntities(pool),
    quotedEntities: () => listQuotedEntities(pool),
    quoteSpeakers: () => readQuoteSpeakers(pool),
    // Not a revision: the counts follow from what is stored, so cached views stay good.
    saveQuoteSpeakers: (update) => saveQuoteSpeakers(pool, update),
    storyEntitiesByKey: ({ names = [], roleStems = [], ids = [] }) => storyEntitiesByKey(pool, names, roleStems, ids),
    roleHolders: (roleStems) => roleHolders(pool, roleStems),
    prominentEntities: (kind, minArticles) => prominentEntities(pool, kind, minArticles),
    // A flag, set by every write that is not linked and by a save that leaves an entity
    // unlinked: asking costs one row, not a scan of every entity (1.27M at 100k articles).
    needsLinking: async () => {
      const { rows } = await pool.query<{ stale: boolean }>('SELECT linking_stale AS stale FROM store_state WHERE id = 1');
      return rows[0]?.stale === true;
    },
    searchSentences: (query) => search(query),
    sentencesAt: (refs) => lookup(refs),
    termStatistics: (stems) => terms(stems),
    revision: async () => {
      const { rows } = await pool.query<{ revision: number }>('SELECT revision FROM store_state WHERE id = 1');
      return String(rows[0]?.revision ?? 0);
    },
    contentSequence: async () => {
      const { rows } = await pool.query<{ last_seq: number }>('SELECT last_seq FROM store_state WHERE id = 1');
      return rows[0]?.last_seq ?? 0;
    },
    articleChanges: async (after, upTo) => {
      const { rows } = await pool.query<{ id: string; sequence: number }>(
        `SELECT id, content_seq AS sequence FROM articles
         WHERE status = 'current' AND content_seq > $1 AND content_seq <= $2 ORDER BY content_seq`,
        [after, upTo],
      );
      return rows;
    },
    digests: createPostgresDigestStore(pool),
    feeds: createPostgresFeedStore(pool),
    conversations: createPostgresConversationStore(pool),
    answers: createPostgresAnswerStore(pool),
    close: async () => {
      if (closed) return;
      closed = true;
      tokenizer.close();
      await pool.end();
    },
  };
}
