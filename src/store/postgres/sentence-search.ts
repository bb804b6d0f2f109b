/**
 * Full-text search in PostgreSQL that ranks as the SQLite engine's FTS5 does: each user term
 * becomes a phrase of the FTS5 tokenizer's tokens (fts5-tokens.ts) and is scored as FTS5's bm25
 * from the counters FTS5 keeps: sentences, tokens, and the documents holding each phrase. One
 * statement: only the query's stems' postings (migration 3) are read, each phrase's scored with
 * its own IDF, as `fts5_bm25` (migrations.ts) scores, summed per sentence in one sorted
 * aggregate, and only the top hits' sentences are read. A phrase of several stems is found once,
 * where its stems' postings meet and the tsvector matches it, and its document count is the
 * number of sentences found. Equal scores fall back to sentence id, FTS5's rowid order, so both
 * engines give the same hits in the same order.
 */
import type { BlockKind } from '../../core/article.ts';
import type { SentenceHit, SentenceQuery, SentenceRef, TermStatistics } from '../../core/ports/store.ts';
import { tsqueryLiteral, type Fts5Tokenizer } from '../fts5-tokens.ts';
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

export type SentenceSearch = (query: SentenceQuery) => Promise<SentenceHit[]>;

/**
 * One phrase's contribution to FTS5's bm25 for one sentence, operation for operation as
 * `fts5_bm25` (migrations.ts) computes it: k1 1.2, b 0.75, the phrase's IDF `idf` and the average
 * sentence length `avgdl` (each computed once, before the rows are read), its count `x.tf` in a
 * sentence of `x.dl` tokens. Written out so that no function is called per posting.
 */
const phraseScore = (idf: string, avgdl: string): string => `${idf} * ((x.tf::float8 * (1.2::float8 + 1.0::float8))
  / (x.tf::float8 + 1.2::float8 * (1.0::float8 - 0.75::float8 + 0.75::float8 * x.dl::float8 / ${avgdl})))`;

/** Placeholders for a statement's parameters, numbered in the order they are added. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The sentences holding a phrase of several stems, with its count in each (`tf`) and their
 * length (`dl`), in one pass over the stems' postings: the postings are joined on the sentence
 * (each stem's are in sentence order), the sentence's tsvector is matched against the phrase (in
 * C, `<->`), and the phrase is counted only where every stem occurs more than once: elsewhere a
 * match is one occurrence. The SQL is built from the number of stems only.
 */
function phraseRows(stems: readonly string[], params: Parameters): string {
  const joins = stems
    .slice(1)
    .map((stem, j) => `JOIN sentence_postings p${j + 1} ON p${j + 1}.term = ${params.add(stem)} AND p${j + 1}.sentence = p0.sentence`)
    .join('\n      ');
  const least = `least(${stems.map((_, j) => `p${j}.tf`).join(', ')})`;
  const first = params.add(stems[0]);
  const query = params.add(tsqueryLiteral([stems], 'any'));
  const phrase = params.add(stems.join(' '));
  return `SELECT h.sentence, h.dl, CASE WHEN h.once THEN 1 ELSE fts5_phrase_count(s.tokens, ${phrase}) END AS tf
    FROM (SELECT p0.sentence, p0.dl, ${least} = 1 AS once
      FROM sentence_postings p0
      ${joins}
      WHERE p0.term = ${first}) AS h
    JOIN sentences s ON s.id = h.sentence
    WHERE s.tokens @@ ${query}::tsquery`;
}

