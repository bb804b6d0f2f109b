/**
 * Reads of current articles from PostgreSQL, mapped back to the domain shapes through the same
 * row mappers as the SQLite engine (the columns are the same).
 */
import type { DatedEvent, Entity } from '../../core/article.ts';
import type { ArticleEntities, ArticleSummary, Fingerprint, FingerprintQuery, StoredArticle } from '../../core/ports/store.ts';
import {
  FINGERPRINT_COLUMNS,
  toFingerprint,
  entityReader,
  toStoredArticle,
  toSummary,
  type ArticleRow,
  ENTITY_CHUNK,
  type EntityRow,
  type FingerprintRow,
  type FullArticleRow,
  type QuoteRow,
  type SentenceRow,
} from '../sqlite/rows.ts';
import type { Queryable } from './transaction.ts';

const SUMMARY_COLUMNS = `id, path, title, outlet, url, published, updated, byline, title_made,
  clean_title, sentence_count, quote_count, first_seen, changed_at`;

export interface ArticleReader {
  fingerprints(): Promise<Map<string, Fingerprint>>;
  fingerprintsOf(query: FingerprintQuery): Promise<Map<string, Fingerprint>>;
  currentWithText(textHash: string): Promise<string | null>;
  count(): Promise<number>;
  list(): Promise<ArticleSummary[]>;
  summaries(ids: readonly string[]): Promise<ArticleSummary[]>;
  newest(limit: number): Promise<ArticleSummary[]>;
  get(id: string): Promise<StoredArticle | null>;
  entities(): Promise<ArticleEntities[]>;
  /** Up to `limit` current articles' entity rows after `after` (article, key), in that order. */
  entitiesAfter(after: Pick<EntityRow, 'article' | 'key'> | null, limit?: number): Promise<EntityRow[]>;
}

export function createArticleReader(db: Queryable): ArticleReader {
  return {
    async fingerprints() {
      const { rows } = await db.query<FingerprintRow>(`SELECT ${FINGERPRINT_COLUMNS} FROM articles`);
      return new Map(rows.map((row) => [row.id, toFingerprint(row)]));
    },

    async fingerprintsOf({ ids = [], paths = [], roots = [] }) {
      // Each by an index (the primary key, migration 4's path, root and text hash indexes).
      const { rows } = await db.query<FingerprintRow>(
        `SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE id = ANY($1::text[])
         UNION SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE path = ANY($2::text[])
         UNION SELECT ${FINGERPRINT_COLUMNS} FROM articles WHERE root = ANY($3::text[])`,
        [ids, paths, [...new Set(roots)]],
      );
      return new Map(rows.map((row) => [row.id, toFingerprint(row)]));
    },

    async currentWithText(textHash) {
      const { rows } = await db.query<{ id: string }>("SELECT min(id) AS id FROM articles WHERE text_hash = $1 AND status = 'current'", [textHash]);
      return rows[0]?.id ?? null;
    },

    async count() {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE status = 'current'");
      return rows[0]?.n ?? 0;
    },

    async list() {
      const { rows } = await db.query<ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE status = 'current' ORDER BY id`);
      return rows.map(toSummary);
    },

    async summaries(ids) {
      if (ids.length === 0) return [];
      const { rows } = await db.query<ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ANY($1::text[]) AND status = 'current' ORDER BY id`, [
        ids,
      ]);
      return rows.map(toSummary);
    },

    async newest(limit) {
      // By migration 7's articles_by_newest (columns collate "C": SQLite's order).
      const { rows } = await db.query<ArticleRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE status = 'current' ORDER BY published DESC NULLS LAST, first_seen DESC, id LIMIT $1`,
        [limit],
      );
      return rows.map(toSummary);
    },

    async get(id) {
      const { rows } = await db.query<FullArticleRow>(
        `SELECT ${SUMMARY_COLUMNS}, analysis_version, clean_text, clean_byline, dateline_published, dateline_updated, blocks, set_aside, mentions
         FROM articles WHERE id = $1 AND status = 'current'`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const [sentences, entities, quotes, events] = await Promise.all([
        db.query<SentenceRow>('SELECT idx, start_offset, end_offset, text, block, kind FROM sentences WHERE article = $1 ORDER BY idx', [id]),
        db.query<EntityRow>('SELECT * FROM entities WHERE article = $1 ORDER BY key', [id]),
        db.query<QuoteRow>('SELECT * FROM quotes WHERE article = $1 ORDER BY idx', [id]),
        db.query<DatedEvent>('SELECT sentence, date, text FROM events WHERE article = $1 ORDER BY idx', [id]),
      ]);
      return toStoredArticle(row, { sentences: sentences.rows, entities: entities.rows, quotes: quotes.rows, events: events.rows });
    },

    async entities() {
      // Every current article, even one that names nobody: linking sees the whole story.
      const ids = await db.query<{ id: string }>("SELECT id FROM articles WHERE status = 'current' ORDER BY id");
      const byArticle = new Map<string, Entity[]>(ids.rows.map((r) => [r.id, []]));
      const { rows } = await db.query<EntityRow>(
        "SELECT e.* FROM entities e JOIN articles a ON a.id = e.article AND a.status = 'current' ORDER BY e.article, e.key",
      );
      const read = entityReader();
      for (const row of rows) byArticle.get(row.article)?.push(read(row));
      return [...byArticle].map(([id, list]) => ({ id, entities: list }));
    },

    async entitiesAfter(after, limit = ENTITY_CHUNK) {
      const { rows } = await db.query<EntityRow>(
        // By the primary key from where the last chunk stopped ('' sorts before every id).
        `SELECT e.* FROM entities e
         WHERE (e.article, e.key) > ($1::text, $2::text)
           AND EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article AND a.status = 'current')
         ORDER BY e.article, e.key LIMIT $3`,
        [after?.article ?? '', after?.key ?? '', limit],
      );
      return rows;
    },
  };
}
