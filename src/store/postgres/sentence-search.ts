/**
 * Full-text search in PostgreSQL that ranks as the SQLite engine's FTS5 does: each user term
 * becomes a phrase of the FTS5 tokenizer's tokens (fts5-tokens.ts) and is scored as FTS5's bm25
 * from the counters FTS5 keeps: sentences, tokens, and the documents holding each phrase. Only
 * the query's stems' postings (migration 3) are read and scored in one aggregate, as
 * `fts5_bm25` (migrations.ts) scores, and only the top hits' sentences are read; a phrase of
 * several stems is counted from the tsvector of the sentences holding all its stems.
 * Equal scores fall back to sentence id, FTS5's rowid order, so both engines give the same hits
 * in the same order.
 */
import type { BlockKind } from '../../core/article.ts';
import type { SentenceHit, SentenceQuery, SentenceRef, TermStatistics } from '../../core/ports/store.ts';
import { tsqueryLiteral, type Fts5Tokenizer } from './fts5-tokens.ts';
import type { Queryable } from './transaction.ts';

const DEFAULT_LIMIT = 20;

interface HitRow {
  article: string;
  idx: number;
  text: string;
  start_offset: number;
  end_offset: number;
  kind: BlockKind;
  score: number;
}

function toHit(row: HitRow): SentenceHit {
  return { article: row.article, sentence: row.idx, text: row.text, start: row.start_offset, end: row.end_offset, kind: row.kind, score: row.score };
}

/**
 * The phrases FTS5 would search for `terms`: the same terms `ftsMatchExpression` keeps (those
 * with a letter or digit), each as its list of tokens.
 */
export function queryPhrases(terms: readonly string[], tokenizer: Fts5Tokenizer): string[][] {
  const kept = terms.map((term) => term.replace(/\s+/g, ' ').trim()).filter((term) => /[\p{L}\p{N}]/u.test(term));
  return tokenizer.tokenize(kept).filter((phrase) => phrase.length > 0);
}

/** How many sentences hold each phrase: a stem's count is kept; a longer phrase is counted. */
async function phraseDocuments(db: Queryable, phrases: readonly (readonly string[])[]): Promise<number[]> {
  const singles = [...new Set(phrases.filter((p) => p.length === 1).map((p) => p[0]!))];
  const counts = new Map<string, number>();
  if (singles.length > 0) {
    const { rows } = await db.query<{ term: string; documents: number }>('SELECT term, documents FROM term_documents WHERE term = ANY($1::text[])', [singles]);
    for (const row of rows) counts.set(row.term, row.documents);
  }
  const result: number[] = [];
  for (const phrase of phrases) {
    if (phrase.length === 1) result.push(counts.get(phrase[0]!) ?? 0);
    else {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sentences WHERE tokens @@ $1::tsquery', [tsqueryLiteral([phrase], 'any')]);
      result.push(rows[0]?.n ?? 0);
    }
  }
  return result;
}

export type SentenceSearch = (query: SentenceQuery) => Promise<SentenceHit[]>;

/**
 * One phrase's contribution to FTS5's bm25 for one sentence, operation for operation as
 * `fts5_bm25` (migrations.ts) computes it: k1 1.2, b 0.75, the phrase's IDF and the average
 * sentence length from `q`, its count `c.tf` in a sentence of `c.dl` tokens. Written out so that
 * no function is called per posting.
 */
const PHRASE_SCORE = `c.idf * ((c.tf::float8 * (1.2::float8 + 1.0::float8))
  / (c.tf::float8 + 1.2::float8 * (1.0::float8 - 0.75::float8 + 0.75::float8 * c.dl::float8 / c.avgdl)))`;

/**
 * The score of a sentence: its phrases' contributions added in the query's order from 0, as
 * FTS5's loop adds them (floating-point sums depend on order, and ties on equal sums). A phrase
 * the sentence lacks adds 0, which changes no sum; the expression is built from phrase numbers
 * only, never from user text.
 */
function orderedSum(phrases: number): string {
  const parts = Array.from({ length: phrases }, (_, i) => `coalesce(max(${PHRASE_SCORE}) FILTER (WHERE c.i = ${i + 1}), 0::float8)`);
  return ['0::float8', ...parts].join('\n  + ');
}

