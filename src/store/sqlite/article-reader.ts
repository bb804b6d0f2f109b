/**
 * Reads of current articles, mapped from rows back to the domain shapes they were written
 * from. Prepared once; each call is one or a few indexed lookups.
 */
import type Database from 'better-sqlite3';
import type { DatedEvent, Entity } from '../../core/article.ts';
import type { ArticleEntities, ArticleSummary, Fingerprint, StoredArticle } from '../../core/ports/store.ts';
import { toEntity, toStoredArticle, toSummary, type ArticleRow, type EntityRow, type FullArticleRow, type QuoteRow, type SentenceRow } from './rows.ts';

const SUMMARY_COLUMNS = `id, path, title, outlet, url, published, updated, byline, title_made,
  clean_title, sentence_count, quote_count, first_seen, changed_at`;

export interface ArticleReader {
  fingerprints(): Map<string, Fingerprint>;
  count(): number;
  list(ids?: readonly string[]): ArticleSummary[];
  get(id: string): StoredArticle | null;
  entities(): ArticleEntities[];
}

/** Prepares every read statement once. */
export function prepareArticleReader(db: Database.Database): ArticleReader {
  const fingerprintRows = db.prepare('SELECT id, path, hash, text_hash, root, status, duplicate_of FROM articles');
  // Kept by triggers (migration 11).
  const countCurrent = db.prepare('SELECT current AS n FROM article_count WHERE id = 1');
  const listCurrent = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE status = 'current' ORDER BY id`);
  const listSome = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles
    WHERE id IN (SELECT value FROM json_each(?)) AND status = 'current' ORDER BY id`);
  const oneArticle = db.prepare(`SELECT ${SUMMARY_COLUMNS}, analysis_version,
    clean_text, clean_byline, dateline_published, dateline_updated, blocks, set_aside, mentions
    FROM articles WHERE id = ? AND status = 'current'`);
  const sentences = db.prepare(`SELECT idx, start_offset, end_offset, text, block, kind
    FROM sentences WHERE article = ? ORDER BY idx`);
  const entities = db.prepare('SELECT * FROM entities WHERE article = ? ORDER BY key');
  const allEntities = db.prepare(`SELECT e.* FROM entities e
    JOIN articles a ON a.id = e.article AND a.status = 'current' ORDER BY e.article, e.key`);
  const currentIds = db.prepare("SELECT id FROM articles WHERE status = 'current' ORDER BY id");
  const quotes = db.prepare('SELECT * FROM quotes WHERE article = ? ORDER BY idx');
  const events = db.prepare('SELECT sentence, date, text FROM events WHERE article = ? ORDER BY idx');

  return {
    fingerprints() {
      const rows = fingerprintRows.all() as {
        id: string;
        path: string;
        hash: string;
        text_hash: string;
        root: string;
        status: Fingerprint['status'];
        duplicate_of: string | null;
      }[];
      return new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            hash: r.hash,
            textHash: r.text_hash,
            root: r.root,
            path: r.path,
            status: r.status,
            duplicateOf: r.duplicate_of,
          },
        ]),
      );
    },

    count() {
      return (countCurrent.get() as { n: number }).n;
    },

    list(ids) {
      return ((ids ? listSome.all(JSON.stringify(ids)) : listCurrent.all()) as ArticleRow[]).map(toSummary);
    },

    get(id) {
      const row = oneArticle.get(id) as FullArticleRow | undefined;
      if (!row) return null;
      return toStoredArticle(row, {
        sentences: sentences.all(id) as SentenceRow[],
        entities: entities.all(id) as EntityRow[],
        quotes: quotes.all(id) as QuoteRow[],
        events: events.all(id) as DatedEvent[],
      });
    },

    entities() {
      // Every current article, even one that names nobody: linking sees the whole story.
      const byArticle = new Map<string, Entity[]>((currentIds.all() as { id: string }[]).map((r) => [r.id, []]));
      for (const row of allEntities.iterate() as IterableIterator<EntityRow>) byArticle.get(row.article)?.push(toEntity(row));
      return [...byArticle].map(([id, list]) => ({ id, entities: list }));
    },
  };
}
