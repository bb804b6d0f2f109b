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
import { PRUNING_TUNING, type PruningTuning } from '../sqlite/bm25-pruning.ts';
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
 * length (`dl`): found by the GIN index of the sentences' tsvectors (in C, `<->`), and the
 * phrase counted only where every stem occurs more than once (each stem's count read from its
 * posting, an index probe per found sentence): elsewhere a match is one occurrence. Joining
 * the stems' postings first read every posting of the commonest stem ("down" of "Downing
 * Street": 29,000 at 100k articles) for 2,400 sentences. The SQL is built from the number of
 * stems only.
 */
function phraseRows(stems: readonly string[], params: Parameters): string {
  const counts = stems.map((stem) => `(SELECT p.tf FROM sentence_postings p WHERE p.term = ${params.add(stem)} AND p.sentence = s.id)`);
  const query = params.add(tsqueryLiteral([stems], 'any'));
  const phrase = params.add(stems.join(' '));
  return `SELECT s.id AS sentence, s.token_count AS dl,
      CASE WHEN least(${counts.join(', ')}) = 1 THEN 1 ELSE fts5_phrase_count(s.tokens, ${phrase}) END AS tf
    FROM sentences s
    WHERE s.tokens @@ ${query}::tsquery`;
}

/** A sentence search that says how often the early stop answered (tests, bench). */
export interface PostgresSentenceSearch extends SentenceSearch {
  /** Searches answered from the candidates alone, and those that had to rank every match after trying. */
  readonly pruning: { answered: number; retried: number };
}

interface PrunedRow extends HitRow {
  /** How many candidates were ranked into the top (the limit unless fewer matched), the last one's score, and the bound. */
  found: string;
  last: number;
  bound: number;
}

/** What a search ranks: its phrases, and for the early stop the common words (bm25-pruning.ts). */
interface Ranking {
  readonly texts: readonly string[];
  readonly limit: number;
  readonly match: 'any' | 'all';
  readonly articles?: readonly string[];
  /** Only the sentences holding this story entity's quotations (SentenceQuery.speakerId). */
  readonly speakerId?: string;
  /** Single-stem phrases common enough to leave out of the candidates when held alone. */
  readonly common?: ReadonlySet<string>;
}

/**
 * The statement that ranks `ranking`'s phrases. With `common` words, only the candidates are
 * ranked: sentences holding a rare phrase, or two of the common words (found by the GIN index,
 * with nothing scored); the common words' rows are kept for the candidates only, so the
 * scoring, the sort and the sums see a fraction of the rows. Its rows then also carry how many were found, the last one's score and the bound (the
 * most a common word adds to a score, from its IDF read in the same snapshot).
 */
