/**
 * BM25 search over current sentences through FTS5. User terms never reach FTS5 as syntax:
 * see `ftsMatchExpression`.
 */
import type Database from 'better-sqlite3';
import type { BlockKind } from '../../core/article.ts';
import type { SentenceHit, SentenceQuery, SentenceRef } from '../../core/ports/store.ts';
import { openFts5Tokenizer, type Fts5Tokenizer } from '../fts5-tokens.ts';
import { planPruning, type PruningPlan, PRUNING_TUNING, type PruningTuning } from './bm25-pruning.ts';
import { ftsMatchExpression, ftsPhraseTexts } from './fts-query.ts';

const DEFAULT_LIMIT = 20;

export interface SentenceSearch {
  (query: SentenceQuery): SentenceHit[];
  /**
   * How many searches were answered from the pruned candidates, how many from a second, narrower
   * try after the first could not be sure, and how many had to rank everything after trying.
   */
  readonly pruning: { answered: number; narrowed: number; retried: number };
  /** Closes the query tokenizer, if one was opened. */
  close(): void;
}

interface HitRow {
  article: string;
  idx: number;
  text: string;
  start_offset: number;
  end_offset: number;
  kind: BlockKind;
  rank: number;
}

interface PrunedRow extends HitRow {
  /** How many candidates were kept (the limit unless fewer matched) and the last one's rank. */
  found: number;
  last: number;
}

/**
 * Prepares the search statement once. The best `limit` are taken by SQLite's own top-k sort on
 * (rank, rowid), not by FTS5's `ORDER BY rank`: that one sorts every matching sentence (with
 * its positions) before the first is read, a third of the search's time for a wide OR query
 * at 100k articles. The order is FTS5's: ties on rank come in rowid order. Only the top ones'
 * sentences are read. A wide OR query over common words ranks only the sentences that could
 * enter the top (bm25-pruning.ts), with the same hits in the same order.
 */
