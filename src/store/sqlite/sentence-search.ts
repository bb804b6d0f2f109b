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

interface LookupArticle {
  readonly text: string | null;
  /** Each block's kind, the kind of a sentence that keeps none of its own. */
  readonly kinds: readonly BlockKind[];
  /** The id of the article's first sentence: its sentences are the ids from there (sentence-ids.ts). */
  readonly first: number;
}

interface LookupRow {
  article: string;
  idx: number;
  block: number;
  kind: BlockKind | null;
  start_offset: number;
  end_offset: number;
  text: string | null;
}

/**
 * Prepares the lookup of sentences by article and index (score 0: nothing was searched). Each
 * article's text and block kinds are read once per lookup, and its sentences cut from them here,
 * as the `sentence_texts` view would (see article-writer.ts: a row keeps its own text wherever
 * SQLite's substr() and a JavaScript slice could differ). Through the view, every sentence read
 * the whole article text again and parsed its every block: reading an article of 5,000
 * sentences whole took seconds.
 */
export function prepareSentenceLookup(db: Database.Database): SentenceLookup {
  const articleOf = db.prepare(`SELECT a.clean_text AS text, a.blocks, first.id AS first
    FROM articles a JOIN sentences first ON first.article = a.id AND first.idx = 0
    WHERE a.id = ? AND a.status = 'current'`);
  const sentenceAt = db.prepare('SELECT article, idx, block, kind, start_offset, end_offset, text FROM sentences WHERE id = ?');
  const read = (id: string): LookupArticle | null => {
    const row = articleOf.get(id) as { text: string | null; blocks: string | null; first: number } | undefined;
    if (!row) return null;
    const blocks = row.blocks ? (JSON.parse(row.blocks) as [BlockKind, ...unknown[]][]) : [];
    return { text: row.text, kinds: blocks.map((block) => block[0]), first: row.first };
  };
  return (refs) => {
    const articles = new Map<string, LookupArticle | null>();
    return refs.flatMap((ref) => {
      let article = articles.get(ref.article);
      if (article === undefined) {
        article = read(ref.article);
        articles.set(ref.article, article);
      }
      if (article === null || !Number.isInteger(ref.sentence) || ref.sentence < 0) return [];
      const row = sentenceAt.get(article.first + ref.sentence) as LookupRow | undefined;
      if (!row || row.article !== ref.article || row.idx !== ref.sentence) return [];
      const text = row.text ?? article.text?.slice(row.start_offset, row.end_offset) ?? '';
      const kind = row.kind ?? article.kinds[row.block] ?? 'paragraph';
      return [toHit({ article: row.article, idx: row.idx, text, start_offset: row.start_offset, end_offset: row.end_offset, kind, rank: 0 })];
    });
  };
}