function rankingStatement(ranking: Ranking, params: Parameters): string {
  const { texts, common } = ranking;
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
  let candidates = '';
  if (common) {
    // Sentences holding two of the common words, found by the GIN index of the sentences'
    // tsvectors (in C, from its posting lists): counting them from the postings hashed 100,000
    // rows at 100k articles, five times slower.
    const words = [...common];
    const pairs = words
      .slice(0, -1)
      .map(
        (word, n) =>
          `(${tsqueryLiteral([[word]], 'any')} & (${tsqueryLiteral(
            words.slice(n + 1).map((other) => [other]),
            'any',
          )}))`,
      )
      .join(' | ');
    const rare = distinct.filter((text) => !text.includes(' ') && !common.has(text));
    const parts = [
      ...(rare.length > 0 ? [`SELECT sentence FROM sentence_postings WHERE term = ANY(${params.add(rare)}::text[])`] : []),
      ...multi.map((_, k) => `SELECT sentence FROM ph${k}`),
      ...(pairs ? [`SELECT id AS sentence FROM sentences WHERE tokens @@ ${params.add(pairs)}::tsquery`] : []),
    ];
    candidates = `, cand AS MATERIALIZED (${parts.length > 0 ? parts.join(' UNION ') : 'SELECT NULL::bigint AS sentence WHERE false'})`;
  }
  const restrictions = [
    ...(ranking.articles ? [`x.sentence IN (SELECT id FROM sentences WHERE article = ANY(${params.add(ranking.articles)}::text[]))`] : []),
    // One speaker's quotation sentences, through its links (index entity_links_by_story_entity).
    ...(ranking.speakerId !== undefined
      ? [
          `x.sentence IN (SELECT s.id FROM entity_links l
          JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
          JOIN sentences s ON s.article = q.article AND s.idx = q.sentence
          WHERE l.story_entity = ${params.add(ranking.speakerId)})`,
        ]
      : []),
  ];
  const inArticles = restrictions.length > 0 ? `WHERE ${restrictions.join(' AND ')}` : '';
  const idfOf = (i: number) => `(SELECT idf FROM w WHERE i = ${i})`;
  // One branch per phrase of the query, in its order; each scores its rows with its IDF. The
  // IDF and the average length are scalar subqueries, computed once, not joined to every row.
  const branches = texts.flatMap((text, i) =>
    common?.has(text)
      ? []
      : [
          `SELECT x.sentence, ${i + 1} AS i, ${distinct.indexOf(text) + 1} AS d,
        ${phraseScore(idfOf(i + 1), '(SELECT avgdl FROM st)')} AS score
      FROM (${rowsOf(text)}) AS x ${inArticles}`,
        ],
  );
  // The common words' rows, kept for the candidates only: one branch for all of them, so that
  // the candidates are hashed once; each row scored with its own phrase's IDF, as above.
  const commonBranches = common ? texts.flatMap((text, i) => (common.has(text) ? [i + 1] : [])) : [];
  if (commonBranches.length > 0) {
    const rows = commonBranches
      .map(
        (i) =>
          `SELECT sentence, tf, dl, ${i} AS i, ${distinct.indexOf(texts[i - 1]!) + 1} AS d FROM sentence_postings WHERE term = ${params.add(texts[i - 1])}`,
      )
      .join(' UNION ALL ');
    const idf = `CASE x.i ${commonBranches.map((i) => `WHEN ${i} THEN ${idfOf(i)}`).join(' ')} END`;
    branches.push(`SELECT x.sentence, x.i, x.d, ${phraseScore(idf, '(SELECT avgdl FROM st)')} AS score
      FROM (${rows}) AS x WHERE x.sentence IN (SELECT sentence FROM cand)`);
  }
  const idfs = texts.map((text, i) => `(${i + 1}, ${hitsOf(text)})`).join(', ');
  const all = ranking.match === 'all' ? `HAVING count(DISTINCT c.d) = ${distinct.length}` : '';
  // What a phrase adds is below its IDF × (k1 + 1): the common words' largest is the bound.
  const pruned = common
    ? `, (SELECT count(*) FROM top) AS found, (SELECT min(score) FROM top) AS last,
         (SELECT max(idf) FROM w WHERE i IN (${commonBranches.join(', ')})) * (1.2::float8 + 1.0::float8) AS bound`
    : '';
  // The score of a sentence is its phrases' contributions added in the query's order, as FTS5's
  // loop adds them (floating-point sums depend on order, and ties on equal sums): the rows reach
  // the sum sorted by sentence and then by phrase. A phrase a sentence lacks adds 0 there, which
  // changes no sum. Only the top `limit` sentences are read.
  return `WITH st AS MATERIALIZED (
         SELECT sentences::float8 AS n, tokens::float8 / nullif(sentences, 0)::float8 AS avgdl FROM store_state WHERE id = 1
       )${found.map((cte) => `, ${cte}`).join('')}${candidates}, w AS MATERIALIZED (
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
         LIMIT ${params.add(ranking.limit)}
       )
       SELECT s.article, s.idx, s.text, s.start_offset, s.end_offset, s.kind, top.score${pruned}
       FROM top JOIN sentences s ON s.id = top.sentence
       ORDER BY top.score DESC, s.id`;
}

/** The SQLite engine's tuning, and the share of the postings read the common words must hold. */
export interface PostgresPruningTuning extends PruningTuning {
  /**
   * Pruning is tried only when the common words hold at least this share of the single-stem
   * postings the search reads (each phrase's counted once per time the query names it). Finding
   * the candidates costs about as much as ranking the rows it saves when rarer words are as
   * many: "economy" named four times (economy, economic, economics, economical, one stem) and
   * held by 17,600 sentences at 100k articles made "What did the minister say about the
   * economy?" 15% dearer with the early stop, while the sixteen names of the UK (101,000
   * postings of five common words) were 10% cheaper.
   */
  readonly commonPostingsShare: number;
}