export function prepareSentenceSearch(db: Database.Database, tuning: PruningTuning = PRUNING_TUNING): SentenceSearch {
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
  // The same ranking over the candidates only (bm25-pruning.ts): FTS5 still walks every matching
  // sentence, but scores only those the candidates' expression finds. `+ 0` keeps SQLite from
  // handing the candidates to FTS5 as rowids to look up one by one (a new query, IDFs and all, each).
  const pruned = db.prepare(`
    WITH top AS MATERIALIZED (
      SELECT f.rowid AS id, f.rank AS rank
      FROM sentences_fts f
      WHERE f.sentences_fts MATCH @match
        AND f.rowid + 0 IN (SELECT c.rowid FROM sentences_fts c WHERE c.sentences_fts MATCH @candidates)
      ORDER BY f.rank, f.rowid
      LIMIT @limit)
    SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.rank,
      (SELECT count(*) FROM top) AS found, (SELECT max(rank) FROM top) AS last
    FROM top JOIN sentence_texts s ON s.id = top.id
    ORDER BY top.rank, top.id`);
  // One speaker's quotation sentences, their ids from the quotations' articles' first sentences
  // (sentence-ids.ts). `+ 0`, as below: FTS5 walks the matching sentences once and each is looked
  // up among the speaker's, rather than one new FTS5 query per sentence of the speaker.
  const bySpeaker = db.prepare(`
    WITH top AS MATERIALIZED (
      SELECT f.rowid AS id, f.rank AS rank
      FROM sentences_fts f
      WHERE sentences_fts MATCH @match
        AND f.rowid + 0 IN (
          SELECT first.id + q.sentence FROM entity_links l
          JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
          JOIN sentences first ON first.article = q.article AND first.idx = 0
          WHERE l.story_entity = @speaker
            AND (@articles IS NULL OR l.article IN (SELECT value FROM json_each(@articles))))
      ORDER BY f.rank, f.rowid
      LIMIT @limit)
    SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.rank
    FROM top JOIN sentence_texts s ON s.id = top.id
    ORDER BY top.rank, top.id`);
  // Whether the candidates are at least `limit`, walking no further: fewer, and ranking them cannot
  // answer (two common words seldom found together, "security concerns"), so rank all at once.
  const enough = db.prepare('SELECT count(*) >= @limit FROM (SELECT 1 FROM sentences_fts c WHERE c.sentences_fts MATCH @candidates LIMIT @limit)').pluck();
  const documents = db.prepare('SELECT documents FROM term_documents WHERE term = ?').pluck();
  const sentences = db.prepare('SELECT sentences FROM fts_progress WHERE id = 1').pluck();
  // FTS5's own totals (its "averages" record), whose average sentence length its bm25 uses.
  const averages = db.prepare('SELECT block FROM sentences_fts_data WHERE id = 1').pluck();
  // Removed sentences leave the index at once but their terms' counts only at the next catch-up:
  // until then a count may be too high, and its bound too low.
  const countsBehind = db.prepare('SELECT EXISTS (SELECT 1 FROM term_documents_removed)').pluck();
  let tokenizer: Fts5Tokenizer | undefined;
  const pruning = { answered: 0, narrowed: 0, retried: 0 };

  /**
   * The top `limit` from the candidates, or null when another sentence might belong there. In one
   * read transaction, so the counts and the index are those of one moment while another process writes.
   */
  const prunedSearch = db.transaction((terms: readonly string[], match: string, limit: number): SentenceHit[] | null => {
    const texts = ftsPhraseTexts(terms);
    if (texts.length < 2 || countsBehind.get() === 1) return null;
    tokenizer ??= openFts5Tokenizer();
    const tokens = tokenizer.tokenize(texts);
    const count = (token: string) => (documents.get(token) as number | undefined) ?? 0;
    const phrases = texts.map((text, i) => ({ text, tokens: tokens[i] ?? [] }));
    const total = sentences.get() as number;
    const average = averageLength(averages.get() as Uint8Array | undefined);
    const options = average === undefined ? {} : { averageLength: average };
    const plan = planPruning(phrases, count, total, tuning, options);
    if (!plan) return null;
    const first = tryPlan(plan, match, limit);
    if (Array.isArray(first)) {
      pruning.answered += 1;
      return first;
    }
    // The k-th candidate's score is one the k-th hit reaches: the common words whose bound is
    // below it can still be left out (MaxScore), the others are candidates alone. On generated
    // queries at 100k, a second try after a failed one costs less than ranking every match.
    const second = first === null ? null : planPruning(phrases, count, total, tuning, { ...options, floor: first });
    if (second) {
      const hits = tryPlan(second, match, limit);
      if (Array.isArray(hits)) {
        pruning.narrowed += 1;
        return hits;
      }
    }
    pruning.retried += 1;
    return null;
  });

  /** The plan's top `limit`, or when it may not be exact, the k-th candidate's score (null with fewer than k candidates). */
  const tryPlan = (plan: PruningPlan, match: string, limit: number): SentenceHit[] | number | null => {
    if (enough.get({ candidates: plan.candidates, limit }) !== 1) return null;
    const rows = pruned.all({ match, candidates: plan.candidates, limit }) as PrunedRow[];
    const kept = rows[0];
    if (!kept || kept.found < limit) return null;
    // Strictly above the bound: a sentence left out scores below it, so it cannot tie the k-th either.
    return -kept.last > plan.bound * (1 + 1e-9) ? rows.map(toHit) : -kept.last;
  };

  const search = (query: SentenceQuery): SentenceHit[] => {
    const mode = query.match ?? 'any';
    const match = ftsMatchExpression(query.terms, mode);
    if (match === null) return [];
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1000));
    if (query.speakerId !== undefined) {
      const articles = query.articles ? JSON.stringify(query.articles) : null;
      return (bySpeaker.all({ match, speaker: query.speakerId, articles, limit }) as HitRow[]).map(toHit);
    }
    if (mode === 'any' && !query.articles) {
      const hits = prunedSearch(query.terms, match, limit);
      if (hits) return hits;
    }
    const rows = statement.all({
      match,
      articles: query.articles ? JSON.stringify(query.articles) : null,
      limit,
    }) as HitRow[];
    return rows.map(toHit);
  };
  return Object.assign(search, {
    pruning,
    close: () => {
      tokenizer?.close();
      tokenizer = undefined;
    },
  });
}