export function createSentenceSearch(db: Queryable, tokenizer: Fts5Tokenizer): SentenceSearch {
  return async (query) => {
    const phrases = queryPhrases(query.terms, tokenizer);
    if (phrases.length === 0) return [];
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1000));
    const params = new Parameters();
    const texts = phrases.map((p) => p.join(' '));
    const distinct = [...new Set(texts)];
    // Each distinct phrase of several stems is found once, kept, and counted from what was kept:
    // the number of sentences holding it is FTS5's document count for it.
    const multi = distinct.filter((text) => text.includes(' '));
    const found = multi.map((text, k) => `ph${k} AS MATERIALIZED (${phraseRows(text.split(' '), params)})`);
    const rowsOf = (text: string): string => {
      const k = multi.indexOf(text);
      return k >= 0 ? `SELECT sentence, tf, dl FROM ph${k}` : `SELECT sentence, tf, dl FROM sentence_postings WHERE term = ${params.add(text)}`;
    };
    const hitsOf = (text: string): string => {
      const k = multi.indexOf(text);
      return k >= 0 ? `(SELECT count(*) FROM ph${k})::float8` : `coalesce((SELECT documents FROM term_documents WHERE term = ${params.add(text)}), 0)::float8`;
    };
    const restrictions = [
      ...(query.articles ? [`x.sentence IN (SELECT id FROM sentences WHERE article = ANY(${params.add(query.articles)}::text[]))`] : []),
      // One speaker's quotation sentences, through its links (index entity_links_by_story_entity).
      ...(query.speakerId !== undefined
        ? [
            `x.sentence IN (SELECT s.id FROM entity_links l
            JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
            JOIN sentences s ON s.article = q.article AND s.idx = q.sentence
            WHERE l.story_entity = ${params.add(query.speakerId)})`,
          ]
        : []),
    ];
    const inArticles = restrictions.length > 0 ? `WHERE ${restrictions.join(' AND ')}` : '';
    // One branch per phrase of the query, in its order; each scores its rows with its IDF. The
    // IDF and the average length are scalar subqueries, computed once, not joined to every row.
    const branches = texts.map(
      (text, i) => `SELECT x.sentence, ${i + 1} AS i, ${distinct.indexOf(text) + 1} AS d,
        ${phraseScore(`(SELECT idf FROM w WHERE i = ${i + 1})`, '(SELECT avgdl FROM st)')} AS score
      FROM (${rowsOf(text)}) AS x ${inArticles}`,
    );
    const idfs = texts.map((text, i) => `(${i + 1}, ${hitsOf(text)})`).join(', ');
    const all = query.match === 'all' ? `HAVING count(DISTINCT c.d) = ${distinct.length}` : '';
    // The score of a sentence is its phrases' contributions added in the query's order, as FTS5's
    // loop adds them (floating-point sums depend on order, and ties on equal sums): the rows reach
    // the sum sorted by sentence and then by phrase. A phrase a sentence lacks adds 0 there, which
    // changes no sum. Only the top `limit` sentences are read.
    const { rows } = await db.query<HitRow>(
      `WITH st AS MATERIALIZED (
         SELECT sentences::float8 AS n, tokens::float8 / nullif(sentences, 0)::float8 AS avgdl FROM store_state WHERE id = 1
       )${found.map((cte) => `, ${cte}`).join('')}, w AS MATERIALIZED (
         SELECT u.i, CASE WHEN u.idf <= 0.0::float8 THEN 1e-6::float8 ELSE u.idf END AS idf
         FROM (SELECT v.i, ln((st.n - v.hits + 0.5::float8) / (v.hits + 0.5::float8)) AS idf FROM (VALUES ${idfs}) AS v (i, hits), st) AS u
       ), c AS (
         SELECT u.sentence, u.i, u.d, u.score FROM (
         ${branches.join('\n         UNION ALL\n         ')}
         ) AS u ORDER BY u.sentence, u.i
       ), top AS (
         SELECT c.sentence, sum(c.score) AS score
         FROM c
         GROUP BY c.sentence ${all}
         ORDER BY score DESC, c.sentence
         LIMIT ${params.add(limit)}
       )
       SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.score
       FROM top JOIN sentences s ON s.id = top.sentence
       ORDER BY top.score DESC, s.id`,
      params.values,
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