// From 50,000 postings, as measured on this engine at 100k (the SQLite engine's second, narrower
// try lets it prune from 20,000; this engine tries once).
export const POSTGRES_PRUNING_TUNING: PostgresPruningTuning = { ...PRUNING_TUNING, minPostings: 50_000, commonPostingsShare: 2 / 3 };

/**
 * The common words of a query for the early stop (bm25-pruning.ts, as the SQLite engine picks
 * them): single-stem phrases no other single-stem phrase repeats, held by at least
 * `commonShare` of the sentences; null when there are none, or their postings are too few for
 * the early stop to pay.
 */
function commonWords(texts: readonly string[], documents: ReadonlyMap<string, number>, sentences: number, tuning: PostgresPruningTuning): Set<string> | null {
  const single = new Map<string, number>();
  for (const text of texts) if (!text.includes(' ')) single.set(text, (single.get(text) ?? 0) + 1);
  const common = [...single].filter(([text, n]) => n === 1 && (documents.get(text) ?? 0) >= sentences * tuning.commonShare).map(([text]) => text);
  if (common.length === 0) return null;
  const held = common.reduce((sum, text) => sum + (documents.get(text) ?? 0), 0);
  if (held < tuning.minPostings) return null;
  const read = [...single].reduce((sum, [text, n]) => sum + n * (documents.get(text) ?? 0), 0);
  if (held < read * tuning.commonPostingsShare) return null;
  return new Set(common);
}

/**
 * The search. A wide OR search (the `any` match, two phrases or more, some of them common words
 * with many postings) first ranks only the sentences that could enter the top (bm25-pruning.ts's
 * exact early stop): if the last of the top scores above everything a sentence holding one common
 * word alone could score (the bound, read in the same statement, so in the same snapshot as the
 * ranking), no other sentence can enter the top or tie it, and the hits are exactly those of
 * ranking every match. If not, every match is ranked.
 */
export function createSentenceSearch(db: Queryable, tokenizer: Fts5Tokenizer, tuning: PostgresPruningTuning = POSTGRES_PRUNING_TUNING): PostgresSentenceSearch {
  const pruning = { answered: 0, retried: 0 };

  /** The top from the candidates, or null when another sentence might belong there. */
  const prunedSearch = async (texts: readonly string[], limit: number): Promise<SentenceHit[] | null> => {
    const singles = [...new Set(texts.filter((text) => !text.includes(' ')))];
    if (singles.length === 0 || texts.length < 2) return null;
    const { rows: counts } = await db.query<{ n: string; term: string | null; documents: number | null }>(
      `SELECT s.sentences AS n, t.term, t.documents FROM store_state s LEFT JOIN term_documents t ON t.term = ANY($1::text[]) WHERE s.id = 1`,
      [singles],
    );
    const sentences = Number(counts[0]?.n ?? 0);
    const documents = new Map(counts.flatMap((row) => (row.term === null ? [] : [[row.term, row.documents ?? 0] as const])));
    const common = commonWords(texts, documents, sentences, tuning);
    if (!common) return null;
    const params = new Parameters();
    const { rows } = await db.query<PrunedRow>(rankingStatement({ texts, limit, match: 'any', common }, params), params.values);
    const first = rows[0];
    // Strictly above the bound: a sentence left out scores below it, so it cannot tie the last either.
    if (first && Number(first.found) === limit && first.last > first.bound * (1 + 1e-9)) {
      pruning.answered += 1;
      return rows.map(toHit);
    }
    pruning.retried += 1;
    return null;
  };

  const search = async (query: SentenceQuery): Promise<SentenceHit[]> => {
    const phrases = queryPhrases(query.terms, tokenizer);
    if (phrases.length === 0) return [];
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1000));
    const texts = phrases.map((p) => p.join(' '));
    const match = query.match ?? 'any';
    if (match === 'any' && !query.articles && query.speakerId === undefined) {
      const hits = await prunedSearch(texts, limit);
      if (hits) return hits;
    }
    const params = new Parameters();
    const { rows } = await db.query<HitRow>(
      rankingStatement(
        {
          texts,
          limit,
          match,
          ...(query.articles ? { articles: query.articles } : {}),
          ...(query.speakerId !== undefined ? { speakerId: query.speakerId } : {}),
        },
        params,
      ),
      params.values,
    );
    return rows.map(toHit);
  };
  return Object.assign(search, { pruning });
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