export function createSentenceSearch(db: Queryable, tokenizer: Fts5Tokenizer): SentenceSearch {
  return async (query) => {
    const phrases = queryPhrases(query.terms, tokenizer);
    if (phrases.length === 0) return [];
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1000));
    const documents = await phraseDocuments(db, phrases);
    const texts = phrases.map((p) => p.join(' '));
    const inArticles = query.articles ? 'AND c.sentence IN (SELECT id FROM sentences WHERE article = ANY($4::text[]))' : '';
    const all = query.match === 'all' ? `HAVING count(DISTINCT c.phrase) = ${new Set(texts).size}` : '';
    // Only the query's stems' postings are read, through the (term, sentence) index. A one-stem
    // phrase's count is its posting's; a longer phrase is counted, from the tsvector, only in the
    // sentences holding all its stems. The top `limit` are taken before any other sentence is read.
    const { rows } = await db.query<HitRow>(
      `WITH q AS MATERIALIZED (
         SELECT q.phrase, q.i, CASE WHEN q.idf <= 0.0::float8 THEN 1e-6::float8 ELSE q.idf END AS idf, q.avgdl,
           string_to_array(q.phrase, ' ') AS stems
         FROM (SELECT u.phrase COLLATE "C" AS phrase, u.i, ln((st.sentences::float8 - u.hits + 0.5::float8) / (u.hits + 0.5::float8)) AS idf,
                 st.tokens::float8 / nullif(st.sentences, 0)::float8 AS avgdl
               FROM unnest($1::text[], $2::float8[]) WITH ORDINALITY AS u (phrase, hits, i)
               CROSS JOIN (SELECT sentences, tokens FROM store_state WHERE id = 1) AS st) AS q
       ), c AS (
         SELECT p.sentence, q.phrase, q.i, q.idf, q.avgdl, p.tf, p.dl
         FROM q JOIN sentence_postings p ON p.term = q.phrase
         WHERE cardinality(q.stems) = 1
         UNION ALL
         SELECT m.sentence, m.phrase, m.i, m.idf, m.avgdl, m.tf, m.dl
         FROM (SELECT s.id AS sentence, q.phrase, q.i, q.idf, q.avgdl, fts5_phrase_count(s.tokens, q.phrase) AS tf, s.token_count AS dl
               FROM q CROSS JOIN LATERAL (
                 -- Postings are unique by (term, sentence): over the distinct stems, count(*) says how
                 -- many a sentence holds, with none of count(DISTINCT)'s sort per sentence.
                 SELECT p.sentence FROM (SELECT DISTINCT x FROM unnest(q.stems) AS x) AS w (stem)
                 JOIN sentence_postings p ON p.term = w.stem COLLATE "C"
                 GROUP BY p.sentence HAVING count(*) = (SELECT count(DISTINCT x) FROM unnest(q.stems) AS x)
               ) AS holding
               JOIN sentences s ON s.id = holding.sentence
               WHERE cardinality(q.stems) > 1
               -- A fence: the phrase is counted once per sentence, not again for the filter below.
               OFFSET 0) AS m
         WHERE m.tf > 0
       ), top AS (
         SELECT c.sentence, ${orderedSum(phrases.length)} AS score
         FROM c
         WHERE true ${inArticles}
         GROUP BY c.sentence ${all}
         ORDER BY score DESC, c.sentence
         LIMIT $3
       )
       SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.score
       FROM top JOIN sentences s ON s.id = top.sentence
       ORDER BY top.score DESC, s.id`,
      query.articles ? [texts, documents, limit, query.articles] : [texts, documents, limit],
    );
    return rows.map(toHit);
  };
}

export type SentenceLookup = (refs: readonly SentenceRef[]) => Promise<SentenceHit[]>;

/** Sentences by article and index, in the order asked (score 0: nothing was searched). */
export function createSentenceLookup(db: Queryable): SentenceLookup {
  return async (refs) => {
    if (refs.length === 0) return [];
    const { rows } = await db.query<HitRow & { n: string }>(
      `SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, 0::float8 AS score, r.n
       FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS r (article, idx, n)
       JOIN sentences s ON s.article = r.article AND s.idx = r.idx
       JOIN articles a ON a.id = s.article AND a.status = 'current'
       ORDER BY r.n`,
      [refs.map((r) => r.article), refs.map((r) => r.sentence)],
    );
    return rows.map(toHit);
  };
}

/** How many indexed sentences hold each stem, from the counts kept with every write. */
export function createTermStatistics(db: Queryable): (stems: readonly string[]) => Promise<TermStatistics> {
  return async (stems) => {
    const unique = [...new Set(stems)];
    const [state, terms] = await Promise.all([
      db.query<{ sentences: number }>('SELECT sentences FROM store_state WHERE id = 1'),
      db.query<{ term: string; documents: number }>('SELECT term, documents FROM term_documents WHERE term = ANY($1::text[])', [unique]),
    ]);
    const found = new Map(terms.rows.map((row) => [row.term, row.documents]));
    return { sentences: state.rows[0]?.sentences ?? 0, documents: new Map(unique.map((stem) => [stem, found.get(stem) ?? 0])) };
  };
}
