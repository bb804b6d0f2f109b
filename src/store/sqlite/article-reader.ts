/**
 * Reads of current articles, mapped from rows back to the domain shapes they were written
 * from. Prepared once; each call is one or a few indexed lookups.
 */
import type Database from 'better-sqlite3';
import type { DatedEvent, Entity } from '../../core/article.ts';
import type { ArticleEntities, ArticleSummary, Fingerprint, FingerprintQuery, StoredArticle } from '../../core/ports/store.ts';
import {
  entityReader,
  FINGERPRINT_COLUMNS,
  toFingerprint,
  toStoredArticle,
  toSummary,
  type ArticleRow,
  ENTITY_CHUNK,
  type EntityRow,
  type FingerprintRow,
  type FullArticleRow,
  type QuoteRow,
  type SentenceRow,
} from './rows.ts';
import { sentenceIdsOf } from './sentence-ids.ts';

const SUMMARY_COLUMNS = `id, path, title, outlet, url, published, updated, byline, title_made,
  clean_title, sentence_count, quote_count, first_seen, changed_at`;

export interface ArticleReader {
  fingerprints(): Map<string, Fingerprint>;
  fingerprintsOf(query: FingerprintQuery): Map<string, Fingerprint>;
  currentWithText(textHash: string): string | null;
  count(): number;
  list(): ArticleSummary[];
  summaries(ids: readonly string[]): ArticleSummary[];
  newest(limit: number): ArticleSummary[];
  get(id: string): StoredArticle | null;
  entities(): ArticleEntities[];
  /** Up to `limit` current articles' entity rows after `after` (article, key), in that order. */
  entitiesAfter(after: Pick<EntityRow, 'article' | 'key'> | null, limit?: number): EntityRow[];
}

/** Prepares every read statement once. */
export function prepareArticleReader(db: Database.Database): ArticleReader {
  const fingerprintRows = db.prepare(`SELECT ${FINGERPRINT_COLUMNS} FROM articles`);
  // Each by an index (the primary key, migration 9's path, root and text hash indexes).
  const fingerprintsOfIds = db.prepare(`SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`);
  const fingerprintsOfPaths = db.prepare(`SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE path IN (SELECT value FROM json_each(?))`);
  const fingerprintsUnder = db.prepare(`SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE root = ?`);
  // min(), not ORDER BY id: the planner would walk articles_by_status for the order.
  const currentWithText = db.prepare("SELECT min(id) FROM articles WHERE text_hash = ? AND status = 'current'").pluck();
  // Kept by triggers (migration 12).
  const countCurrent = db.prepare('SELECT current AS n FROM article_count WHERE id = 1');
  const listCurrent = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE status = 'current' ORDER BY id`);
  const someCurrent = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles
    WHERE id IN (SELECT value FROM json_each(?)) AND status = 'current' ORDER BY id`);
  const oneArticle = db.prepare(`SELECT ${SUMMARY_COLUMNS}, analysis_version,
    clean_text, clean_byline, dateline_published, dateline_updated, blocks, set_aside, mentions
    FROM articles WHERE id = ? AND status = 'current'`);
  const sentences = db.prepare(`SELECT idx, start_offset, end_offset, text, block, kind
    FROM sentence_texts WHERE article = @article AND id ${sentenceIdsOf('@article')} ORDER BY id`);
  const entities = db.prepare('SELECT * FROM entities WHERE article = ? ORDER BY key');
  const allEntities = db.prepare(`SELECT e.* FROM entities e
    JOIN articles a ON a.id = e.article AND a.status = 'current' ORDER BY e.article, e.key`);
  // By the entities' primary key (article, key), from where the last chunk stopped; each row's
  // article looked up, never the current articles walked and sorted for every chunk.
  const entitiesFrom = db.prepare(`SELECT e.* FROM entities e
    WHERE (e.article, e.key) > (@article, @key)
      AND EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article AND a.status = 'current')
    ORDER BY e.article, e.key LIMIT @limit`);
  // By migration 15's articles_by_newest: the first `limit` entries of the index, not a sort of every article.
  const newestCurrent = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles INDEXED BY articles_by_newest
    WHERE status = 'current' ORDER BY published DESC, first_seen DESC, id LIMIT ?`);
  const currentIds = db.prepare("SELECT id FROM articles WHERE status = 'current' ORDER BY id");
  const quotes = db.prepare('SELECT * FROM quote_texts WHERE article = ? ORDER BY idx');
  const events = db.prepare('SELECT sentence, date, text FROM events WHERE article = ? ORDER BY idx');

  return {
    fingerprints() {
      return new Map((fingerprintRows.all() as FingerprintRow[]).map((row) => [row.id, toFingerprint(row)]));
    },

    fingerprintsOf({ ids = [], paths = [], roots = [] }) {
      const found = new Map<string, Fingerprint>();
      const add = (rows: FingerprintRow[]) => {
        for (const row of rows) found.set(row.id, toFingerprint(row));
      };
      if (ids.length > 0) add(fingerprintsOfIds.all(JSON.stringify(ids)) as FingerprintRow[]);
      if (paths.length > 0) add(fingerprintsOfPaths.all(JSON.stringify(paths)) as FingerprintRow[]);
      for (const root of new Set(roots)) add(fingerprintsUnder.all(root) as FingerprintRow[]);
      return found;
    },

    currentWithText(textHash) {
      return (currentWithText.get(textHash) as string | undefined) ?? null;
    },

    count() {
      return (countCurrent.get() as { n: number }).n;
    },

    list() {
      return (listCurrent.all() as ArticleRow[]).map(toSummary);
    },

    summaries(ids) {
      return ids.length === 0 ? [] : (someCurrent.all(JSON.stringify(ids)) as ArticleRow[]).map(toSummary);
    },

    newest(limit) {
      return (newestCurrent.all(limit) as ArticleRow[]).map(toSummary);
    },

    get(id) {
      const row = oneArticle.get(id) as FullArticleRow | undefined;
      if (!row) return null;
      return toStoredArticle(row, {
        sentences: sentences.all({ article: id }) as SentenceRow[],
        entities: entities.all(id) as EntityRow[],
        quotes: quotes.all(id) as QuoteRow[],
        events: events.all(id) as DatedEvent[],
      });
    },

    entities() {
      // Every current article, even one that names nobody: linking sees the whole story.
      const byArticle = new Map<string, Entity[]>((currentIds.all() as { id: string }[]).map((r) => [r.id, []]));
      const read = entityReader();
      for (const row of allEntities.iterate() as IterableIterator<EntityRow>) byArticle.get(row.article)?.push(read(row));
      return [...byArticle].map(([id, list]) => ({ id, entities: list }));
    },

    entitiesAfter(after, limit = ENTITY_CHUNK) {
      return entitiesFrom.all({ article: after?.article ?? '', key: after?.key ?? '', limit }) as EntityRow[];
    },
  };
}