/**
 * The average number of tokens per row from an FTS5 index's averages record (its `_data` row 1:
 * the row count, then each column's token total, as SQLite varints), or undefined when the
 * record is missing or not as expected, so the caller falls back to the looser bound.
 *
 * @example averageLength(Uint8Array.of(0x04, 0x50)) === 20 // 4 rows, 80 tokens
 */
export function averageLength(record: Uint8Array | undefined): number | undefined {
  if (!record) return undefined;
  const values: number[] = [];
  let at = 0;
  while (values.length < 2 && at < record.length) {
    let value = 0;
    for (let i = 0; ; i++) {
      const byte = record[at++];
      if (byte === undefined) return undefined;
      if (i === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    values.push(value);
  }
  const [rows, tokens] = values;
  return rows !== undefined && tokens !== undefined && rows > 0 && tokens > 0 ? tokens / rows : undefined;
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
  readonly count: number;
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
 * Prepares the lookup of sentences by article and index (score 0: nothing was searched). Per
 * article asked about, two statements: its text and block kinds, and the id range from the
 * lowest to the highest index asked (an answer reads its context articles whole, a hundred
 * sentences or more). The sentences are cut from the text here, as the `sentence_texts` view
 * would (see article-writer.ts: a row keeps its own text wherever SQLite's substr() and a
 * JavaScript slice could differ). Through the view, every sentence read the whole article text
 * again and parsed its every block: an article of 5,000 sentences took seconds to read whole.
 */
export function prepareSentenceLookup(db: Database.Database): SentenceLookup {
  const articleOf = db.prepare(`SELECT a.clean_text AS text, a.blocks, a.sentence_count AS count, first.id AS first
    FROM articles a JOIN sentences first ON first.article = a.id AND first.idx = 0
    WHERE a.id = ? AND a.status = 'current'`);
  const range = db.prepare('SELECT article, idx, block, kind, start_offset, end_offset, text FROM sentences WHERE id BETWEEN ? AND ?');
  const read = (id: string): LookupArticle | null => {
    const row = articleOf.get(id) as { text: string | null; blocks: string | null; count: number; first: number } | undefined;
    if (!row) return null;
    const blocks = row.blocks ? (JSON.parse(row.blocks) as [BlockKind, ...unknown[]][]) : [];
    return { text: row.text, kinds: blocks.map((block) => block[0]), first: row.first, count: row.count };
  };
  return (refs) => {
    const asked = new Map<string, { low: number; high: number }>();
    for (const ref of refs) {
      if (!Number.isInteger(ref.sentence) || ref.sentence < 0) continue;
      const span = asked.get(ref.article);
      if (span) {
        span.low = Math.min(span.low, ref.sentence);
        span.high = Math.max(span.high, ref.sentence);
      } else asked.set(ref.article, { low: ref.sentence, high: ref.sentence });
    }
    const found = new Map<string, SentenceHit>();
    for (const [id, { low, high }] of asked) {
      const article = read(id);
      if (article === null || low >= article.count) continue;
      const last = Math.min(high, article.count - 1);
      for (const row of range.all(article.first + low, article.first + last) as LookupRow[]) {
        if (row.article !== id) continue;
        const text = row.text ?? article.text?.slice(row.start_offset, row.end_offset) ?? '';
        const kind = row.kind ?? article.kinds[row.block] ?? 'paragraph';
        found.set(`${row.idx}#${id}`, toHit({ article: id, idx: row.idx, text, start_offset: row.start_offset, end_offset: row.end_offset, kind, rank: 0 }));
      }
    }
    return refs.flatMap((ref) => {
      const hit = found.get(`${ref.sentence}#${ref.article}`);
      return hit ? [hit] : [];
    });
  };
}
