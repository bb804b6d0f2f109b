/**
 * BM25 search over current sentences through FTS5. User terms never reach FTS5 as syntax:
 * see `ftsMatchExpression`.
 */
import type Database from 'better-sqlite3';
import type { BlockKind } from '../../core/article.ts';
import type { SentenceHit, SentenceQuery, SentenceRef } from '../../core/ports/store.ts';
import { ftsMatchExpression } from './fts-query.ts';

const DEFAULT_LIMIT = 20;

export type SentenceSearch = (query: SentenceQuery) => SentenceHit[];

interface HitRow {
  article: string;
  idx: number;
  text: string;
  start_offset: number;
  end_offset: number;
  kind: BlockKind;
  rank: number;
}

/**
 * Prepares the search statement once. The best `limit` are taken by SQLite's own top-k sort on
 * (rank, rowid), not by FTS5's `ORDER BY rank`: that one sorts every matching sentence (with
 * its positions) before the first is read, a third of the search's time for a wide OR query
 * at 100k articles. The order is FTS5's: ties on rank come in rowid order. Only the top ones'
 * sentences are read.
 */
export function prepareSentenceSearch(db: Database.Database): SentenceSearch {
  const statement = db.prepare(`
    WITH top AS MATERIALIZED (
      SELECT f.rowid AS id, f.rank AS rank
      FROM sentences_fts f
      WHERE sentences_fts MATCH @match
        AND (@articles IS NULL OR f.rowid IN (
          -- Each article's sentences are a range of ids from its first one (sentence-ids.ts).
          SELECT s.id FROM json_each(@articles) j
          JOIN sentences first ON first.article = j.value AND first.idx = 0
          JOIN articles a ON a.id = j.value
          JOIN sentences s ON s.id BETWEEN first.id AND first.id + a.sentence_count - 1))
      ORDER BY f.rank, f.rowid
      LIMIT @limit)
    SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.rank
    FROM top JOIN sentence_texts s ON s.id = top.id
    ORDER BY top.rank, top.id`);

  return (query) => {
    const match = ftsMatchExpression(query.terms, query.match ?? 'any');
    if (match === null) return [];
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1000));
    const rows = statement.all({
      match,
      articles: query.articles ? JSON.stringify(query.articles) : null,
      limit,
    }) as HitRow[];
    return rows.map(toHit);
  };
}

function toHit(row: HitRow): SentenceHit {
  return {
    article: row.article,
    sentence: row.idx,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    kind: row.kind,
    score: -row.rank,
  };
}

export type SentenceLookup = (refs: readonly SentenceRef[]) => SentenceHit[];

/** Prepares the lookup of sentences by article and index (score 0: nothing was searched). */
export function prepareSentenceLookup(db: Database.Database): SentenceLookup {
  const statement = db.prepare(`SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, 0 AS rank
    FROM sentence_texts s JOIN articles a ON a.id = s.article AND a.status = 'current'
    WHERE s.id = (SELECT id FROM sentences WHERE article = @article AND idx = 0) + @idx
      AND s.article = @article AND s.idx = @idx`);
  return (refs) =>
    refs.flatMap((ref) => {
      const row = statement.get({ article: ref.article, idx: ref.sentence }) as HitRow | undefined;
      return row ? [toHit(row)] : [];
    });
}
